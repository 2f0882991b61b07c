import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseJsonObject, isRecord } from '../manifests/jsonManifests';

/** How to run a project's tests. Arguments are fixed by the detector, never taken from the project. */
export interface TestCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** As a learner would type it: "npm test". */
  readonly display: string;
  /** Why this command: "package.json scripts.test", "go.mod". */
  readonly source: string;
}

/** The files at a folder's root, read on demand. */
interface RootFiles {
  readonly names: ReadonlySet<string>;
  has(name: string): boolean;
  /** A small file's text; undefined when missing, not a file or over 256 KiB. */
  read(name: string): Promise<string | undefined>;
}

interface TestRunner {
  /** How messages name it: `pytest`, `a package.json "test" script`. */
  readonly label: string;
  find(root: RootFiles): Promise<TestCommand | undefined> | TestCommand | undefined;
}

const NPM_PLACEHOLDER = /no test specified/i;
const PYTHON_MANIFESTS = ['pyproject.toml', 'setup.cfg', 'tox.ini', 'Pipfile', 'requirements.txt', 'requirements-dev.txt', 'requirements_dev.txt', 'requirements-test.txt'];

function make(command: string, args: readonly string[], source: string): TestCommand {
  return { command, args, display: [command, ...args].join(' '), source };
}

/** The test runners the detector knows, in the order it tries them: the one list that code and messages use. */
export const TEST_RUNNERS: readonly TestRunner[] = [
  {
    label: 'a package.json "test" script',
    async find(root) {
      if (!root.has('package.json')) {
        return undefined;
      }
      const scripts = parseJsonObject((await root.read('package.json')) ?? '')?.scripts;
      const test = isRecord(scripts) ? scripts.test : undefined;
      if (typeof test !== 'string' || test.trim() === '' || NPM_PLACEHOLDER.test(test)) {
        return undefined;
      }
      const runner = root.has('pnpm-lock.yaml') ? 'pnpm' : root.has('yarn.lock') ? 'yarn' : root.has('bun.lockb') || root.has('bun.lock') ? 'bun' : 'npm';
      return make(runner, runner === 'bun' ? ['run', 'test'] : ['test'], 'package.json scripts.test');
    },
  },
  {
    label: 'pytest',
    async find(root) {
      if (root.has('pytest.ini') || root.has('conftest.py')) {
        return make('pytest', [], root.has('pytest.ini') ? 'pytest.ini' : 'conftest.py');
      }
      for (const manifest of PYTHON_MANIFESTS.filter((name) => root.has(name))) {
        const text = (await root.read(manifest)) ?? '';
        if (/^\s*\[tool\.pytest/m.test(text) || /^\s*\[pytest\]/m.test(text) || /(^|[\s"'[,])pytest([\s"'<>=~!,\]]|$)/m.test(text)) {
          return make('pytest', [], manifest);
        }
      }
      return undefined;
    },
  },
  {
    label: 'python -m unittest',
    find(root) {
      const isPython = PYTHON_MANIFESTS.some((name) => root.has(name)) || root.has('setup.py');
      if (!isPython || !(root.has('tests') || root.has('test'))) {
        return undefined;
      }
      return make(process.platform === 'win32' ? 'python' : 'python3', ['-m', 'unittest'], root.has('tests') ? 'tests/' : 'test/');
    },
  },
  { label: 'go test', find: (root) => (root.has('go.mod') ? make('go', ['test', './...'], 'go.mod') : undefined) },
  { label: 'Maven', find: (root) => (root.has('pom.xml') ? make(root.has('mvnw') ? './mvnw' : 'mvn', ['test'], 'pom.xml') : undefined) },
  {
    label: 'Gradle',
    find(root) {
      const build = ['build.gradle', 'build.gradle.kts'].find((name) => root.has(name));
      return build === undefined ? undefined : make(root.has('gradlew') ? './gradlew' : 'gradle', ['test'], build);
    },
  },
  {
    label: 'dotnet test',
    find(root) {
      const project = [...root.names].find((name) => /\.(sln|slnx|csproj|fsproj)$/i.test(name));
      return project === undefined ? undefined : make('dotnet', ['test'], project);
    },
  },
  { label: 'RSpec', find: (root) => (root.has('Gemfile') && (root.has('spec') || root.has('.rspec')) ? make('bundle', ['exec', 'rspec'], 'Gemfile and spec/') : undefined) },
  { label: 'rake test', find: (root) => (root.has('Gemfile') && root.has('test') && root.has('Rakefile') ? make('bundle', ['exec', 'rake', 'test'], 'Gemfile and test/') : undefined) },
  {
    label: 'PHPUnit',
    find(root) {
      const config = ['phpunit.xml', 'phpunit.xml.dist'].find((name) => root.has(name));
      return root.has('composer.json') && config !== undefined ? make('vendor/bin/phpunit', [], config) : undefined;
    },
  },
  { label: 'cargo test', find: (root) => (root.has('Cargo.toml') ? make('cargo', ['test'], 'Cargo.toml') : undefined) },
  {
    label: 'deno test',
    find(root) {
      const config = ['deno.json', 'deno.jsonc'].find((name) => root.has(name));
      return config === undefined ? undefined : make('deno', ['test'], config);
    },
  },
];

/** "a package.json "test" script, pytest, …, cargo test or deno test": for messages. */
export function describeTestRunners(): string {
  const labels = TEST_RUNNERS.map((runner) => runner.label);
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
}

/** The project's test command, from the files at the folder's root; undefined when none is evident. */
export async function detectTestCommand(folder: string): Promise<TestCommand | undefined> {
  const names = new Set(await rootEntries(folder));
  const root: RootFiles = { names, has: (name) => names.has(name), read: (name) => readSmall(folder, name) };
  for (const runner of TEST_RUNNERS) {
    const command = await runner.find(root);
    if (command !== undefined) {
      return command;
    }
  }
  return undefined;
}

async function rootEntries(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch {
    return [];
  }
}

async function readSmall(folder: string, name: string): Promise<string | undefined> {
  try {
    const file = path.join(folder, name);
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size <= 256 * 1024 ? await fs.readFile(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
