import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { roadmapFolderStamp } from '../../src/core/roadmaps/folderStamp';
import { makeTree, removeTree } from './helpers/scanFixtures';

describe('roadmap folder stamp', () => {
  it('is empty for a missing folder and changes when a YAML file is written, added or removed', async () => {
    const root = await makeTree({ 'notes.txt': 'x' });
    try {
      const folder = path.join(root, '.backend-roadmap');
      assert.equal(await roadmapFolderStamp(folder), '');
      await fs.mkdir(path.join(folder, 'stages'), { recursive: true });
      await fs.writeFile(path.join(folder, 'roadmap.yaml'), 'id: mine\n');
      await fs.writeFile(path.join(folder, 'stages', '01.yaml'), 'id: one\n');
      const first = await roadmapFolderStamp(folder);
      assert.match(first, /^roadmap\.yaml:/m);
      assert.match(first, /^stages\/01\.yaml:/m);
      assert.equal(await roadmapFolderStamp(folder), first, 'unchanged folder, same stamp');
      await fs.writeFile(path.join(folder, 'stages', '01.yaml'), 'id: one\ntitle: One\n');
      const written = await roadmapFolderStamp(folder);
      assert.notEqual(written, first);
      await fs.writeFile(path.join(folder, 'stages', 'notes.md'), 'not YAML');
      assert.equal(await roadmapFolderStamp(folder), written, 'other files do not count');
      await fs.rm(path.join(folder, 'stages', '01.yaml'));
      assert.doesNotMatch(await roadmapFolderStamp(folder), /01\.yaml/);
    } finally {
      await removeTree(root);
    }
  });
});
