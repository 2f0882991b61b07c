import { isTestPath } from '../sourceLanguages';
import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { namedFiles, ownFile } from './common';

/** A language is present when its project manifest is (a lone script is not yet a project). */
export const LANGUAGE_DETECTORS: readonly Detector[] = [
  signalDetector({ id: 'lang.node', files: [{ rule: namedFiles(['package.json'], ['**/package.json']) }] }),
  signalDetector({
    id: 'lang.typescript',
    files: [
      { rule: { namePattern: /^tsconfig(\.[\w-]+)?\.json$/, where: ownFile, globs: ['**/tsconfig*.json'] } },
      {
        rule: { extensions: ['.ts', '.tsx', '.mts', '.cts'], where: (path) => ownFile(path) && !path.endsWith('.d.ts'), globs: ['**/*.{ts,tsx,mts,cts}'] },
        describe: (path) => `TypeScript source ${path}`,
      },
    ],
  }),
  // Configuration alone (a generated tsconfig.json) is not TypeScript written by anyone: source files are.
  signalDetector({
    id: 'lang.typescript-code',
    files: [
      {
        rule: { extensions: ['.ts', '.tsx', '.mts', '.cts'], where: (path) => ownFile(path) && !path.endsWith('.d.ts') && !isTestPath(path), globs: ['**/*.{ts,tsx,mts,cts}'] },
        describe: (path) => `TypeScript source ${path}`,
      },
    ],
  }),
  signalDetector({
    id: 'lang.python',
    files: [
      { rule: namedFiles(['pyproject.toml', 'setup.py', 'pipfile'], ['**/{pyproject.toml,setup.py,Pipfile}']) },
      { rule: { namePattern: /^requirements[\w.-]*\.(txt|in)$/, where: ownFile, globs: ['**/requirements*.{txt,in}'] } },
    ],
  }),
  signalDetector({ id: 'lang.go', files: [{ rule: namedFiles(['go.mod'], ['**/go.mod']) }] }),
  signalDetector({
    id: 'lang.java',
    files: [{ rule: namedFiles(['pom.xml', 'build.gradle', 'build.gradle.kts'], ['**/{pom.xml,build.gradle,build.gradle.kts}']) }],
  }),
  signalDetector({
    id: 'lang.csharp',
    files: [{ rule: { extensions: ['.csproj', '.sln', '.slnx'], where: ownFile, globs: ['**/*.{csproj,sln,slnx}'] } }],
  }),
  signalDetector({ id: 'lang.php', files: [{ rule: namedFiles(['composer.json'], ['**/composer.json']) }] }),
  signalDetector({ id: 'lang.ruby', files: [{ rule: namedFiles(['gemfile'], ['**/Gemfile']) }] }),
  signalDetector({ id: 'lang.rust', files: [{ rule: namedFiles(['cargo.toml'], ['**/Cargo.toml']) }] }),
];
