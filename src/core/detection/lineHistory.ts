/**
 * Which commit wrote a line, read from one `git log -p -U0` over the evidence's files instead of one
 * `git blame` per file: each blame is a process (10 to 60 ms here, hundreds of milliseconds on a large
 * repository), and a scan's evidence names several files.
 *
 * The answer is the one blame gives while the history read is a single line of commits: a line is followed
 * from HEAD back through each commit's hunks to the commit whose added lines hold it. The log lists children
 * before parents (`--topo-order`), so the commits before its first merge are that line from HEAD. Where
 * blame could answer otherwise, the caller asks blame:
 * - a line older than a merge in the history read (a merge that changed the files: blame splits the lines
 *   between its parents);
 * - a file the history does not reach the start of (the log's commit bound), or a binary change;
 * - a line added by a commit that created the file and has a parent: blame follows a rename there, which
 *   a log limited to the file cannot see (see `createdWithParent`).
 */

/** Commits read at most: the same bound as the history of the files without patches. */
export const LINE_LOG_LIMIT = 2000;

/** Starts each commit's line in the logs read here (a byte no path or email holds). */
export const COMMIT_MARK = '\x01';

/**
 * The arguments of the one `git log` that answers for every file: patches with no context, against the
 * parent (no merge diffs), with renames off (a rename shows as a creation, which the caller checks) and the
 * diff settings a repository could change pinned to the ones blame uses (git 2.39 blame diffs with Myers
 * whatever `diff.algorithm` says), paths from the top level, with fixed prefixes. A name git quotes (not
 * ASCII, or holding a quote, a backslash or a control character) is read back by `unquotedPath`.
 */
export function lineHistoryArgs(files: readonly string[]): readonly string[] {
  return [
    'log',
    `--max-count=${LINE_LOG_LIMIT}`,
    '--no-show-signature',
    `--format=${COMMIT_MARK}%H%x09%ae%x09%P%x09%ct`,
    '--topo-order',
    '-p',
    '-U0',
    '--no-renames',
    '--diff-algorithm=myers',
    '--no-relative',
    '--no-color',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    'HEAD',
    '--',
    ...files.map((file) => `:(literal)${file}`),
  ];
}

/** One hunk of a `-U0` patch: `count` lines from `start` in the parent became `newCount` lines from `newStart`. */
interface Hunk {
  readonly start: number;
  readonly count: number;
  readonly newStart: number;
  readonly newCount: number;
}

interface FilePatch {
  readonly created: boolean;
  readonly binary: boolean;
  readonly hunks: Hunk[];
}

interface PatchedCommit {
  readonly commit: string;
  readonly email: string;
  readonly parents: number;
  /** Committer time (seconds): which change of a file is its last, in the order a plain `git log` prints them. */
  readonly committed: number;
  readonly files: Map<string, FilePatch>;
}

export interface LineHistory {
  /** Newest first, as git printed them. */
  readonly commits: readonly PatchedCommit[];
  /** A file header could not be read (a quoted name): that file's history is incomplete. */
  readonly unreadable: boolean;
}

/** Where a line came from: the commit and its author, and whether that commit created the file from a parent. */
export interface LineOrigin {
  readonly commit: string;
  readonly email: string;
  /** The commit created the file and has a parent: it may be a rename, which blame would follow. */
  readonly createdWithParent: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses the output of `lineHistoryArgs`. Lower-case emails are the caller's business. */
export function parseLineHistory(stdout: string): LineHistory {
  const commits: PatchedCommit[] = [];
  let unreadable = false;
  let current: PatchedCommit | undefined;
  // The file section being read: its paths from the `---`/`+++` lines, then its hunks.
  let oldPath: string | undefined;
  let section: { hunks: Hunk[]; created: boolean; binary: boolean } | undefined;
  const endSection = (): void => {
    section = undefined;
    oldPath = undefined;
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(COMMIT_MARK)) {
      endSection();
      const [commit = '', email = '', parents = '', committed = '0'] = line.slice(1).split('\t');
      const parentCount = parents.trim() === '' ? 0 : parents.trim().split(' ').length;
      current = { commit, email, parents: parentCount, committed: Number(committed), files: new Map() };
      commits.push(current);
    } else if (current === undefined) {
      continue;
    } else if (line.startsWith('diff --git ')) {
      endSection();
      section = { hunks: [], created: false, binary: false };
    } else if (section === undefined) {
      continue;
    } else if (line.startsWith('@@ ')) {
      const hunk = HUNK.exec(line);
      if (hunk === null) {
        unreadable = true;
        continue;
      }
      section.hunks.push({ start: Number(hunk[1]), count: hunk[2] === undefined ? 1 : Number(hunk[2]), newStart: Number(hunk[3]), newCount: hunk[4] === undefined ? 1 : Number(hunk[4]) });
    } else if (section.hunks.length > 0) {
      // A hunk's own lines: `+`, `-` and `\ No newline at end of file`; a header never follows a hunk.
      continue;
    } else if (line.startsWith('new file mode ')) {
      section.created = true;
    } else if (line.startsWith('Binary files ')) {
      section.binary = true;
      // A binary change names its paths on this line only ("Binary files a/x and b/x differ").
      const names = /^Binary files (.*|\/dev\/null) and (.*|\/dev\/null) differ$/.exec(line);
      const named = unquotedPath(names?.[2] === '/dev/null' ? names[1] : names?.[2]);
      const path = named !== undefined && /^[ab]\//.test(named) ? named.slice(2) : undefined;
      if (path === undefined) {
        unreadable = true;
      } else {
        current.files.set(path, section);
      }
    } else if (line.startsWith('--- ')) {
      oldPath = line.slice(4);
    } else if (line.startsWith('+++ ')) {
      const newPath = line.slice(4);
      const named = unquotedPath(newPath === '/dev/null' ? oldPath : newPath);
      if (named === undefined || !/^[ab]\//.test(named)) {
        unreadable = true;
      } else {
        current.files.set(named.slice(2), section);
      }
    }
  }
  return { commits, unreadable };
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git printed it in a patch header: as is, or C-quoted (`"b/caf\303\251.js"`, its bytes UTF-8).
 * Undefined for what is not a path.
 */
export function unquotedPath(printed: string | undefined): string | undefined {
  if (printed?.startsWith('"') !== true) {
    return printed;
  }
  if (printed.length < 2 || !printed.endsWith('"')) {
    return undefined;
  }
  const bytes: number[] = [];
  const body = printed.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    const escaped = ESCAPES[body[i + 1] ?? ''];
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (escaped !== undefined) {
      bytes.push(escaped);
      i += 1;
    } else {
      return undefined;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The commit whose patch added line `line` (1-based) of `file` as it is at HEAD, or undefined when the
 * history cannot say as blame would (see the module's comment).
 */
export function lineOrigin(history: LineHistory, file: string, line: number): LineOrigin | undefined {
  if (history.unreadable) {
    return undefined;
  }
  let at = line;
  for (const { commit, email, parents, files } of history.commits) {
    if (parents > 1) {
      // Blame would split what is left between the merge's parents: not one line of commits any more.
      return undefined;
    }
    const patch = files.get(file);
    if (patch === undefined) {
      continue;
    }
    if (patch.binary) {
      return undefined;
    }
    let shift = 0;
    for (const hunk of patch.hunks) {
      if (hunk.newCount > 0 && at >= hunk.newStart && at < hunk.newStart + hunk.newCount) {
        return { commit, email, createdWithParent: patch.created && parents > 0 };
      }
      // A hunk that adds nothing removes lines after line `newStart`; one that adds ends at its last line.
      const end = hunk.newCount > 0 ? hunk.newStart + hunk.newCount - 1 : hunk.newStart;
      if (end < at) {
        shift += hunk.newCount - hunk.count;
      }
    }
    if (patch.created) {
      // Created here, yet this line was not among what it added: the history read is not the file's.
      return undefined;
    }
    at -= shift;
  }
  // Never added within the commits read: they stop before the file's start (the bound) or miss a commit.
  return undefined;
}

/** The arguments of the one `git log` that says which of `commits` renamed a file (rename detection on, the whole tree). */
export function renamesArgs(commits: readonly string[]): readonly string[] {
  return ['log', '--no-walk=unsorted', `--format=${COMMIT_MARK}%H`, '--name-status', '-z', '--find-renames', '--no-relative', ...commits];
}

/** Per commit, the paths it created by renaming another file, from `renamesArgs`' output. */
export function parseRenames(stdout: string): Map<string, Set<string>> {
  const renamed = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  const fields = stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = (fields[i] ?? '').replace(/^\n+/, '');
    if (field.startsWith(COMMIT_MARK)) {
      current = new Set();
      renamed.set(field.slice(1).trim(), current);
    } else if (/^[RC]\d*$/.test(field)) {
      // A rename or copy names the source, then the destination.
      const destination = fields[i + 2];
      if (current !== undefined && destination !== undefined) {
        current.add(destination);
      }
      i += 2;
    } else if (/^[ADMTUX]$/.test(field)) {
      i += 1;
    }
  }
  return renamed;
}
