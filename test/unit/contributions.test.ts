import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommandId, ContextKey, WALKTHROUGH_ID } from '../../src/core/view/commandIds';
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
    walkthroughs: { id: string; steps: { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
  };
  icon?: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  main: string;
  bin: Record<string, string>;
}

// Contributed texts are `%key%`s of package.nls.json (l10n.test.ts checks they all resolve): read them as VS Code shows them.
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'), (_key, value: unknown) => {
  const nlsKey = typeof value === 'string' ? /^%([^%]+)%$/.exec(value)?.[1] : undefined;
  return nlsKey === undefined ? value : (nls[nlsKey] ?? value);
}) as Manifest;
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

  it('has a Get Started walkthrough whose steps link, and complete on, real commands and context keys', () => {
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
    assert.ok(walkthrough, 'the walkthrough CommandId.OpenWalkthrough opens');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['choosePath', 'openSkill', 'proveMilestone', 'runTests', 'exportProgress'],
    );
    const contextKeys: string[] = Object.values(ContextKey);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const step of walkthrough.steps) {
      for (const match of step.description.matchAll(/command:([\w.]+)/g)) {
        assert.ok(registered.includes(match[1] ?? ''), `${step.id} links to unknown command ${match[1] ?? ''}`);
      }
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on something`);
      for (const event of step.completionEvents) {
        const [kind, name = ''] = event.split(/:(.*)/);
        const known = kind === 'onCommand' ? registered.includes(name) : kind === 'onContext' ? contextKeys.includes(name) : kind === 'onSettingChanged' ? settings.includes(name) : false;
        assert.ok(known, `${step.id}: ${event} names nothing the extension registers, sets or declares`);
      }
      assert.ok(step.media.markdown !== undefined && existsSync(path.join(root, step.media.markdown)), `${step.id}: its Markdown page exists`);
    }
  });

  it('has no view that only shows before the roadmap loads (the old Get Started view)', () => {
    assert.deepEqual(
      Object.values(manifest.contributes.views)
        .flat()
        .map((view) => view.id),
      ['backendRoadmap.roadmap'],
    );
  });

  it('ships the marketplace icon it names: a 128×128 PNG', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(path.join(root, 'media/icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
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
