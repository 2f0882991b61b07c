import * as ts from 'typescript';

/**
 * Finds English text written straight into the user-facing VS Code APIs of src/vscode (messages, buttons,
 * Quick Pick and input box texts, tree items, the status bar, the webview title) instead of through
 * `vscode.l10n.t`, and lists the `l10n.t` strings the bundle must hold. Text built elsewhere (a function's
 * result, `src/core` view models) is not this scanner's business: it looks only at literals.
 */

export interface HardCodedText {
  readonly file: string;
  readonly line: number;
  readonly where: string;
  readonly text: string;
}

export interface L10nScan {
  readonly hardCoded: HardCodedText[];
  /** The first argument of every `l10n.t(...)`, the bundle's keys. */
  readonly messages: string[];
  /** `l10n.t` calls whose message is not one literal string (cannot be bundled, cannot be translated). */
  readonly unbundlable: HardCodedText[];
}

/** Calls whose every argument is shown: the message and the button labels. */
const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
/** Calls and constructors whose argument at this index is shown. */
const SHOWN_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ['createWebviewPanel', 1],
  ['appendMarkdown', 0],
  ['appendText', 0],
  ['TreeItem', 0],
  ['MarkdownString', 0],
  ['TreeItemLabel', 0],
]);
/** Properties (in object literals or assigned) that VS Code shows: item texts, titles, prompts, tooltips. */
const SHOWN_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'placeHolder', 'prompt', 'text', 'name', 'saveLabel', 'openLabel', 'validationMessage']);
/**
 * Literals allowed in those places: not English text. Strings with no letter once codicons (`$(name)`) are
 * removed ("$(sync~spin)", " · ", "%") are always allowed.
 */
const ALLOWED = new Set<string>([]);

function isL10nCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isIdentifier(expression)) return expression.text;
  return undefined;
}

function propertyName(name: ts.PropertyName | ts.MemberName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

/** True when the text is words, not an id, punctuation or a codicon. */
function isText(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\$\([\w~-]+\)/g, '')) && !ALLOWED.has(text);
}

export function scanSource(file: string, code: string): L10nScan {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const hardCoded: HardCodedText[] = [];
  const messages: string[] = [];
  const unbundlable: HardCodedText[] = [];
  // `const open = 'Open'; showInformationMessage(text, open)` passes a literal as surely as writing it inline.
  const constants = new Map<string, ts.Expression>();
  const collectConstants = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collectConstants);
  };
  collectConstants(source);

  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  /** The literal text an expression shows, looking through ?:, +, ??, ||, parentheses, arrays and spreads (not calls). */
  const check = (expression: ts.Expression | undefined, where: string, seen = new Set<string>()): void => {
    if (expression === undefined) return;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      if (isText(expression.text)) hardCoded.push({ file, line: lineOf(expression), where, text: expression.text });
    } else if (ts.isTemplateExpression(expression)) {
      const literal = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join('');
      if (isText(literal)) hardCoded.push({ file, line: lineOf(expression), where, text: expression.getText(source) });
      for (const span of expression.templateSpans) check(span.expression, where, seen);
    } else if (ts.isParenthesizedExpression(expression) || ts.isSpreadElement(expression) || ts.isAsExpression(expression)) {
      check(expression.expression, where, seen);
    } else if (ts.isConditionalExpression(expression)) {
      check(expression.whenTrue, where, seen);
      check(expression.whenFalse, where, seen);
    } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expression.operatorToken.kind)) {
      check(expression.left, where, seen);
      check(expression.right, where, seen);
    } else if (ts.isArrayLiteralExpression(expression)) {
      for (const element of expression.elements) check(element, where, seen);
    } else if (ts.isIdentifier(expression) && !seen.has(expression.text)) {
      const value = constants.get(expression.text);
      if (value !== undefined) check(value, where, new Set([...seen, expression.text]));
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nCall(node)) {
      const [message, ...values] = node.arguments;
      if (message !== undefined && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) messages.push(message.text);
      else unbundlable.push({ file, line: lineOf(node), where: 'l10n.t', text: node.getText(source) });
      // Its other arguments are values put into the translated text (maybe translated text themselves).
      for (const value of values) visit(value);
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const args: readonly ts.Expression[] = node.arguments ?? [];
      if (name !== undefined && MESSAGE_CALLS.has(name)) {
        for (const arg of args) check(arg, name);
      }
      const index = name === undefined ? undefined : SHOWN_ARGUMENT.get(name);
      if (name !== undefined && index !== undefined) check(args[index], name);
    }
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name !== undefined && SHOWN_PROPERTIES.has(name)) check(node.initializer, name);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const name = node.left.name.text;
      if (SHOWN_PROPERTIES.has(name)) check(node.right, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { hardCoded, messages, unbundlable };
}
