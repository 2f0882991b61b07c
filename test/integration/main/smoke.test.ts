import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from '../driver';

describe('smoke', () => {
  it('loads the Backend Roadmap extension', async () => {
    const ext = vscode.extensions.getExtension('backend-roadmap.backend-roadmap');
    assert.ok(ext, 'extension backend-roadmap.backend-roadmap is not loaded');
    await screenshot('smoke');
  });
});
