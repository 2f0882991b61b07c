import type { Evidence } from '../../progress/model';
import { yieldWhenDue } from '../../scan/yieldToEventLoop';
import type { Detector, DetectOutcome } from '../detector';
import { checked, MAX_EVIDENCE } from '../detector';
import type { PathRule } from '../pathRule';
import { preferFirst } from '../pathRule';
import type { ScanContext } from '../scanContext';
import { isTestPath, LANGUAGE_EXTENSIONS, languageOf, sourceGlob } from '../sourceLanguages';
import { MAX_SOURCE_FILES_PER_DETECTOR } from '../sourceScan';
import { ownFile } from './common';
import type { HttpMethod, RouteSignal } from './routePatterns';
import { HTTP_METHODS, methodOf, ROUTE_SIGNALS, ROUTE_SOURCE_HINT } from './routePatterns';
import { patternMatches } from '../../scan/patternMatches';

/** Distinct HTTP methods a project must handle for a REST API of its own. */
export const REQUIRED_METHODS = 3;

/** Which methods a Django REST framework view class serves, from its base classes. */
function drfViewMethods(bases: string): readonly HttpMethod[] {
  if (/\bModelViewSet\b/.test(bases) && !/\bReadOnlyModelViewSet\b/.test(bases)) {
    return HTTP_METHODS;
  }
  const methods: HttpMethod[] = [];
  if (/List|Retrieve|ReadOnly/.test(bases)) {
    methods.push('GET');
  }
  if (bases.includes('Create')) {
    methods.push('POST');
  }
  if (bases.includes('Update')) {
    methods.push('PUT', 'PATCH');
  }
  if (bases.includes('Destroy')) {
    methods.push('DELETE');
  }
  return methods;
}

/**
 * Registrations that say their methods without a route path in the same place: Django REST framework
 * viewsets and generic views (routed by a router or urls.py), and method handlers of class-based views.
 */
const CLASS_VIEW_SIGNALS: readonly RouteSignal[] = [
  {
    languages: ['python'],
    pattern: /^[ \t]*class[ \t]+(\w+)\(([^)]*(?:ViewSet|APIView|ModelMixin)\b[^)]*)\)/gm,
    describe: (m) => `view class ${m[1] ?? ''}`,
    methods: (m) => drfViewMethods(m[2] ?? ''),
  },
  {
    languages: ['python'],
    pattern: /^[ \t]+(?:async[ \t]+)?def[ \t]+(get|post|put|patch|delete)\(\s*self\s*,\s*request\b/gm,
    describe: (m) => `view method ${m[1] ?? ''}()`,
    methods: (m) => {
      const method = methodOf(m[1]);
      return method === undefined ? [] : [method];
    },
  },
];

const SIGNALS: readonly RouteSignal[] = [...ROUTE_SIGNALS, ...CLASS_VIEW_SIGNALS];
const LANGUAGES = [...new Set(SIGNALS.flatMap((signal) => signal.languages))];

const SOURCES: PathRule = {
  extensions: LANGUAGES.flatMap((language) => LANGUAGE_EXTENSIONS[language]),
  where: (path) => {
    const language = languageOf(path);
    return language !== undefined && LANGUAGES.includes(language) && ownFile(path) && !isTestPath(path);
  },
  globs: [sourceGlob(LANGUAGES)],
};

const READ_BATCH = 16;

/**
 * `api.rest-methods`: the project's own route registrations (the patterns of `api.rest`, with its skip
 * rules: tests, fixtures, generator samples) handle at least three of GET, POST, PUT, PATCH, DELETE.
 * Registrations that do not say their method (Django `path()`, `HandleFunc("/x")`) count for none.
 */
export const restMethods: Detector = {
  id: 'api.rest-methods',
  watch: [SOURCES],
  async detect(context): Promise<DetectOutcome> {
    const found = await methodsHandled(context);
    if (found.size < REQUIRED_METHODS) {
      return checked([]);
    }
    return checked([...found.values()].slice(0, MAX_EVIDENCE));
  },
};

async function methodsHandled(context: ScanContext): Promise<Map<HttpMethod, Evidence>> {
  const found = new Map<HttpMethod, Evidence>();
  const listed = await context.find(SOURCES);
  const files = preferFirst(listed, ROUTE_SOURCE_HINT, MAX_SOURCE_FILES_PER_DETECTOR);
  const add = (file: string, handled: readonly HandledMethod[]): void => {
    for (const { method, summary, line } of handled) {
      if (!found.has(method)) {
        found.set(method, context.evidence('api.rest-methods', `${method}: ${summary} in ${file}:${line}`, { path: file, line }));
      }
    }
  };
  for (let start = 0; start < files.length && found.size < HTTP_METHODS.length; start += READ_BATCH) {
    context.signal?.throwIfAborted();
    // Unchanged files (on a re-check, nearly all) answer at once, without a read.
    const answers = files.slice(start, start + READ_BATCH).map((file) => [file, context.remembered.answerForFile(file, SIGNALS, () => methodsInFile(context, file))] as const);
    for (const [file, answer] of answers) {
      add(file, answer instanceof Promise ? await answer : answer.value);
    }
    await yieldWhenDue();
  }
  return found;
}

/** A method a route registration handles, in the order the file's registrations say them. */
interface HandledMethod {
  readonly method: HttpMethod;
  readonly summary: string;
  readonly line: number;
}

/** Every method the file's own route registrations handle (worked out once per file version). */
async function methodsInFile(context: ScanContext, file: string): Promise<readonly HandledMethod[]> {
  const handled: HandledMethod[] = [];
  const language = languageOf(file);
  const text = await context.readText(file);
  if (language === undefined || text === undefined) {
    return handled;
  }
  for (const signal of SIGNALS) {
    if (!signal.languages.includes(language) || (signal.where !== undefined && !signal.where(file))) {
      continue;
    }
    // A copy: the shared patterns keep their own lastIndex for the detectors that run alongside.
    const pattern = new RegExp(signal.pattern.source, signal.pattern.flags);
    if (!pattern.test(text)) {
      continue;
    }
    const lexed = await context.lexed(file, language);
    if (lexed === undefined) {
      return handled;
    }
    for (const { match, start: at } of patternMatches(pattern, lexed.code)) {
      if (!lexed.isCode(at) || (signal.unless?.test(lexed.code.slice(at, at + 400)) ?? false)) {
        continue;
      }
      for (const method of signal.methods(match, lexed.code.slice(match.index, match.index + 400))) {
        handled.push({ method, summary: signal.describe(match), line: lexed.lineOf(at) });
      }
    }
  }
  return handled;
}
