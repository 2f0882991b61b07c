// Mocha entry for the extension-host suite, loaded by VS Code as `extensionTestsPath` (code-server runner
// in scripts/code-server/run.mjs, or @vscode/test-electron in test/electron/runTest.ts). It runs the
// tests of one phase (BACKEND_ROADMAP_TEST_PHASE: main, restart, untrusted or projects) plus common/, and prints
// a machine-readable result line the runners sum into the final `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? findTests(full) : entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

export function run(): Promise<void> {
  const phase = process.env.BACKEND_ROADMAP_TEST_PHASE ?? 'main';
  const grep = process.env.BACKEND_ROADMAP_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, ...(grep ? { grep } : {}) });
  for (const file of [...findTests(path.join(__dirname, phase)), ...findTests(path.join(__dirname, 'common'))]) {
    mocha.addFile(file);
  }
  return new Promise<void>((resolve, reject) => {
    const report = (passed: number, failed: number, pending: number): void => {
      console.log(`BACKEND_ROADMAP_RESULT ${JSON.stringify({ passed, failed, pending })}`);
    };
    try {
      const runner = mocha.run((failures) => {
        report(runner.stats?.passes ?? 0, runner.stats?.failures ?? failures, runner.stats?.pending ?? 0);
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      report(0, 1, 0);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
