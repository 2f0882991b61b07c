import type { Evidence } from '../../progress/model';
import type { Detector, DetectOutcome } from '../detector';
import { checked, MAX_EVIDENCE } from '../detector';
import type { DependencyRule } from '../manifests/dependencyRule';
import { compileDependencyRule } from '../manifests/dependencyRule';
import { MANIFEST_WATCH_RULE } from '../manifests/registry';
import type { PathRule } from '../pathRule';
import type { ScanContext } from '../scanContext';
import type { SignalSpec } from '../signals';
import { describeDependency, signalDetector } from '../signals';
import { findInSources } from '../sourceScan';
import { languageOf, sourceGlob } from '../sourceLanguages';
import { SERVER_FRAMEWORK_DEPENDENCIES } from './frameworks';
import { ROUTE_SIGNALS, ROUTE_SOURCE_HINT } from './routePatterns';

const isServerFramework = compileDependencyRule(SERVER_FRAMEWORK_DEPENDENCIES);

interface ServerFacts {
  /** Manifests that declare a server-side web framework. */
  readonly manifests: ReadonlySet<string>;
  /** Whether the folder registers HTTP routes of its own (`api.rest`'s patterns). */
  readonly routes: Promise<boolean>;
}

/** Per scan: the facts are shared by every detector that asks. */
const factsByContext = new WeakMap<ScanContext, Promise<ServerFacts>>();

function serverFacts(context: ScanContext): Promise<ServerFacts> {
  let facts = factsByContext.get(context);
  if (facts === undefined) {
    facts = (async () => {
      const manifests = new Set((await context.dependencies()).filter(isServerFramework).map((dependency) => dependency.manifest));
      let routes: Promise<boolean> | undefined;
      return {
        manifests,
        get routes() {
          routes ??= findInSources(context, ROUTE_SIGNALS, ROUTE_SOURCE_HINT).then((finding) => finding !== undefined);
          return routes;
        },
      };
    })();
    factsByContext.set(context, facts);
  }
  return facts;
}

const ROUTE_LANGUAGES = [...new Set(ROUTE_SIGNALS.flatMap((signal) => signal.languages))];

/** Source files that can hold routes, which decide whether a folder is server code. */
const ROUTE_SOURCES: PathRule = {
  namePattern: /\./,
  where: (path) => {
    const language = languageOf(path);
    return language !== undefined && ROUTE_LANGUAGES.includes(language);
  },
  globs: [sourceGlob(ROUTE_LANGUAGES)],
};

export interface ServerSideSpec extends SignalSpec {
  readonly dependencies: DependencyRule;
  /** Source patterns that name a server framework's own API count without the server-code test. */
  readonly sourcesAlone?: boolean;
}

/**
 * A detector for things that only count in server code (an HTTP client, a validation or cache library,
 * which browser apps use too). A dependency counts when its manifest also declares a server framework;
 * outside npm (where a browser app's package.json is the usual near miss) it also counts when the folder
 * registers HTTP routes (Go's net/http needs no framework). Files and source patterns count when the
 * folder is server code by either test, or always with `sourcesAlone`.
 */
export function serverSideDetector(spec: ServerSideSpec): Detector {
  const { dependencies, sourcesAlone, ...rest } = spec;
  const matches = compileDependencyRule(dependencies);
  const inner = signalDetector(rest);
  return {
    id: spec.id,
    watch: [...inner.watch, MANIFEST_WATCH_RULE, ROUTE_SOURCES],
    async detect(context): Promise<DetectOutcome> {
      const facts = await serverFacts(context);
      const evidence: Evidence[] = [];
      for (const dependency of await context.dependencies()) {
        if (evidence.length >= MAX_EVIDENCE || !matches(dependency) || !(spec.acceptDependency?.(dependency) ?? true)) {
          continue;
        }
        const serverManifest = facts.manifests.has(dependency.manifest) || (dependency.ecosystem !== 'npm' && (await facts.routes));
        if (serverManifest) {
          evidence.push(context.evidence(spec.id, describeDependency(dependency), dependency.line === undefined ? { path: dependency.manifest } : { path: dependency.manifest, line: dependency.line }));
        }
      }
      if (evidence.length === 0 && (sourcesAlone === true || facts.manifests.size > 0 || (await facts.routes))) {
        return inner.detect(context);
      }
      return checked(evidence);
    },
  };
}
