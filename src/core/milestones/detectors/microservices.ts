import type { Evidence } from '../../progress/model';
import type { Detector, DetectOutcome } from '../detector';
import { checked, MAX_EVIDENCE } from '../detector';
import type { PathRule } from '../pathRule';
import { manifestKindOf, MANIFEST_GLOBS } from '../manifests/registry';
import { ownNonTestFile, withoutComments } from './configText';
import { DOCKERFILE_RULE } from './infra';

/** Folders of front ends, docs, examples and dev containers: their images are not services of the back end. */
const NOT_A_SERVICE_DIR = /(^|\/)(frontend|front-end|client|ui|spa|webapp|web-app|docs?|examples?|samples?|\.devcontainer|e2e|tests?)(\/|$)/i;
/** Images that serve static files, proxy or store data: a Dockerfile ending on one of them builds no application. */
const INFRASTRUCTURE_IMAGE = /^(?:[\w.-]+\/)*(nginx|httpd|caddy|traefik|haproxy|envoy|postgres|postgis|mysql|mariadb|mongo|redis|valkey|rabbitmq|elasticsearch|opensearch|kafka|zookeeper|minio|localstack)(?::|@|$)/i;
/** Dockerfile name suffixes that are variants of the same service (Dockerfile.dev), not another service. */
const VARIANT = /^(dev|develop|development|prod|production|local|test|ci|debug|base|release|staging)$/;

const SERVICE_MANIFEST = /(^|\/)(services|microservices)\/([^/]+)\/[^/]+$/;

const SERVICE_MANIFEST_RULE: PathRule = {
  // Over every file of the folder (namePattern /./): the cheap, selective test first.
  where: (path) => SERVICE_MANIFEST.test(path) && manifestKindOf(path) !== undefined && ownNonTestFile(path),
  namePattern: /./,
  globs: MANIFEST_GLOBS,
};

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The service a Dockerfile builds: its folder, plus the name in `api.Dockerfile` / `Dockerfile.worker`. */
function serviceKey(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const stem = /^(.+)\.dockerfile$/.exec(name)?.[1] ?? /^(?:dockerfile|containerfile)[.-](.+)$/.exec(name)?.[1];
  const dir = dirOf(path);
  return stem === undefined || VARIANT.test(stem) ? dir : `${dir}#${stem}`;
}

function finalImage(text: string): string | undefined {
  const stages = [...withoutComments(text, 'hash').matchAll(/^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(\S+)/gim)];
  return stages[stages.length - 1]?.[1];
}

/**
 * Two or more separately built services of the project's own: Dockerfiles building applications in different
 * folders (or named for different services), or services/<name>/ folders with their own manifest.
 */
export const microservices: Detector = {
  id: 'arch.microservices',
  watch: [DOCKERFILE_RULE, SERVICE_MANIFEST_RULE],
  async detect(context): Promise<DetectOutcome> {
    const services = new Map<string, string>();
    for (const path of (await context.find(DOCKERFILE_RULE)).slice(0, 60)) {
      if (!ownNonTestFile(path) || NOT_A_SERVICE_DIR.test(dirOf(path))) {
        continue;
      }
      const text = await context.readText(path);
      const image = text === undefined ? undefined : finalImage(text);
      if (image === undefined || INFRASTRUCTURE_IMAGE.test(image)) {
        continue;
      }
      const key = serviceKey(path);
      if (!services.has(key)) {
        services.set(key, path);
      }
    }
    // Folders under services/ with their own manifest; counted apart, so a root Dockerfile building one of them is not a second service.
    const folders = new Map<string, string>();
    for (const path of await context.find(SERVICE_MANIFEST_RULE)) {
      const key = dirOf(path);
      if (!NOT_A_SERVICE_DIR.test(key) && !folders.has(key)) {
        folders.set(key, path);
      }
    }
    const found = services.size >= folders.size ? services : folders;
    if (found.size < 2) {
      return checked([]);
    }
    const evidence: Evidence[] = [...found.entries()]
      .slice(0, MAX_EVIDENCE)
      .map(([key, path]) => context.evidence('arch.microservices', `service ${key.replace(/#/, ' ') || '(root)'} built from ${path} (${found.size} services)`, { path }));
    return checked(evidence);
  },
};
