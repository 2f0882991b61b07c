import { formatNumber } from '../text/numbers';

import { Composer, isAlias, isNode, Lexer, LineCounter, Parser, visit } from 'yaml';
import type { CST, Document, Node, YAMLError } from 'yaml';
import { ROADMAP_LIMITS } from './limits';
import type { ProblemList } from './problemList';
import { errorMessage } from '../errorMessage';

/** One stage file's YAML, parsed, with what is needed to point at its nodes. */
export interface StageYaml {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain JavaScript value, not yet validated. */
  readonly value: unknown;
}

/**
 * Parses one stage file's text within ROADMAP_LIMITS, or adds its problems to `problems` and returns
 * undefined. The yaml package slows down or overflows the stack on deep nesting and long runs of errors,
 * so the text is first tokenized with a token budget and its shape measured without recursion; only a
 * file within the bounds is composed into a document.
 */
export function parseStageYaml(file: string, text: string, problems: ProblemList): StageYaml | undefined {
  // The yaml package builds an Error for every syntax error it finds, and a file can hold tens of thousands;
  // capturing their stack traces took most of the time (2.5 s instead of 0.7 s for 40,000 stray `]`).
  // Nothing here reads those stacks, and the parse is synchronous, so no other code sees the setting.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse(file, text, problems);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function parse(file: string, text: string, problems: ProblemList): StageYaml | undefined {
  const lines = new LineCounter();
  const report = (offset: number, message: string): void => {
    if (problems.accepts(file)) {
      const pos = lines.linePos(offset);
      problems.add({ file, line: pos.line, column: pos.col, message });
    } else {
      problems.skip(file);
    }
  };

  const tokens = tokenize(text, lines);
  if (tokens.overflowAt !== undefined) {
    report(
      tokens.overflowAt,
      `the file has more than ${formatNumber(ROADMAP_LIMITS.tokens)} YAML tokens (keys, values, punctuation, line breaks); ` +
        'a stage needs far fewer: split it into several stage files, or look for a long run of stray characters from here on',
    );
    return undefined;
  }
  const shape = measure(tokens.cst);
  if (shape.tooDeepAt !== undefined) {
    report(
      shape.tooDeepAt,
      `mappings and lists nest more than ${ROADMAP_LIMITS.depth} levels deep here; a stage needs about 5: ` +
        'check the indentation and that every [ and { is closed',
    );
    return undefined;
  }
  if (shape.excessAliasAt !== undefined) {
    report(
      shape.excessAliasAt,
      `the file uses more than ${ROADMAP_LIMITS.aliases} aliases (*name); write the values out instead, ` +
        'or quote text that starts with * (for example "*Web*")',
    );
    return undefined;
  }

  const doc = compose(tokens.cst, text.length, report);
  if (doc.errors.length > 0) {
    reportSyntaxErrors(doc, file, problems, report);
    return undefined;
  }
  if (!checkAliases(doc, report)) {
    return undefined;
  }
  try {
    return { doc, lines, value: doc.toJS({ maxAliasCount: ROADMAP_LIMITS.aliasExpansion }) };
  } catch (error) {
    const message = errorMessage(error);
    report(
      shape.firstAliasAt ?? 0,
      message.includes('Excessive alias count')
        ? `the aliases (*name) in this file expand too far (more than ${formatNumber(ROADMAP_LIMITS.aliasExpansion)} uses, ` +
          'counting aliases inside aliased values): write the values out instead of aliasing them'
        : `cannot turn the YAML into values (${message}); check the anchors (&name) and aliases (*name)`,
    );
    return undefined;
  }
}

interface Tokens {
  readonly cst: readonly CST.Token[];
  /** Where tokenizing stopped because the file has more tokens than the limit. */
  readonly overflowAt?: number;
}

/** Drives the lexer and parser by hand so that the work stops at the token budget. */
function tokenize(text: string, lines: LineCounter): Tokens {
  const parser = new Parser(lines.addNewLine);
  const cst: CST.Token[] = [];
  let count = 0;
  // The parser reports the first line only when it runs `parse`; driving `next` by hand, do it here.
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    if (++count > ROADMAP_LIMITS.tokens) {
      return { cst, overflowAt: parser.offset };
    }
    for (const token of parser.next(lexeme)) {
      cst.push(token);
    }
  }
  for (const token of parser.end()) {
    cst.push(token);
  }
  return { cst };
}

interface Shape {
  /** Offset of the first collection nested deeper than the limit. */
  readonly tooDeepAt?: number;
  /** Offset of the first alias past the limit. */
  readonly excessAliasAt?: number;
  readonly firstAliasAt?: number;
}

/** Nesting depth and aliases of the token tree, walked with an explicit stack (the tree may be deep). */
function measure(cst: readonly CST.Token[]): Shape {
  const stack: { token: CST.Token; depth: number }[] = cst.map((token) => ({ token, depth: 0 })).reverse();
  const aliasOffsets: number[] = [];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) {
      break;
    }
    const { token, depth } = next;
    switch (token.type) {
      case 'document':
        if (token.value) {
          stack.push({ token: token.value, depth });
        }
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > ROADMAP_LIMITS.depth) {
          return { tooDeepAt: token.offset };
        }
        const children: CST.Token[] = [];
        for (const item of token.items) {
          if (item.key) {
            children.push(item.key);
          }
          if (item.value) {
            children.push(item.value);
          }
        }
        for (const child of children.reverse()) {
          stack.push({ token: child, depth: depth + 1 });
        }
        break;
      }
      case 'alias':
        aliasOffsets.push(token.offset);
        if (aliasOffsets.length > ROADMAP_LIMITS.aliases) {
          return { excessAliasAt: token.offset };
        }
        break;
      default:
        break;
    }
  }
  return { firstAliasAt: aliasOffsets[0] };
}

function compose(cst: readonly CST.Token[], length: number, report: (offset: number, message: string) => void): Document.Parsed {
  // logLevel 'error': the yaml package would otherwise print warnings about odd keys to the console.
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(cst, true, length)) {
    if (!first) {
      first = doc;
    } else {
      report(doc.range[0], 'a second YAML document starts here; a stage file holds one: remove the `---` line or move the stage to its own file');
      break;
    }
  }
  if (!first) {
    // compose(…, forceDoc = true) yields a document even for empty text; the loader reports this if not.
    throw new Error('the yaml composer returned no document');
  }
  return first;
}

function reportSyntaxErrors(doc: Document.Parsed, file: string, problems: ProblemList, report: (offset: number, message: string) => void): void {
  for (const [index, error] of doc.errors.entries()) {
    if (!problems.accepts(file)) {
      problems.skip(file, doc.errors.length - index);
      return;
    }
    report(errorOffset(doc, error), `YAML syntax: ${firstLine(error.message)}`);
  }
}

/**
 * Every alias must name an anchor set before it and outside itself: the yaml package throws on the first
 * and builds an endless (circular) value from the second.
 */
function checkAliases(doc: Document.Parsed, report: (offset: number, message: string) => void): boolean {
  const anchors = new Map<string, Node>();
  let ok = true;
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const at = node.range?.[0] ?? 0;
      if (!target) {
        report(
          at,
          `"*${node.source}" is read as an alias, but no anchor "&${node.source}" comes before it: ` +
            `put the text in quotes ("*${node.source}") or define the anchor first`,
        );
        ok = false;
      } else if (path.includes(target)) {
        report(at, `the alias "*${node.source}" sits inside the value it names, which would make that value endless: remove it`);
        ok = false;
      }
    } else if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
    }
    return undefined;
  });
  return ok;
}

/**
 * Where to point at a YAML error. For an unclosed quote the parser reports the end of the file; the
 * useful place is where the quoted text starts.
 */
function errorOffset(doc: Document.Parsed, error: YAMLError): number {
  const offset = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    let start: number | undefined;
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === offset) {
          start = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return start ?? offset;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
