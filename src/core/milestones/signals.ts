import type { Evidence } from '../progress/model';
import { yieldWhenDue } from '../scan/yieldToEventLoop';
import type { MilestoneId } from './catalog';
import type { Detector, DetectOutcome } from './detector';
import { checked, MAX_EVIDENCE } from './detector';
import type { DependencyRule } from './manifests/dependencyRule';
import { compileDependencyRule } from './manifests/dependencyRule';
import { MANIFEST_WATCH_RULE } from './manifests/registry';
import type { DeclaredDependency } from './manifests/types';
import type { PathRule } from './pathRule';
import { preferFirst } from './pathRule';
import type { ScanContext } from './scanContext';
import type { SourceSignal } from './sourceScan';
import { findInSources } from './sourceScan';
import { declareSourceHint } from './pathHints';
import { languageOf, sourceGlob } from './sourceLanguages';
import type { SourceLanguage } from './sourceLanguages';

/** What a file's content showed: the line, and optionally a better summary than the path. */
export interface ContentMatch {
  readonly line?: number;
  readonly summary?: string;
}

/** Files that prove a milestone by their name, or by their name and content. */
export interface FileSignal {
  readonly rule: PathRule;
  /** Summary for a file proved by its name alone (default: the path). */
  readonly describe?: (relativePath: string) => string;
  /** When given, the file proves the milestone only if this finds something in it. */
  readonly content?: (text: string, relativePath: string) => ContentMatch | undefined;
  /** Files whose content is read at most for this signal (default 40). */
  readonly maxReads?: number;
  /** Paths (lower case) read first, before the shallowest-first order. */
  readonly prefer?: RegExp;
}

export interface SignalSpec {
  readonly id: MilestoneId;
  readonly files?: readonly FileSignal[];
  readonly dependencies?: DependencyRule;
  /** Extra condition on a matching dependency (e.g. skip a section). */
  readonly acceptDependency?: (dependency: DeclaredDependency) => boolean;
  readonly sources?: readonly SourceSignal[];
  /** Paths (lower case) where the source patterns usually are; read first. */
  readonly sourceHint?: RegExp;
}

/** One watch rule per set of languages, shared by the detectors that read the same sources. */
const sourceWatchRules = new Map<string, PathRule>();

function sourceWatchRule(languagesRead: readonly SourceLanguage[]): PathRule {
  const languages = [...new Set(languagesRead)];
  const key = [...languages].sort().join(',');
  let rule = sourceWatchRules.get(key);
  if (rule === undefined) {
    rule = {
      namePattern: /\./,
      where: (path) => {
        const language = languageOf(path);
        return language !== undefined && languages.includes(language);
      },
      globs: [sourceGlob(languages)],
    };
    sourceWatchRules.set(key, rule);
  }
  return rule;
}

const DEFAULT_MAX_READS = 40;
const READ_BATCH = 16;

/**
 * A detector assembled from declarative signals, checked cheapest first: file names, then declared
 * dependencies, then (only while nothing proved the milestone) source patterns.
 */
export function signalDetector(spec: SignalSpec): Detector {
  if (spec.sourceHint !== undefined) {
    declareSourceHint(spec.sourceHint);
  }
  const matchesDependency = spec.dependencies === undefined ? undefined : compileDependencyRule(spec.dependencies);
  const watch: PathRule[] = (spec.files ?? []).map((signal) => signal.rule);
  if (matchesDependency !== undefined) {
    watch.push(MANIFEST_WATCH_RULE);
  }
  if (spec.sources !== undefined && spec.sources.length > 0) {
    watch.push(sourceWatchRule(spec.sources.flatMap((source) => source.languages)));
  }
  return {
    id: spec.id,
    watch,
    async detect(context): Promise<DetectOutcome> {
      const evidence: Evidence[] = [];
      for (const signal of spec.files ?? []) {
        if (evidence.length >= MAX_EVIDENCE) {
          break;
        }
        evidence.push(...(await fileEvidence(context, spec.id, signal, MAX_EVIDENCE - evidence.length)));
      }
      if (matchesDependency !== undefined && evidence.length < MAX_EVIDENCE) {
        for (const dependency of await context.dependencies()) {
          if (matchesDependency(dependency) && (spec.acceptDependency?.(dependency) ?? true)) {
            evidence.push(context.evidence(spec.id, describeDependency(dependency), location(dependency)));
            if (evidence.length >= MAX_EVIDENCE) {
              break;
            }
          }
        }
      }
      if (evidence.length === 0 && spec.sources !== undefined && spec.sources.length > 0) {
        const finding = await findInSources(context, spec.sources, spec.sourceHint);
        if (finding !== undefined) {
          evidence.push(context.evidence(spec.id, finding.summary, finding.location));
        }
      }
      return checked(evidence);
    },
  };
}

/** The first `count` files of a walk or list. */
async function firstFiles(walk: AsyncIterable<string> | readonly string[], count: number): Promise<string[]> {
  const files: string[] = [];
  if (count > 0) {
    for await (const file of walk) {
      files.push(file);
      if (files.length >= count) {
        break;
      }
    }
  }
  return files;
}

async function fileEvidence(context: ScanContext, id: MilestoneId, signal: FileSignal, wanted: number): Promise<Evidence[]> {
  const found: Evidence[] = [];
  const prefer = signal.prefer;
  const content = signal.content;
  const maxReads = signal.maxReads ?? DEFAULT_MAX_READS;
  // Read signals look at `maxReads` files at most; existence signals walk until enough files exist. Without
  // a preference that is the start of the rule's files, walked only that far; a preference may pick any.
  let candidates: AsyncIterable<string> | readonly string[];
  if (prefer === undefined) {
    candidates = context.walk(signal.rule);
  } else {
    const listed = await context.find(signal.rule);
    candidates = preferFirst(listed, prefer, content === undefined ? listed.length : maxReads);
  }
  if (content === undefined) {
    for await (const path of candidates) {
      if (found.length >= wanted) {
        break;
      }
      if (await context.exists(path)) {
        found.push(context.evidence(id, signal.describe?.(path) ?? path, { path }));
      }
    }
    return found;
  }
  const toRead = await firstFiles(candidates, maxReads);
  for (let start = 0; start < toRead.length && found.length < wanted; start += READ_BATCH) {
    context.signal?.throwIfAborted();
    const batch = toRead.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map((path) => context.readText(path)));
    for (const [i, path] of batch.entries()) {
      // Per file, not per batch: the first match of a pattern compiles it, and a batch of 16 files made
      // stretches of 20-36 ms of a code-server host's thread in the first scan after start-up.
      await yieldWhenDue();
      const text = texts[i];
      const match = text === undefined ? undefined : content(text, path);
      if (match !== undefined && found.length < wanted) {
        found.push(
          context.evidence(id, match.summary ?? (match.line === undefined ? path : `${path}:${match.line}`), {
            path,
            ...(match.line === undefined ? {} : { line: match.line }),
          }),
        );
      }
    }
  }
  return found;
}

export function describeDependency(dependency: DeclaredDependency): string {
  const redundant = dependency.section === 'requirements' || dependency.section === 'Gemfile' || dependency.section === 'gemspec';
  if (dependency.section === 'Sdk') {
    return `${dependency.displayName} SDK in ${dependency.manifest}`;
  }
  return redundant
    ? `${dependency.displayName} in ${dependency.manifest}`
    : `${dependency.displayName} in ${dependency.manifest} (${dependency.section})`;
}

function location(dependency: DeclaredDependency): { path: string; line?: number } {
  return dependency.line === undefined ? { path: dependency.manifest } : { path: dependency.manifest, line: dependency.line };
}
