import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { scanSource } from './helpers/l10nScan';

/**
 * Localisation: every user-facing string of src/vscode goes through `vscode.l10n.t` (listed in
 * l10n/bundle.l10n.json) and every contributed text of package.json is a `%key%` of package.nls.json,
 * so a translation is one file (l10n/bundle.l10n.<lang>.json, package.nls.<lang>.json).
 */
const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

const vscodeFiles = readdirSync(path.join(root, 'src/vscode'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.posix.join('src/vscode', file.split(path.sep).join('/')))
  .sort();
const scans = vscodeFiles.map((file) => scanSource(file, read(file)));

describe('localisation', () => {
  it('finds the files it scans', () => {
    assert.ok(vscodeFiles.length > 20, vscodeFiles.join(', '));
    assert.ok(vscodeFiles.includes('src/vscode/commands.ts'));
  });

  it('writes no user-facing text in src/vscode except through vscode.l10n.t', () => {
    const found = scans.flatMap((scan) => scan.hardCoded).map((hit) => `${hit.file}:${hit.line} (${hit.where}) ${hit.text}`);
    assert.deepEqual(found, [], 'wrap these in vscode.l10n.t(...), with {0} for values');
  });

  it('gives vscode.l10n.t one literal string, so it can be bundled and translated', () => {
    const found = scans.flatMap((scan) => scan.unbundlable).map((hit) => `${hit.file}:${hit.line} ${hit.text}`);
    assert.deepEqual(found, []);
  });

  it('lists every vscode.l10n.t string in l10n/bundle.l10n.json (node scripts/l10n-bundle.mjs writes it)', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    const messages = [...new Set(scans.flatMap((scan) => scan.messages))].sort();
    assert.ok(messages.length > 50, `${messages.length} messages`);
    assert.deepEqual(Object.keys(bundle).sort(), messages, 'the bundle is out of date: run node scripts/l10n-bundle.mjs');
    for (const [key, english] of Object.entries(bundle)) assert.equal(english, key);
  });

  it('resolves every %key% of package.json in package.nls.json, and uses every key', () => {
    const manifest = read('package.json');
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1] ?? '');
    assert.ok(used.length > 50, `${used.length} keys used`);
    assert.deepEqual(used.filter((key) => nls[key] === undefined), [], 'missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), [], 'in package.nls.json but not used');
    for (const [key, english] of Object.entries(nls)) assert.ok(english.trim().length > 0, key);
  });

  it('contributes no English text straight in package.json', () => {
    interface Contributed {
      displayName: string;
      description: string;
      contributes: {
        commands: { title: string; category: string }[];
        views: Record<string, { name: string; contextualTitle?: string }[]>;
        configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string; enumDescriptions?: string[] }> };
        walkthroughs: { title: string; description: string; steps: { title: string; description: string }[] }[];
      };
    }
    const manifest = JSON.parse(read('package.json')) as Contributed;
    const c = manifest.contributes;
    const texts = [
      manifest.displayName,
      manifest.description,
      ...c.commands.flatMap((command) => [command.title, command.category]),
      ...Object.values(c.views).flat().flatMap((view) => [view.name, view.contextualTitle ?? '%%']),
      c.configuration.title,
      ...Object.values(c.configuration.properties).flatMap((p) => [p.description, p.markdownDescription, ...(p.enumDescriptions ?? [])].filter((text) => text !== undefined)),
      ...c.walkthroughs.flatMap((w) => [w.title, w.description, ...w.steps.flatMap((step) => [step.title, step.description])]),
    ];
    assert.deepEqual(texts.filter((text) => !/^%[^%]+%$/.test(text)), []);
  });

  it('ships package.nls.json and the l10n folder in the .vsix', () => {
    const ignore = read('.vscodeignore').split('\n');
    assert.ok(ignore.includes('!package.nls.json'));
    assert.ok(ignore.includes('!l10n/*.json'));
    assert.equal((JSON.parse(read('package.json')) as { l10n?: string }).l10n, './l10n');
  });
});

describe('the hard-coded text scanner', () => {
  it('finds literals in messages, buttons, picks, prompts, tree items, the status bar and through constants', () => {
    const bad = [
      "import * as vscode from 'vscode';",
      "const open = 'Open Folder';",
      "void vscode.window.showInformationMessage('Skill proved.', open, vscode.l10n.t('Later'));",
      'void vscode.window.showWarningMessage(`Could not read ${file}`);',
      "void vscode.window.showQuickPick([{ label: 'First skill', description: ok ? 'done' : vscode.l10n.t('open') }], { placeHolder: 'Pick a skill' });",
      "void vscode.window.showInputBox({ prompt: 'Hours ' + 'a week' });",
      "const item = new vscode.TreeItem('Problems');",
      "item.tooltip = 'Click to fix';",
      "status.text = '$(check) Done';",
      "const panel = vscode.window.createWebviewPanel('type', 'Skill details', 1);",
      "const key = vscode.l10n.t(`Hello ${name}`);",
    ].join('\n');
    const scan = scanSource('bad.ts', bad);
    assert.deepEqual(
      scan.hardCoded.map((hit) => [hit.line, hit.where, hit.text]),
      [
        [3, 'showInformationMessage', 'Skill proved.'],
        [2, 'showInformationMessage', 'Open Folder'],
        [4, 'showWarningMessage', '`Could not read ${file}`'],
        [5, 'label', 'First skill'],
        [5, 'description', 'done'],
        [5, 'placeHolder', 'Pick a skill'],
        [6, 'prompt', 'Hours '],
        [6, 'prompt', 'a week'],
        [7, 'TreeItem', 'Problems'],
        [8, 'tooltip', 'Click to fix'],
        [9, 'text', '$(check) Done'],
        [10, 'createWebviewPanel', 'Skill details'],
      ],
    );
    assert.deepEqual(scan.messages, ['Later', 'open']);
    assert.deepEqual(scan.unbundlable.map((hit) => hit.line), [11]);
  });

  it('accepts l10n.t text, values, codicons, punctuation and ids', () => {
    const good = [
      "import * as vscode from 'vscode';",
      "const open = vscode.l10n.t('Open');",
      "void vscode.window.showInformationMessage(vscode.l10n.t('{0} skills proved.', count), open);",
      "void vscode.window.showInformationMessage(notice.text, ...actions);",
      "item.text = `$(mortar-board) ${done}/${total} · ${pct}%`;",
      "item.tooltip = new vscode.MarkdownString().appendText(tooltip);",
      "const items = skills.map((skill) => ({ label: `$(circle) ${skill.title}`, description: skill.stage }));",
      "void vscode.window.setStatusBarMessage('$(sync~spin)', 3000);",
      "item.contextValue = 'skill.done'; item.id = 'stage.git';",
    ].join('\n');
    const scan = scanSource('good.ts', good);
    assert.deepEqual(scan.hardCoded, []);
    assert.deepEqual(scan.unbundlable, []);
    assert.deepEqual(scan.messages, ['Open', '{0} skills proved.']);
  });
});
