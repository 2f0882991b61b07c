// The "projects" phase of the integration suite opens a multi-root workspace of three git projects,
// made here before VS Code starts (so detection sees them as a learner opening their folders would):
//   cloned-demo  someone else's project (every commit by another author), pushed to its own remote;
//   api-half     the learner's project with a README (no remote);
//   infra-half   the learner's project pushed to a remote (no README).
// Nothing in cloned-demo may prove a skill; git-hosting (work pushed to a server and a README) must not be
// proved by combining api-half and infra-half.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Who the session's ~/.gitconfig says the learner is (scripts/code-server/run.mjs writes it). */
export const LEARNER_EMAIL = 'test@example.com';
export const OTHER_EMAIL = 'maintainer@example.org';

function gitAs(email, cwd, ...args) {
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: email.split('@')[0],
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: email.split('@')[0],
      GIT_COMMITTER_EMAIL: email,
    },
  });
}

function write(root, files) {
  for (const [relative, content] of Object.entries(files)) {
    const file = join(root, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

function commit(email, root, files, message) {
  write(root, files);
  gitAs(email, root, 'add', '-A');
  gitAs(email, root, 'commit', '-q', '-m', message);
}

/**
 * Pushes to a bare repository in a folder, then points the remote at a server's address with the pushed
 * refs kept: as published on a hosting service, which cannot be reached offline (a folder is not hosting).
 */
function pushTo(email, root, remote) {
  mkdirSync(remote, { recursive: true });
  gitAs(email, remote, 'init', '-q', '--bare');
  gitAs(email, root, 'remote', 'add', 'origin', remote);
  gitAs(email, root, 'push', '-q', 'origin', 'main');
  gitAs(email, root, 'remote', 'set-url', 'origin', `https://git.example.invalid/${basename(remote)}`);
}

/** Creates the three projects and the .code-workspace file under `dir`; returns the workspace file. */
export function createProjectsWorkspace(dir) {
  const base = join(dir, 'workspaces', 'projects');
  const remotes = join(dir, 'remotes');

  const demo = join(base, 'cloned-demo');
  mkdirSync(demo, { recursive: true });
  gitAs(OTHER_EMAIL, demo, 'init', '-q');
  commit(OTHER_EMAIL, demo, {
    'package.json': JSON.stringify({ name: 'demo', scripts: { test: 'node --test' }, dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2),
    'README.md': '# Demo\n\nA demo API by its maintainers.\n',
    '.gitignore': 'node_modules/\n',
  }, 'Initial commit');
  commit(OTHER_EMAIL, demo, { 'Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' }, 'Add Dockerfile');
  commit(OTHER_EMAIL, demo, { 'compose.yaml': 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n' }, 'Add compose');
  commit(OTHER_EMAIL, demo, { 'server.js': "const express = require('express');\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\napp.listen(3000);\n" }, 'Add server');
  commit(OTHER_EMAIL, demo, { 'test/app.test.js': "const test = require('node:test');\ntest('ok', () => {});\n" }, 'Add tests');
  commit(OTHER_EMAIL, demo, { '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n' }, 'Add CI');
  gitAs(OTHER_EMAIL, demo, 'checkout', '-q', '-b', 'feature/health');
  commit(OTHER_EMAIL, demo, { 'health.js': 'module.exports = () => ({ ok: true });\n' }, 'Add health check');
  gitAs(OTHER_EMAIL, demo, 'checkout', '-q', 'main');
  gitAs(OTHER_EMAIL, demo, 'merge', '-q', '--no-ff', '-m', "Merge branch 'feature/health'", 'feature/health');
  pushTo(OTHER_EMAIL, demo, join(remotes, 'demo.git'));

  const api = join(base, 'api-half');
  mkdirSync(api, { recursive: true });
  gitAs(LEARNER_EMAIL, api, 'init', '-q');
  commit(LEARNER_EMAIL, api, { 'README.md': '# My API\n\nWhat it does and how to run it.\n' }, 'Write the README');

  const infra = join(base, 'infra-half');
  mkdirSync(infra, { recursive: true });
  gitAs(LEARNER_EMAIL, infra, 'init', '-q');
  commit(LEARNER_EMAIL, infra, { 'notes.txt': 'deploy notes\n' }, 'Start the infra notes');
  pushTo(LEARNER_EMAIL, infra, join(remotes, 'infra.git'));

  const workspace = join(base, 'projects.code-workspace');
  writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'cloned-demo' }, { path: 'api-half' }, { path: 'infra-half' }] }, null, 2));
  return workspace;
}
