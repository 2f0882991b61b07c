import { parseCargoToml } from './cargoManifest';
import { parseDotnetProject } from './dotnetManifests';
import { parseGoMod } from './goMod';
import { parseComposerJson, parsePackageJson } from './jsonManifests';
import { parseGradleBuild, parseGradleVersionCatalog, parsePomXml } from './jvmManifests';
import { parsePipfile, parsePyprojectToml, parseRequirementsTxt, parseSetupCfg, parseSetupPy } from './pythonManifests';
import { parseGemfile, parseGemspec } from './rubyManifests';
import type { PathRule } from '../pathRule';
import type { Ecosystem, ParsedDependency } from './types';

/** A kind of manifest: which files it is, which ecosystem, how to read its dependencies. */
export interface ManifestKind {
  readonly ecosystem: Ecosystem;
  readonly parse: (text: string) => ParsedDependency[];
}

/**
 * The manifest kind of a file, by its lower-case name and path, or undefined. Lock files
 * (package-lock.json, yarn.lock, poetry.lock, Cargo.lock, composer.lock, Gemfile.lock, go.sum, …)
 * are deliberately absent: they list dependencies of dependencies.
 */
export function manifestKindOf(relativePath: string): ManifestKind | undefined {
  const slash = relativePath.lastIndexOf('/');
  const name = relativePath.slice(slash + 1).toLowerCase();
  const parent = slash < 0 ? '' : relativePath.slice(0, slash).split('/').pop()?.toLowerCase() ?? '';
  switch (name) {
    case 'package.json':
      return { ecosystem: 'npm', parse: parsePackageJson };
    case 'composer.json':
      return { ecosystem: 'composer', parse: parseComposerJson };
    case 'pyproject.toml':
      return { ecosystem: 'pypi', parse: parsePyprojectToml };
    case 'pipfile':
      return { ecosystem: 'pypi', parse: parsePipfile };
    case 'setup.py':
      return { ecosystem: 'pypi', parse: parseSetupPy };
    case 'setup.cfg':
      return { ecosystem: 'pypi', parse: parseSetupCfg };
    case 'go.mod':
      return { ecosystem: 'go', parse: parseGoMod };
    case 'pom.xml':
      return { ecosystem: 'maven', parse: parsePomXml };
    case 'build.gradle':
    case 'build.gradle.kts':
      return { ecosystem: 'maven', parse: parseGradleBuild };
    case 'libs.versions.toml':
      return { ecosystem: 'maven', parse: parseGradleVersionCatalog };
    case 'gemfile':
      return { ecosystem: 'rubygems', parse: parseGemfile };
    case 'cargo.toml':
      return { ecosystem: 'cargo', parse: parseCargoToml };
    default:
      break;
  }
  if (/^requirements[\w.-]*\.(?:txt|in)$/.test(name) || (parent === 'requirements' && /\.(?:txt|in)$/.test(name))) {
    return { ecosystem: 'pypi', parse: parseRequirementsTxt };
  }
  if (name.endsWith('.csproj') || name.endsWith('.fsproj') || name.endsWith('.vbproj')) {
    return { ecosystem: 'nuget', parse: parseDotnetProject };
  }
  if (name.endsWith('.gemspec')) {
    return { ecosystem: 'rubygems', parse: parseGemspec };
  }
  return undefined;
}

/** Exact manifest file names (lower case), for index lookups. */
export const MANIFEST_NAMES: readonly string[] = [
  'package.json',
  'composer.json',
  'pyproject.toml',
  'pipfile',
  'setup.py',
  'setup.cfg',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'libs.versions.toml',
  'gemfile',
  'cargo.toml',
];

/** Extensions (and name patterns) of the remaining manifests. */
export const MANIFEST_EXTENSIONS: readonly string[] = ['.csproj', '.fsproj', '.vbproj', '.gemspec', '.txt', '.in'];

/** Watcher globs covering every manifest. */
export const MANIFEST_GLOBS: readonly string[] = [
  '**/{package.json,composer.json,pyproject.toml,Pipfile,setup.py,setup.cfg,go.mod,pom.xml,build.gradle,build.gradle.kts,libs.versions.toml,Gemfile,Cargo.toml}',
  '**/requirements*.{txt,in}',
  '**/requirements/*.{txt,in}',
  '**/*.{csproj,fsproj,vbproj,gemspec}',
];

/**
 * The watch rule of every detector that reads declared dependencies: one object, so that asking what a
 * changed path affects tests it once, not once per detector (56 of them).
 */
export const MANIFEST_WATCH_RULE: PathRule = { where: (path) => manifestKindOf(path) !== undefined, namePattern: /./, globs: MANIFEST_GLOBS };
