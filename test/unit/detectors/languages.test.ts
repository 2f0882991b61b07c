import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('language detectors', () => {
  it('lang.node: package.json', () => assertPresent({ 'package.json': '{"name":"x"}' }, 'lang.node', 'package.json'));
  it('lang.node: not from a package.json under node_modules or a test fixture', () =>
    assertAbsent({ 'node_modules/express/package.json': '{}', 'test/fixtures/app/package.json': '{}' }, 'lang.node'));

  it('lang.typescript: tsconfig.json', () => assertPresent({ 'tsconfig.json': '{}' }, 'lang.typescript', 'tsconfig.json'));
  it('lang.typescript: .ts sources', () => assertPresent({ 'src/index.ts': 'export const x = 1;\n' }, 'lang.typescript', 'TypeScript source src/index.ts'));
  it('lang.typescript-code: TypeScript sources the project wrote', () => assertPresent({ 'tsconfig.json': '{}', 'src/server.ts': 'export const port = 3000;\n' }, 'lang.typescript-code', 'TypeScript source src/server.ts'));
  it('lang.typescript-code: not a tsconfig alone, declarations, tests or build output', () =>
    assertAbsent({ 'tsconfig.json': '{}', 'types/env.d.ts': 'declare const x: number;\n', 'src/app.test.ts': 'test()', 'dist/index.ts': 'x' }, 'lang.typescript-code'));
  it('lang.typescript: not from declaration files or dist output', () =>
    assertAbsent({ 'types/global.d.ts': 'declare const x: number;\n', 'dist/index.ts': 'x', 'src/index.js': '' }, 'lang.typescript'));

  it('lang.python: pyproject.toml', () => assertPresent({ 'pyproject.toml': '[project]\nname = "x"\n' }, 'lang.python', 'pyproject.toml'));
  it('lang.python: requirements-dev.txt', () => assertPresent({ 'requirements-dev.txt': 'pytest\n' }, 'lang.python', 'requirements-dev.txt'));
  it('lang.python: Pipfile and setup.py', () => assertPresent({ 'Pipfile': '[packages]\n', 'setup.py': '' }, 'lang.python', 'Pipfile'));
  it('lang.python: not from a virtualenv or a lone poetry.lock', () =>
    assertAbsent({ '.venv/lib/python3.12/site-packages/x/pyproject.toml': '', 'poetry.lock': '', 'main.py': 'print(1)\n' }, 'lang.python'));

  it('lang.go: go.mod', () => assertPresent({ 'go.mod': 'module example.com/x\n' }, 'lang.go', 'go.mod'));
  it('lang.go: not from vendor/', () => assertAbsent({ 'vendor/github.com/x/go.mod': '', 'go.sum': '' }, 'lang.go'));

  it('lang.java: pom.xml', () => assertPresent({ 'pom.xml': '<project/>' }, 'lang.java', 'pom.xml'));
  it('lang.java: build.gradle.kts', () => assertPresent({ 'app/build.gradle.kts': '' }, 'lang.java', 'app/build.gradle.kts'));
  it('lang.java: not from target/', () => assertAbsent({ 'target/classes/pom.xml': '' }, 'lang.java'));

  it('lang.csharp: .csproj', () => assertPresent({ 'Api/Api.csproj': '<Project/>' }, 'lang.csharp', 'Api/Api.csproj'));
  it('lang.csharp: .sln', () => assertPresent({ 'Shop.sln': '' }, 'lang.csharp', 'Shop.sln'));
  it('lang.csharp: not from obj/', () => assertAbsent({ 'obj/Api.csproj': '', 'Program.cs': '' }, 'lang.csharp'));

  it('lang.php: composer.json', () => assertPresent({ 'composer.json': '{}' }, 'lang.php', 'composer.json'));
  it('lang.php: not from vendor/ or composer.lock alone', () => assertAbsent({ 'vendor/laravel/framework/composer.json': '{}', 'composer.lock': '{}' }, 'lang.php'));

  it('lang.ruby: Gemfile', () => assertPresent({ 'Gemfile': "source 'https://rubygems.org'\n" }, 'lang.ruby', 'Gemfile'));
  it('lang.ruby: not from Gemfile.lock alone', () => assertAbsent({ 'Gemfile.lock': '' }, 'lang.ruby'));

  it('lang.rust: Cargo.toml', () => assertPresent({ 'Cargo.toml': '[package]\nname = "x"\n' }, 'lang.rust', 'Cargo.toml'));
  it('lang.rust: not from target/', () => assertAbsent({ 'target/debug/Cargo.toml': '', 'Cargo.lock': '' }, 'lang.rust'));
});
