import type { DeclaredDependency, Ecosystem } from './types';
import { normalizeName } from './types';

/**
 * Dependencies that prove a milestone, per ecosystem: exact package names, or a family written with a
 * trailing `*` (`@nestjs/*`, `io.grpc:*`, `opentelemetry-*`). Never substrings: `expressive` is not `express`.
 */
export type DependencyRule = Readonly<Partial<Record<Ecosystem, readonly string[]>>>;

interface CompiledNames {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export type DependencyMatcher = (dependency: DeclaredDependency) => boolean;

export function compileDependencyRule(rule: DependencyRule): DependencyMatcher {
  const compiled = new Map<Ecosystem, CompiledNames>();
  for (const [ecosystem, names] of Object.entries(rule) as [Ecosystem, readonly string[] | undefined][]) {
    const exact = new Set<string>();
    const prefixes: string[] = [];
    for (const name of names ?? []) {
      if (name.endsWith('*')) {
        prefixes.push(normalizePrefix(ecosystem, name.slice(0, -1)));
      } else {
        exact.add(normalizeName(ecosystem, name));
      }
    }
    compiled.set(ecosystem, { exact, prefixes });
  }
  return (dependency) => {
    const names = compiled.get(dependency.ecosystem);
    if (names === undefined) {
      return false;
    }
    return names.exact.has(dependency.name) || names.prefixes.some((prefix) => dependency.name.startsWith(prefix));
  };
}

/** Like `normalizeName`, without trimming a Go `/vN` that is not there yet. */
function normalizePrefix(ecosystem: Ecosystem, prefix: string): string {
  return ecosystem === 'go' || ecosystem === 'maven' ? prefix : normalizeName(ecosystem, prefix);
}
