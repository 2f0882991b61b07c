import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../src/core/view/commandIds';
import { CONFIG_SECTION, SETTING_TYPES } from '../../src/core/view/settings';

/**
 * package.json and the code must agree: every contributed command is registered (CommandId) and every
 * registered command is contributed; menus name real commands; settings match the typed config reader.
 */
const root = path.resolve(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { type: string; default: unknown; description?: string; markdownDescription?: string; enum?: unknown[] }> };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
  };
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  main: string;
  bin: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const source = (file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('package.json contributions', () => {
  const registered: string[] = Object.values(CommandId);
  const contributed = manifest.contributes.commands.map((c) => c.command);

  it('contributes exactly the commands the extension registers', () => {
    assert.deepEqual([...contributed].sort(), [...registered].sort());
  });

  it('gives every command a title and the Backend Roadmap category', () => {
    for (const command of manifest.contributes.commands) {
      assert.ok(command.title.length > 3, command.command);
      assert.equal(command.category, 'Backend Roadmap', command.command);
    }
  });

  it('names only contributed commands in menus', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        assert.ok(contributed.includes(entry.command), `${menu} names unknown command ${entry.command}`);
      }
    }
  });

  it('uses only registered commands in the welcome view links', () => {
    for (const welcome of manifest.contributes.viewsWelcome) {
      for (const match of welcome.contents.matchAll(/command:([\w.]+)/g)) {
        assert.ok(registered.includes(match[1] ?? ''), `welcome view links to unknown command ${match[1] ?? ''}`);
      }
    }
  });

  it('declares every setting the code reads, with its type, a default of that type and a description', () => {
    const properties = manifest.contributes.configuration.properties;
    const declared = Object.keys(SETTING_TYPES).map((key) => `${CONFIG_SECTION}.${key}`);
    assert.deepEqual(Object.keys(properties).sort(), declared.sort());
    for (const [key, type] of Object.entries(SETTING_TYPES)) {
      const property = properties[`${CONFIG_SECTION}.${key}`];
      assert.ok(property, key);
      if (type === 'stringArray') {
        assert.equal(property.type, 'array', key);
        assert.ok(Array.isArray(property.default) && property.default.every((item: unknown) => typeof item === 'string'), `${key}: the default is a list of strings`);
      } else {
        assert.equal(property.type, type, key);
        assert.equal(typeof property.default, type, `${key}: the default is what getConfig returns when the learner set nothing`);
      }
      if (property.enum !== undefined) {
        assert.ok(property.enum.includes(property.default), `${key}: the default is one of the allowed values`);
      }
      assert.ok((property.description ?? property.markdownDescription ?? '').length > 10, key);
    }
  });

  it('targets VS Code 1.93 to 1.100 with matching @types/vscode', () => {
    const engine = /(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    const minor = Number(engine?.[2]);
    assert.ok(minor >= 93 && minor <= 100, manifest.engines.vscode);
    assert.match(manifest.devDependencies['@types/vscode'] ?? '', new RegExp(`1\\.${minor}\\.`));
  });

  it('points main and the CLI bin at the bundles esbuild writes', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.bin['backend-roadmap'], './dist/cli.js');
    // esbuild.mjs builds every bundle listed in scripts/bundles.mjs.
    assert.match(source('esbuild.mjs'), /from '\.\/scripts\/bundles\.mjs'/);
    assert.match(source('scripts/bundles.mjs'), /entryPoints: \['src\/vscode\/extension\.ts'\], outfile: 'dist\/extension\.js'/);
    assert.match(source('scripts/bundles.mjs'), /entryPoints: \['src\/cli\/main\.ts'\], outfile: 'dist\/cli\.js'/);
  });
});
