import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { renamesArgs } from '../../src/core/detection/lineHistory';
import { SCAN_GIT_QUESTIONS } from '../../src/core/milestones/scanGitQuestions';
import { scanFolder } from '../../src/core/milestones/engine';
import { runGitProcess } from '../../src/core/scan/gitProcess';
import type { GitProcessRequest } from '../../src/core/scan/gitProcess';
import { startGitFrom } from '../../src/core/scan/gitRunner';
import { safeGitArgs } from '../../src/core/scan/gitSafety';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';

/** The arguments of a question as the runner passes them to git (its safety flags included). */
const asRun = (args: readonly string[]): string => JSON.stringify(safeGitArgs(args).args);
/** For messages: a run without the safety flags before its subcommand. */
const PREFIX = safeGitArgs(['status']).subcommandIndex;
const readable = (runs: readonly string[]): string => runs.map((run) => `git ${(JSON.parse(run) as string[]).slice(PREFIX).join(' ')}`).join('\n');

describe('SCAN_GIT_QUESTIONS: what the bench\'s design floor asks git is what a scan asks', () => {
  isolateGitConfig();
  const folders = scratchFolders(LEARNER);
  afterEach(() => {
    startGitFrom(runGitProcess);
  });

  it('names every git process of a scan of a repository with a remote and evidence, except configuration and who wrote a line', async function () {
    this.timeout(60_000);
    const upstream = await folders.repository();
    await commitFilesAs(LEARNER, upstream, { 'README.md': '# api\n' }, 'Initial commit');
    const root = path.join(path.dirname(upstream), `${path.basename(upstream)}-clone`);
    await gitAs(LEARNER, path.dirname(upstream), 'clone', '-q', upstream, root);
    try {
      await gitAs(LEARNER, root, 'config', 'user.email', LEARNER);
      await commitFilesAs(LEARNER, root, { 'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n', 'src/app.js': "const app = require('express')();\napp.get('/users', (req, res) => res.json([]));\n", Dockerfile: 'FROM node:20\n' }, 'Add the API');

      const asked: string[] = [];
      startGitFrom((request: GitProcessRequest, signal) => {
        asked.push(JSON.stringify(request.args));
        return runGitProcess(request, signal);
      });
      const scan = await scanFolder(root, { allowGit: true, authorship: {} });
      const evidencePaths = [...new Set(scan.milestones.flatMap((m) => m.evidence).flatMap((e) => (e.path === undefined || e.path === '.git' ? [] : [e.path])))];
      assert.ok(evidencePaths.includes('Dockerfile'), `evidence: ${evidencePaths.join(', ')}`);

      const expected = [...SCAN_GIT_QUESTIONS.atStart, SCAN_GIT_QUESTIONS.whenRemotes].map(asRun);
      for (const question of expected) {
        assert.ok(asked.includes(question), `the scan did not ask ${readable([question])}; it asked:\n${readable(asked)}`);
      }
      // The evidence's questions name the files the scan looked up, in its order: compare their shape.
      const [statusQuestion, historyQuestion] = SCAN_GIT_QUESTIONS.forEvidence(['PATH']).map((args) => args.slice(0, args.indexOf('--') + 1));
      const startsWith = (prefix: readonly string[] | undefined) => (run: string) => prefix !== undefined && run.startsWith(asRun(prefix).slice(0, -1));
      const status = asked.find(startsWith(statusQuestion));
      const history = asked.find(startsWith(historyQuestion));
      assert.ok(status !== undefined && history !== undefined, `no status or history of the evidence among:\n${readable(asked)}`);
      const pathsOf = (run: string): string[] => (JSON.parse(run) as string[]).filter((arg) => arg.startsWith(':(literal)')).map((arg) => arg.slice(':(literal)'.length));
      assert.deepEqual(SCAN_GIT_QUESTIONS.forEvidence(pathsOf(status)).map(asRun)[0], status);
      assert.deepEqual(SCAN_GIT_QUESTIONS.forEvidence(pathsOf(history)).map(asRun)[1], history);

      // Nothing else but the configuration and who wrote a line (blame, and the question whether a commit that
      // created a file renamed it, lineHistory.ts): a new question of the scan must join the floor.
      const named = new Set([...expected, status, history]);
      const renames = asked.filter(startsWith(renamesArgs([])));
      assert.equal(renames.length, 1, 'src/app.js was created by a commit with a parent: was it a rename?');
      const others = asked.filter((run) => !named.has(run) && !renames.includes(run) && !run.includes('"config"') && !run.includes('"blame"'));
      assert.equal(readable(others), '');
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
