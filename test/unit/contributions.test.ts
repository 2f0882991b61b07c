import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * package.json and the code must agree: every contributed command is registered (CommandId) and every
 * registered command is contributed; menus name real commands; settings match the typed config reader.
 * Read as text because unit tests never load the VS Code layer.
 */
const root = path.resolve(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default: unknown; description: string }> };
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

function enumValues(file: string, enumName: string): string[] {
  const body = new RegExp(`export enum ${enumName} \\{([^}]*)\\}`).exec(source(file))?.[1] ?? '';
  return [...body.matchAll(/=\s*'([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('package.json contributions', () => {
  const registered = enumValues('src/vscode/commandIds.ts', 'CommandId');
  const contributed = manifest.contributes.commands.map((c) => c.command);

  it('contributes exactly the commands the extension registers', () => {
    assert.ok(registered.length >= 15, `expected the CommandId enum to be parsed, got ${registered.length}`);
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

  it('declares the settings the typed config reader reads, with defaults and descriptions', () => {
    const body = /interface BackendRoadmapConfig \{([^}]*)\}/.exec(source('src/vscode/config.ts'))?.[1] ?? '';
    const keys = [...body.matchAll(/'([\w.]+)'/g)].map((m) => `backendRoadmap.${m[1] ?? ''}`);
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), keys.sort());
    for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.notEqual(property.default, undefined, key);
      assert.ok(property.description.length > 10, key);
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
    assert.match(source('esbuild.mjs'), /outfile: 'dist\/extension\.js'/);
    assert.match(source('esbuild.mjs'), /outfile: 'dist\/cli\.js'/);
  });
});
