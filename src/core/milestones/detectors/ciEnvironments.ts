import type { Evidence } from '../../progress/model';
import type { Detector, DetectOutcome } from '../detector';
import { checked, MAX_EVIDENCE } from '../detector';
import type { PathRule } from '../pathRule';
import type { ScanContext } from '../scanContext';
import { lineAt, ownNonTestFile, withoutComments } from './configText';

/** Deployment environment names and their usual abbreviations. Test, CI and local setups are not deployments. */
const KNOWN_ENVIRONMENTS: Readonly<Record<string, string>> = {
  production: 'production', prod: 'production', prd: 'production', live: 'production',
  staging: 'staging', stage: 'staging', stg: 'staging',
  development: 'development', dev: 'development', develop: 'development',
  qa: 'qa', uat: 'uat', preprod: 'preprod', 'pre-production': 'preprod', preproduction: 'preprod', sandbox: 'sandbox', demo: 'demo',
};

/** A file named after a known environment, e.g. `production.py`, with one of the given extensions. */
function environmentFileName(extensions: RegExp): RegExp {
  return new RegExp(`^(${Object.keys(KNOWN_ENVIRONMENTS).join('|')})\\.(${extensions.source})$`);
}

const NOT_DEPLOYMENTS = new Set(['test', 'testing', 'ci', 'local', 'e2e', 'base', 'default', 'common', 'shared']);

interface Found {
  readonly environment: string;
  readonly path: string;
  readonly line?: number;
  /** Written by a project generator (Rails' config/environments, dotnet's appsettings.Development.json). */
  readonly generated: boolean;
}

interface EnvironmentSource {
  readonly rule: PathRule;
  /** Environments this file configures; reads its text only when the name is not enough. */
  find(path: string, context: ScanContext): Promise<readonly Found[]>;
}

function known(name: string): string | undefined {
  return KNOWN_ENVIRONMENTS[name.toLowerCase()];
}

/** A name written explicitly as a deployment environment (CI, overlays): any name but the non-deployments. */
function explicit(name: string): string | undefined {
  const lower = name.toLowerCase();
  return NOT_DEPLOYMENTS.has(lower) ? undefined : (KNOWN_ENVIRONMENTS[lower] ?? lower);
}

/** Files whose name says the environment, e.g. application-prod.yml. */
function byName(
  pattern: RegExp,
  files: Pick<PathRule, 'names' | 'extensions' | 'namePattern' | 'globs'>,
  name: (match: RegExpExecArray) => string | undefined,
  generated: (environment: string) => boolean = () => false,
): EnvironmentSource {
  return {
    rule: { ...files, where: (path) => pattern.test(path) && ownNonTestFile(path) },
    find(path) {
      const match = pattern.exec(path);
      const environment = match === null ? undefined : name(match);
      return Promise.resolve(environment === undefined ? [] : [{ environment, path, generated: generated(environment) }]);
    },
  };
}

const CI_ENVIRONMENT = /^[ \t]+environment:[ \t]*(?:["']?([\w-]+)|\n[ \t]+name:[ \t]*["']?([\w-]+))/gm;

const SOURCES: readonly EnvironmentSource[] = [
  {
    // GitHub Actions, GitLab CI and Azure Pipelines deployment environments (CircleCI's `environment:` is variables).
    rule: {
      extensions: ['.yml', '.yaml'],
      where: (path) => /(^|\/)(\.github\/workflows\/[^/]+|\.gitlab-ci\.yml|azure-pipelines\.ya?ml)$/.test(path),
      globs: ['**/.github/workflows/*.{yml,yaml}', '**/.gitlab-ci.yml', '**/azure-pipelines.{yml,yaml}'],
    },
    async find(path, context) {
      const text = await context.readText(path);
      if (text === undefined) {
        return [];
      }
      const code = withoutComments(text, 'hash');
      const found: Found[] = [];
      for (const match of code.matchAll(CI_ENVIRONMENT)) {
        const environment = explicit(match[1] ?? match[2] ?? '');
        if (environment !== undefined) {
          found.push({ environment, path, line: lineAt(code, match.index), generated: false });
        }
      }
      return found;
    },
  },
  byName(/(^|\/)application-(\w+)\.(ya?ml|properties)$/, { namePattern: /^application-\w+\.(ya?ml|properties)$/, globs: ['**/application-*.{yml,yaml,properties}'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)settings\/(\w+)\.py$/, { namePattern: environmentFileName(/py/), globs: ['**/settings/*.py'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)\.env\.([\w-]+)$/, { namePattern: /^\.env\.[\w-]+$/, globs: ['**/.env.*'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)config\/([\w-]+)\.(json|ya?ml|c?js|ts|toml)$/, { namePattern: environmentFileName(/json|ya?ml|c?js|ts|toml/), globs: ['**/config/*.{json,yml,yaml,js,cjs,ts,toml}'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)values[.-]([\w-]+)\.ya?ml$/, { namePattern: /^values[.-][\w-]+\.ya?ml$/, globs: ['**/values-*.{yaml,yml}', '**/values.*.{yaml,yml}'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)(?:terraform\.)?([\w-]+?)(?:\.auto)?\.tfvars$/, { extensions: ['.tfvars'], globs: ['**/*.tfvars'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)(?:environments|envs|env)\/([\w-]+)\/[^/]+\.(tf|tfvars|ya?ml|json)$/, { extensions: ['.tf', '.tfvars', '.yaml', '.yml', '.json'], globs: ['**/{environments,envs,env}/*/*'] }, (m) => known(m[2] ?? '')),
  byName(/(^|\/)overlays\/([\w-]+)\/kustomization\.ya?ml$/, { names: ['kustomization.yaml', 'kustomization.yml'], globs: ['**/overlays/*/kustomization.{yaml,yml}'] }, (m) => explicit(m[2] ?? '')),
  byName(/(^|\/)config\/environments\/(\w+)\.rb$/, { extensions: ['.rb'], globs: ['**/config/environments/*.rb'] }, (m) => explicit(m[2] ?? ''), (environment) => environment === 'development' || environment === 'production'),
  byName(/(^|\/)appsettings\.(\w+)\.json$/, { namePattern: /^appsettings\.\w+\.json$/, globs: ['**/appsettings.*.json'] }, (m) => known(m[2] ?? ''), (environment) => environment === 'development'),
];

/**
 * More than one deployment environment: two or more distinct environment names across CI environments and
 * per-environment configuration, at least one of them not written by a project generator.
 */
export const ciEnvironments: Detector = {
  id: 'ci.environments',
  watch: SOURCES.map((source) => source.rule),
  async detect(context): Promise<DetectOutcome> {
    const byEnvironment = new Map<string, Found>();
    for (const source of SOURCES) {
      for (const path of (await context.find(source.rule)).slice(0, 50)) {
        for (const found of await source.find(path, context)) {
          const known = byEnvironment.get(found.environment);
          if (known === undefined || (known.generated && !found.generated)) {
            byEnvironment.set(found.environment, found);
          }
        }
      }
    }
    const all = [...byEnvironment.values()].sort((a, b) => Number(a.generated) - Number(b.generated));
    if (all.length < 2 || all.every((found) => found.generated)) {
      return checked([]);
    }
    const evidence: Evidence[] = all.slice(0, MAX_EVIDENCE).map((found) =>
      context.evidence('ci.environments', `environment ${found.environment}: ${found.path}${found.line === undefined ? '' : `:${found.line}`}`, {
        path: found.path,
        ...(found.line === undefined ? {} : { line: found.line }),
      }),
    );
    return checked(evidence);
  },
};
