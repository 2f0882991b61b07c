import * as assert from 'node:assert/strict';
import { describeTestRunners, detectTestCommand, TEST_RUNNERS } from '../../src/core/milestones/tests/findTestCommand';
import type { TestCommand } from '../../src/core/milestones/tests/findTestCommand';
import { isTestCommandLine, testPassingEvidence } from '../../src/core/milestones/tests/recogniseTestRun';
import { runTestCommand } from '../../src/core/milestones/tests/runTestCommand';
import { makeTree, removeTree } from './helpers/scanFixtures';

async function commandFor(tree: Record<string, string>): Promise<TestCommand | undefined> {
  const root = await makeTree(tree);
  try {
    return await detectTestCommand(root);
  } finally {
    await removeTree(root);
  }
}

describe('testCommand', () => {
  describe('detectTestCommand', () => {
    it('npm test for a real test script', async () => {
      assert.deepEqual(await commandFor({ 'package.json': '{"scripts":{"test":"vitest run"}}' }), { command: 'npm', args: ['test'], display: 'npm test', source: 'package.json scripts.test' });
    });
    it('the package manager of the lock file', async () => {
      assert.equal((await commandFor({ 'package.json': '{"scripts":{"test":"jest"}}', 'pnpm-lock.yaml': '' }))?.display, 'pnpm test');
      assert.equal((await commandFor({ 'package.json': '{"scripts":{"test":"jest"}}', 'yarn.lock': '' }))?.display, 'yarn test');
    });
    it('not the npm init placeholder', async () => {
      assert.equal(await commandFor({ 'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}' }), undefined);
    });
    it('pytest', async () => {
      assert.equal((await commandFor({ 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-q"\n' }))?.display, 'pytest');
      assert.equal((await commandFor({ 'requirements-dev.txt': 'pytest==8\n' }))?.source, 'requirements-dev.txt');
    });
    it('go test ./...', async () => {
      assert.deepEqual(await commandFor({ 'go.mod': 'module x\n' }), { command: 'go', args: ['test', './...'], display: 'go test ./...', source: 'go.mod' });
    });
    it('mvn test, or the wrapper', async () => {
      assert.equal((await commandFor({ 'pom.xml': '<project/>' }))?.display, 'mvn test');
      assert.equal((await commandFor({ 'pom.xml': '<project/>', 'mvnw': '' }))?.display, './mvnw test');
    });
    it('./gradlew test', async () => {
      assert.equal((await commandFor({ 'build.gradle.kts': '', 'gradlew': '' }))?.display, './gradlew test');
    });
    it('dotnet test', async () => {
      assert.equal((await commandFor({ 'Shop.sln': '' }))?.display, 'dotnet test');
    });
    it('bundle exec rspec, or rake test', async () => {
      assert.equal((await commandFor({ 'Gemfile': '', 'spec/user_spec.rb': '' }))?.display, 'bundle exec rspec');
      assert.equal((await commandFor({ 'Gemfile': '', 'Rakefile': '', 'test/user_test.rb': '' }))?.display, 'bundle exec rake test');
    });
    it('vendor/bin/phpunit', async () => {
      assert.equal((await commandFor({ 'composer.json': '{}', 'phpunit.xml': '<phpunit/>' }))?.display, 'vendor/bin/phpunit');
    });
    it('cargo test', async () => {
      assert.equal((await commandFor({ 'Cargo.toml': '[package]\n' }))?.display, 'cargo test');
    });
    it('deno test, and python -m unittest when pytest is not used', async () => {
      assert.equal((await commandFor({ 'deno.json': '{}' }))?.display, 'deno test');
      assert.match((await commandFor({ 'setup.py': '', 'tests/test_app.py': '' }))?.display ?? '', /^python3? -m unittest$/);
    });
    it('messages name every runner the detector tries, from the same list', () => {
      const described = describeTestRunners();
      for (const runner of TEST_RUNNERS) {
        assert.ok(described.includes(runner.label), runner.label);
      }
      assert.match(described, /, cargo test or deno test$/);
    });
    it('nothing for a folder without a project', async () => {
      assert.equal(await commandFor({ 'notes.txt': 'x' }), undefined);
    });
  });

  describe('isTestCommandLine', () => {
    const yes = [
      'npm test', 'npm t', 'npm run test', 'npm run test:unit', 'yarn test', 'pnpm test', 'bun test', 'npx jest', 'npx vitest run', 'npx mocha out/**/*.test.js',
      'jest --coverage', 'vitest', 'mocha', './node_modules/.bin/jest', 'node --test', 'pytest', 'pytest -q tests/', 'python -m pytest', 'python3 -m unittest',
      'poetry run pytest', 'uv run pytest', 'go test ./...', 'mvn test', 'mvn -q clean test', './mvnw verify', './gradlew test', 'gradle :app:test', 'dotnet test',
      'rspec', 'bundle exec rspec spec/models', 'rake test', 'bundle exec rails test', 'bin/rails test', 'vendor/bin/phpunit', 'php artisan test', 'cargo test',
      'deno test', 'CI=true npm test', 'cd api && npm test', 'npm ci && npm test', 'npm test 2>&1', 'npx playwright test',
      'time npm test', 'env CI=1 npm test', '(cd api && npm test)', 'npm test # before pushing', 'npm test && echo "ok; done"', 'npm test > log.txt 2>&1',
      'echo start; npm test',
    ];
    const no = [
      'echo test', 'git commit -m test', 'cat test.py', 'npm install test', 'npm run build', 'go build ./...', 'ls tests', 'vim test/app.test.js', 'npm test | tee log.txt',
      'npm test || true', 'npm test; echo done', 'npm test &', 'python test.py', 'cargo build', 'mvn compile', 'echo "npm test"', 'npx jest --version', '',
      "npm test 'unclosed", '(npm test) | tee log', 'echo $(npm test)', '# npm test', 'npm test\necho done', 'command -v jest',
    ];
    for (const line of yes) {
      it(`yes: ${line}`, () => assert.equal(isTestCommandLine(line), true));
    }
    for (const line of no) {
      it(`no: ${JSON.stringify(line)}`, () => assert.equal(isTestCommandLine(line), false));
    }
  });

  it('testPassingEvidence', () => {
    const evidence = testPassingEvidence('/work/shop', '  npm test ', 0, new Date('2024-05-01T10:00:00Z'));
    assert.deepEqual(evidence, { milestone: 'test.passing', summary: '`npm test` exited with 0', folder: '/work/shop', command: 'npm test', exitCode: 0, at: '2024-05-01T10:00:00.000Z' });
  });

  it('keeps only the test command, never arguments or environment values that can hold secrets', () => {
    const lines = {
      'DATABASE_URL=postgres://u:s3cret@db/app npm test': 'npm test',
      'export API_KEY=sk-live-123; npm test': 'npm test',
      'npm run test:unit -- --token=abc': 'npm run test:unit',
      'pytest -k "login and not slow" tests/ --api-key sk-1': 'pytest',
      'go test ./... -run TestLogin': 'go test',
      'sudo -E env SECRET=x npx vitest run --reporter dot': 'npx vitest run',
    };
    for (const [line, kept] of Object.entries(lines)) {
      const evidence = testPassingEvidence('/w', line, 0, new Date('2024-05-01T10:00:00Z'));
      assert.equal(evidence.command, kept, line);
      assert.equal(evidence.summary, `\`${kept}\` exited with 0`, line);
      assert.doesNotMatch(JSON.stringify(evidence), /s3cret|sk-live|sk-1|abc|SECRET|TestLogin|login and/, line);
    }
  });

  describe('runTestCommand', () => {
    it('returns the exit code and output, without a shell', async () => {
      const root = await makeTree({});
      try {
        const result = await runTestCommand(root, { command: process.execPath, args: ['-e', "console.log('ran $HOME'); process.exit(4)"], display: 'node', source: 'test' }, { timeoutMs: 20_000 });
        assert.equal(result.exitCode, 4);
        assert.match(result.output, /ran \$HOME/, 'no shell expanded $HOME');
      } finally {
        await removeTree(root);
      }
    });
    it('reports a missing command as 127', async () => {
      const result = await runTestCommand(process.cwd(), { command: 'definitely-not-a-command-xyz', args: [], display: 'x', source: 'test' }, { timeoutMs: 5000 });
      assert.equal(result.exitCode, 127);
    });
    it('stops at the timeout with 124', async () => {
      const result = await runTestCommand(process.cwd(), { command: process.execPath, args: ['-e', 'setTimeout(() => {}, 60000)'], display: 'node', source: 'test' }, { timeoutMs: 300 });
      assert.equal(result.exitCode, 124);
    });
  });
});
