// Writes l10n/bundle.l10n.json, the English source of every vscode.l10n.t('...') string in src/vscode,
// which translators copy to l10n/bundle.l10n.<language>.json. `--check` only reports whether it is up to date.
// test/unit/l10n.test.ts fails when it is out of date.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = path.join(root, 'l10n/bundle.l10n.json');

function messagesOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const messages = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && /(^|\.)l10n$/.test(node.expression.expression.getText(source))) {
      const [message] = node.arguments;
      if (message === undefined || !(ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) {
        throw new Error(`${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: l10n.t needs one literal string, with {0} for values`);
      }
      messages.push(message.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return messages;
}

const files = readdirSync(path.join(root, 'src/vscode'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join(root, 'src/vscode', file));
const messages = [...new Set(files.flatMap(messagesOf))].sort();
const text = `${JSON.stringify(Object.fromEntries(messages.map((message) => [message, message])), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const current = existsSync(bundleFile) ? readFileSync(bundleFile, 'utf8') : '';
  if (current !== text) {
    console.error('l10n/bundle.l10n.json is out of date: run node scripts/l10n-bundle.mjs');
    process.exit(1);
  }
  console.log(`l10n/bundle.l10n.json is up to date (${messages.length} strings)`);
} else {
  mkdirSync(path.dirname(bundleFile), { recursive: true });
  writeFileSync(bundleFile, text);
  console.log(`wrote l10n/bundle.l10n.json: ${messages.length} strings`);
}
