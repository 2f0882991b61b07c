/**
 * Links from a git remote to the hosting service's web pages (repository, commit, file at a commit), for
 * the three services whose URL layout is known. Any other remote gets no link: a guessed URL that leads
 * nowhere is worse than none. Credentials in a remote URL never leave this file.
 */

export type HostingService = 'github' | 'gitlab' | 'bitbucket';

/** A repository on a known hosting service. */
export interface RemoteRepository {
  readonly service: HostingService;
  /** `https://github.com/owner/repo`: no credentials, no `.git`. */
  readonly webUrl: string;
}

const SERVICES: ReadonlyMap<string, HostingService> = new Map([
  ['github.com', 'github'],
  ['www.github.com', 'github'],
  ['ssh.github.com', 'github'],
  ['gitlab.com', 'gitlab'],
  ['www.gitlab.com', 'gitlab'],
  ['altssh.gitlab.com', 'gitlab'],
  ['bitbucket.org', 'bitbucket'],
  ['www.bitbucket.org', 'bitbucket'],
  ['altssh.bitbucket.org', 'bitbucket'],
]);

const CANONICAL_HOST: Readonly<Record<HostingService, string>> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

/** Schemes a remote on another machine uses; anything else (a local path, file://) is private. */
const NETWORK_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:']);

/**
 * `user@host:path`, git's scp-like syntax (no scheme; the host is not a single drive letter). A second `@`
 * (`user:token@host:path`) is refused: it could only be a credential in the wrong place.
 */
const SCP_LIKE = /^(?:([^@/:\s]+)@)?([A-Za-z0-9.-]{2,}):(?!\/\/)([^@\s]+)$/;

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** `scheme://…`: parsed as a URL; without one, the scp-like syntax applies. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const COMMIT = /^[0-9a-f]{7,64}$/i;

interface ParsedRemote {
  readonly host: string;
  readonly path: string;
}

function parseRemote(url: string): ParsedRemote | undefined {
  const text = url.trim();
  if (HAS_SCHEME.test(text)) {
    const parsed = networkUrl(text);
    return parsed === undefined ? undefined : { host: parsed.hostname.toLowerCase(), path: decodeSafely(parsed.pathname) };
  }
  const scp = SCP_LIKE.exec(text);
  return scp === null ? undefined : { host: (scp[2] ?? '').toLowerCase(), path: scp[3] ?? '' };
}

function decodeSafely(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The repository on GitHub, GitLab (with subgroups) or Bitbucket a remote URL points to; undefined for any other. */
export function remoteRepository(url: string): RemoteRepository | undefined {
  const parsed = parseRemote(url);
  const service = parsed === undefined ? undefined : SERVICES.get(parsed.host);
  if (parsed === undefined || service === undefined) {
    return undefined;
  }
  const segments = parsed.path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (segments.some((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..')) {
    return undefined;
  }
  // GitHub and Bitbucket: owner/repo. GitLab: group/subgroup/.../project (a sane depth).
  const fits = service === 'gitlab' ? segments.length >= 2 && segments.length <= 20 : segments.length === 2;
  return fits ? { service, webUrl: `https://${CANONICAL_HOST[service]}/${segments.join('/')}` } : undefined;
}

/** The page of one commit; undefined when `commit` is not a commit id. */
export function commitUrl(repository: RemoteRepository, commit: string): string | undefined {
  if (!COMMIT.test(commit)) {
    return undefined;
  }
  const sha = commit.toLowerCase();
  switch (repository.service) {
    case 'github':
      return `${repository.webUrl}/commit/${sha}`;
    case 'gitlab':
      return `${repository.webUrl}/-/commit/${sha}`;
    case 'bitbucket':
      return `${repository.webUrl}/commits/${sha}`;
  }
}

/** The page of a file as it was at a commit, at `line` when given; undefined for a bad commit id or path. */
export function fileAtCommitUrl(repository: RemoteRepository, commit: string, filePath: string, line?: number): string | undefined {
  const segments = filePath.split('/');
  if (!COMMIT.test(commit) || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return undefined;
  }
  const sha = commit.toLowerCase();
  const encoded = segments.map(encodeURIComponent).join('/');
  const hasLine = line !== undefined && Number.isInteger(line) && line > 0;
  switch (repository.service) {
    case 'github':
      return `${repository.webUrl}/blob/${sha}/${encoded}${hasLine ? `#L${line}` : ''}`;
    case 'gitlab':
      return `${repository.webUrl}/-/blob/${sha}/${encoded}${hasLine ? `#L${line}` : ''}`;
    case 'bitbucket':
      return `${repository.webUrl}/src/${sha}/${encoded}${hasLine ? `#lines-${line}` : ''}`;
  }
}

/**
 * A remote URL fit to publish: on another machine (never a local path or file://), without a password or
 * token. An https user name is dropped too (`https://TOKEN@github.com/...` carries the token there); an ssh
 * user name (`git@`) is kept, it is part of the address. Undefined when the remote is local or unreadable.
 */
export function publicRemoteUrl(url: string): string | undefined {
  const text = url.trim();
  if (HAS_SCHEME.test(text)) {
    const parsed = networkUrl(text);
    if (parsed === undefined) {
      return undefined;
    }
    parsed.password = '';
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
      parsed.username = '';
    }
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  }
  return SCP_LIKE.test(text) && !/\s/.test(text) ? text : undefined;
}

/** A URL a page may link to: https only, no credentials. Anything else is refused (undefined). */
export function safeLinkUrl(url: string): string | undefined {
  const parsed = parsedUrl(url);
  return parsed?.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : undefined;
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A URL naming another machine (a network scheme and a host); undefined for anything else. */
function networkUrl(text: string): URL | undefined {
  const parsed = parsedUrl(text);
  return parsed !== undefined && NETWORK_SCHEMES.has(parsed.protocol) && parsed.hostname !== '' ? parsed : undefined;
}
