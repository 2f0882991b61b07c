import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isRegularFile, isRegularFileNow, readTextFile, readTextFileNow } from '../../src/core/scan/readText';
import { scanFolder } from '../../src/core/milestones/engine';
import { makeTree, removeTree } from './helpers/scanFixtures';

describe('reading a file with the thread blocked (the CLI) and through the thread pool agree', () => {
  let root: string;
  before(async () => {
    root = await makeTree({
      'plain.ts': 'export const a = 1;\n',
      'bom.md': '\ufeff# Title\n',
      'binary.bin': 'PK\0\x03\x04',
      'exact.txt': 'x'.repeat(64),
      'over.txt': 'x'.repeat(65),
      'empty.txt': '',
      'dir/inside.txt': 'in\n',
      'utf8.txt': 'héllo wörld ✓\n',
    });
    await fs.symlink(path.join(root, 'plain.ts'), path.join(root, 'link.ts'));
  });
  after(async () => {
    await removeTree(root);
  });

  const cases: readonly [string, string | undefined][] = [
    ['plain.ts', 'export const a = 1;\n'],
    ['bom.md', '# Title\n'],
    ['binary.bin', undefined],
    ['exact.txt', 'x'.repeat(64)],
    ['over.txt', undefined],
    ['empty.txt', ''],
    ['dir', undefined],
    ['missing.txt', undefined],
    ['link.ts', undefined],
    ['utf8.txt', 'héllo wörld ✓\n'],
  ];
  for (const [file, expected] of cases) {
    it(`${file}: ${expected === undefined ? 'nothing' : JSON.stringify(expected.slice(0, 20))}`, async () => {
      assert.equal(readTextFileNow(root, file, 64), expected);
      assert.equal(await readTextFile(root, file, 64), expected);
      assert.equal(isRegularFileNow(root, file), await isRegularFile(root, file));
    });
  }

  it('turns a named pipe away without waiting for a writer', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const fifo = path.join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    try {
      // In a child process: a read that waits for a writer would block this thread for good.
      const module = require.resolve('../../src/core/scan/readText');
      const program = `const r = require(${JSON.stringify(module)}); process.stdout.write(JSON.stringify([r.readTextFileNow(${JSON.stringify(root)}, 'pipe') ?? null, r.isRegularFileNow(${JSON.stringify(root)}, 'pipe')]));`;
      const printed = execFileSync(process.execPath, ['-e', program], { timeout: 5000 }).toString();
      assert.deepEqual(JSON.parse(printed), [null, false]);
    } finally {
      await fs.rm(fifo);
    }
  });

  it('finds the same milestones in a scan either way', async () => {
    const project = await makeTree({
      'package.json': JSON.stringify({ dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
      'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\napp.post('/users', (req, res) => res.status(201).end());\n",
      'src/db.js': "const { Pool } = require('pg');\nconst pool = new Pool();\nmodule.exports = (id) => pool.query('SELECT * FROM users WHERE id = $1', [id]);\n",
      'Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "src/app.js"]\n',
    });
    try {
      const blocking = await scanFolder(project, { allowGit: false, blockingFileReads: true, now: () => new Date(0) });
      const pooled = await scanFolder(project, { allowGit: false, now: () => new Date(0) });
      const present = (scan: typeof blocking): string[] => scan.milestones.filter((m) => m.present).map((m) => `${m.id} ${JSON.stringify(m.evidence)}`);
      assert.ok(present(blocking).length >= 3, present(blocking).join('\n'));
      assert.deepEqual(present(blocking), present(pooled));
    } finally {
      await removeTree(project);
    }
  });
});
