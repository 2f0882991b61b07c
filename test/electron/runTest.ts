// The integration suite through @vscode/test-electron (desktop VS Code; it downloads VS Code, so it
// cannot run on the offline machines: use `npm run test:integration` there). Same mocha entry and
// phases as scripts/code-server/run.mjs, without the page driver: screenshot() is a no-op and DOM
// reads throw DriverUnavailable.
//
//   npm run test:electron            phases main, restart
//   BACKEND_ROADMAP_ELECTRON_UNTRUSTED=1 npm run test:electron   also phase untrusted
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'terminal.integrated.enablePersistentSessions': false,
  'window.restoreWindows': 'none',
};

const UNTRUSTED_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

interface Session {
  userDataDir: string;
  workspace: string;
}

function makeSession(base: string, name: string, settings: Record<string, unknown>): Session {
  // Short paths: VS Code's IPC socket lives under the user data dir and must stay under 108 bytes.
  const userDataDir = path.join(base, `${name}-ud`);
  const workspace = path.join(base, `${name}-ws`);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return { userDataDir, workspace };
}

async function runPhase(phase: string, session: Session, trusted: boolean, root: string, base: string): Promise<boolean> {
  const launchArgs = [session.workspace, '--disable-extensions', `--user-data-dir=${session.userDataDir}`, '--skip-welcome', '--skip-release-notes'];
  if (trusted) launchArgs.push('--disable-workspace-trust');
  console.log(`[electron] phase ${phase}`);
  try {
    await runTests({
      ...(process.env.VSCODE_TEST_VERSION ? { version: process.env.VSCODE_TEST_VERSION } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
      launchArgs,
      extensionTestsEnv: {
        BACKEND_ROADMAP_TEST_PHASE: phase,
        BACKEND_ROADMAP_TEST_WORKSPACE: session.workspace,
        BACKEND_ROADMAP_DRIVER_URL: '',
        GIT_CEILING_DIRECTORIES: base,
        ...(process.env.BACKEND_ROADMAP_TEST_GREP ? { BACKEND_ROADMAP_TEST_GREP: process.env.BACKEND_ROADMAP_TEST_GREP } : {}),
      },
    });
    return true;
  } catch (err) {
    console.error(`[electron] phase ${phase} failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

async function main(): Promise<void> {
  // out/test/electron/runTest.js -> the project root
  const root = path.resolve(__dirname, '..', '..', '..');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'br-e-'));
  const results: boolean[] = [];
  const shared = makeSession(base, 'm', QUIET_SETTINGS);
  results.push(await runPhase('main', shared, true, root, base));
  results.push(await runPhase('restart', shared, true, root, base));
  if (process.env.BACKEND_ROADMAP_ELECTRON_UNTRUSTED === '1') {
    const untrusted = makeSession(base, 'u', { ...QUIET_SETTINGS, ...UNTRUSTED_SETTINGS });
    results.push(await runPhase('untrusted', untrusted, false, root, base));
  }
  fs.rmSync(base, { recursive: true, force: true });
  const failed = results.filter((ok) => !ok).length;
  console.log(`electron: ${results.length - failed} phase(s) passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
