import * as assert from 'node:assert/strict';
import { assertAbsent, assertPresent, scanTree } from '../helpers/scanFixtures';

describe('test detectors', () => {
  describe('test.present', () => {
    const id = 'test.present';
    it('a Jest/Vitest test', () => assertPresent({ 'src/users.test.ts': "import { it } from 'vitest';\nit('works', () => {});\n" }, id, 'test file src/users.test.ts'));
    it('pytest', () => assertPresent({ 'tests/test_users.py': 'def test_create():\n    assert True\n' }, id, 'test file tests/test_users.py'));
    it('a Django tests.py with a TestCase', () => assertPresent({ 'shop/tests.py': 'from django.test import TestCase\n\nclass ProductTests(TestCase):\n    pass\n' }, id, 'test file shop/tests.py'));
    it('Go', () => assertPresent({ 'users_test.go': 'package users\n\nfunc TestCreate(t *testing.T) {}\n' }, id, 'test file users_test.go'));
    it('JUnit', () => assertPresent({ 'src/test/java/x/UserServiceTest.java': 'class UserServiceTest {\n  @Test void creates() {}\n}\n' }, id, 'test file src/test/java/x/UserServiceTest.java'));
    it('xUnit', () => assertPresent({ 'Api.Tests/UsersTests.cs': 'public class UsersTests {\n  [Fact]\n  public void Creates() {}\n}\n' }, id, 'test file Api.Tests/UsersTests.cs'));
    it('PHPUnit', () => assertPresent({ 'tests/Feature/OrderTest.php': '<?php\nclass OrderTest extends TestCase {\n  public function test_creates() {}\n}\n' }, id, 'test file tests/Feature/OrderTest.php'));
    it('RSpec', () => assertPresent({ 'spec/models/user_spec.rb': "RSpec.describe User do\n  it 'works' do\n  end\nend\n" }, id, 'test file spec/models/user_spec.rb'));
    it('Rust #[test]', () => assertPresent({ 'src/lib.rs': 'pub fn add() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {}\n}\n' }, id, 'Rust #[test] in src/lib.rs:4'));
    it('not generated example tests, empty test files, or tests under node_modules', () =>
      assertAbsent(
        {
          'tests/Feature/ExampleTest.php': '<?php\nclass ExampleTest extends TestCase { public function test_the_application_returns_a_successful_response() {} }\n',
          'src/test/java/com/example/demo/DemoApplicationTests.java': 'class DemoApplicationTests {\n  @Test void contextLoads() {}\n}\n',
          'src/app.controller.spec.ts': "describe('AppController', () => {});\n",
          'tests/test_empty.py': '# nothing yet\n',
          'node_modules/x/index.test.js': "it('x', () => {});\n",
        },
        id,
      ));
  });

  describe('test.passing', () => {
    it('is not checked unless tests may run', async () => {
      const result = (await scanTree({ 'package.json': '{"scripts":{"test":"node -e 0"}}' }, ['test.passing'])).get('test.passing');
      assert.ok(result);
      assert.equal(result.checked, false);
      assert.match(result.reason ?? '', /--run-tests/);
    });

    it('runs npm test and proves the milestone on exit 0', async function () {
      this.timeout(60_000);
      const result = (await scanTree({ 'package.json': '{"name":"x","scripts":{"test":"node -e \\"process.exit(0)\\""}}' }, ['test.passing'], { runTests: true })).get('test.passing');
      assert.ok(result);
      assert.equal(result.present, true);
      const evidence = result.evidence[0];
      assert.ok(evidence);
      assert.deepEqual([evidence.summary, evidence.exitCode, evidence.command], ['`npm test` exited with 0', 0, 'npm test']);
    });

    it('is checked and absent when the tests fail', async function () {
      this.timeout(60_000);
      const root = { 'package.json': '{"name":"x","scripts":{"test":"node -e \\"process.exit(3)\\""}}' };
      const result = (await scanTree(root, ['test.passing'], { runTests: true })).get('test.passing');
      assert.ok(result);
      assert.equal(result.checked, true);
      assert.equal(result.present, false);
    });
  });
});
