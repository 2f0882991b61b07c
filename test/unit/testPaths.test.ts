// Which paths are test code (never evidence of features): the quick check in front of the classification
// must never turn away a path the classification calls test code.
import * as assert from 'node:assert/strict';
import { classifyTestPath, isTestPath } from '../../src/core/milestones/sourceLanguages';

describe('test paths', () => {
  const tests = [
    'src/__tests__/app.ts', 'src/__mocks__/db.ts', 'test/app.js', 'tests/x.py', 'spec/a.rb', 'e2e/login.ts', 'src/testing/util.ts',
    'fixtures/a.json', 'fixture/b.ts', 'Src/Test/java/AppTest.java', 'src/app.test.ts', 'src/app.spec.tsx', 'a/b.e2e-spec.ts',
    'test_app.py', 'app_test.go', 'models_spec.rb', 'UserServiceTest.java', 'UserIT.java', 'ServiceTests.cs', 'ApiTest.php', 'conftest.py',
    'SRC/__TESTS__/App.ts', '__MOC\u212AS__/db.ts',
  ];
  const others = ['src/app.ts', 'lib/contest/a.ts', 'src/attestation.ts', 'src/edit.ts', 'docs/specification.md', 'Latest.java', 'src/e2e.ts', 'src/mockup.ts'];

  it('calls test code what the classification calls test code, and only that', () => {
    for (const path of [...tests, ...others]) {
      assert.equal(isTestPath(path), classifyTestPath(path), path);
    }
    for (const path of tests) {
      assert.equal(isTestPath(path), true, path);
    }
    for (const path of ['src/app.ts', 'src/attestation.ts', 'src/edit.ts', 'Latest.java', 'src/e2e.ts']) {
      assert.equal(isTestPath(path), false, path);
    }
  });

  it('turns away at once only paths without any word a test path needs, in any case', () => {
    // Every word of every rule, in several cases and places: the classification must agree with the quick check.
    const words = ['__tests__', '__mocks__', 'test', 'tests', 'spec', 'e2e', 'testing', 'fixture', 'fixtures', 'src/test', 'Test', 'Tests', 'IT', 'conftest', '_spec', '_test', 'test_'];
    const shapes = (word: string): string[] => [`${word}/a.ts`, `a/${word}/b.py`, `a/x${word}.java`, `a/x.${word}.ts`, `${word}.py`, `a/b${word}.rb`, `a/${word.toUpperCase()}/c.go`];
    for (const path of words.flatMap(shapes)) {
      assert.equal(isTestPath(path), classifyTestPath(path), path);
    }
  });
});
