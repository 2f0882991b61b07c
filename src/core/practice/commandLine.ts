/**
 * Splits a POSIX shell command line (bash, zsh, sh; as typed in a terminal) into simple commands and their
 * words, the way the shell would: quotes and backslashes are removed, redirections are dropped, comments end
 * the line. Nothing is expanded or run: `$VAR`, `$(…)` and backticks stay inside the word they are part of,
 * so a command written inside them (or inside quotes) is never a command of the line.
 */

/** What ends a simple command: a pipe, a list operator, a background `&`, or the end of the line. */
export type CommandEnd = '&&' | '||' | '|' | ';' | '&' | 'end';

export interface SimpleCommand {
  /** Words after quote removal, without redirections and their targets. */
  readonly words: readonly string[];
  readonly end: CommandEnd;
}

/** `||` before `|`, `;;` before `;`: the longest operator wins. Newlines and parentheses end a command like `;`. */
const OPERATORS: readonly (readonly [string, CommandEnd])[] = [
  ['&&', '&&'],
  ['||', '||'],
  ['|&', '|'],
  ['|', '|'],
  [';;', ';'],
  [';', ';'],
  ['\n', ';'],
  ['(', ';'],
  [')', ';'],
  ['&', '&'],
];

const REDIRECTION = /^(?:&>>?|>>|>&|>\||<<<|<<-?|<&|<>|>|<)/;

/** The simple commands of `line` in order, or undefined when a quote, `$(` or backtick is left open. */
export function splitCommandLine(line: string): SimpleCommand[] | undefined {
  return new Splitter(line.replace(/\r\n?/g, '\n')).run();
}

class Splitter {
  private i = 0;
  private readonly commands: SimpleCommand[] = [];
  private words: string[] = [];
  private word: string | undefined;
  /** The next word is a redirection target: dropped. */
  private dropNext = false;
  private readonly hereDocs: string[] = [];

  constructor(private readonly text: string) {}

  run(): SimpleCommand[] | undefined {
    const text = this.text;
    while (this.i < text.length) {
      const ch = text.charAt(this.i);
      if (ch === ' ' || ch === '\t') {
        this.endWord();
        this.i++;
      } else if (ch === '#' && this.word === undefined) {
        while (this.i < text.length && text.charAt(this.i) !== '\n') {
          this.i++; // a comment, up to the end of its line
        }
      } else if (ch === '\\') {
        if (text.charAt(this.i + 1) !== '\n') {
          this.append(text.charAt(this.i + 1)); // `\<newline>` continues the line
        }
        this.i += 2;
      } else if (ch === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close < 0) {
          return undefined;
        }
        this.append(text.slice(this.i + 1, close));
        this.i = close + 1;
      } else if (ch === '"') {
        if (!this.doubleQuoted()) {
          return undefined;
        }
      } else if ((ch === '$' && '({'.includes(text.charAt(this.i + 1))) || ch === '`') {
        const end = skipExpansion(text, this.i);
        if (end === undefined) {
          return undefined;
        }
        this.append(text.slice(this.i, end));
        this.i = end;
      } else if (!this.operatorOrRedirection()) {
        this.append(ch);
        this.i++;
      }
    }
    this.endCommand('end');
    return this.commands;
  }

  private doubleQuoted(): boolean {
    const text = this.text;
    let value = '';
    let i = this.i + 1;
    while (i < text.length && text.charAt(i) !== '"') {
      const ch = text.charAt(i);
      if (ch === '\\' && '"\\$`\n'.includes(text.charAt(i + 1))) {
        value += text.charAt(i + 1) === '\n' ? '' : text.charAt(i + 1);
        i += 2;
      } else if ((ch === '$' && text.charAt(i + 1) === '(') || ch === '`') {
        const end = skipExpansion(text, i);
        if (end === undefined) {
          return false;
        }
        value += text.slice(i, end);
        i = end;
      } else {
        value += ch;
        i++;
      }
    }
    if (i >= text.length) {
      return false;
    }
    this.append(value);
    this.i = i + 1;
    return true;
  }

  /** Consumes an operator or a redirection at the cursor; false when there is none. */
  private operatorOrRedirection(): boolean {
    const rest = this.text.slice(this.i, this.i + 4);
    const redirection = REDIRECTION.exec(rest);
    if (redirection !== null) {
      if (this.word !== undefined && /^\d+$/.test(this.word)) {
        this.word = undefined; // `2>`: the fd number belongs to the redirection
      } else {
        this.endWord();
      }
      if (redirection[0].startsWith('<<') && !redirection[0].startsWith('<<<')) {
        this.hereDocs.push('');
      }
      this.dropNext = true;
      this.i += redirection[0].length;
      return true;
    }
    const operator = OPERATORS.find(([token]) => rest.startsWith(token));
    if (operator === undefined) {
      return false;
    }
    this.endCommand(operator[1]);
    this.i += operator[0].length;
    if (operator[0] === '\n') {
      this.skipHereDocBodies();
    }
    return true;
  }

  /** After the line that started here-documents, their bodies are data up to each delimiter line. */
  private skipHereDocBodies(): void {
    for (const delimiter of this.hereDocs.splice(0)) {
      while (this.i < this.text.length) {
        const lineEnd = this.text.indexOf('\n', this.i);
        const bodyLine = this.text.slice(this.i, lineEnd < 0 ? undefined : lineEnd);
        this.i = lineEnd < 0 ? this.text.length : lineEnd + 1;
        if (bodyLine.replace(/^\t+/, '') === delimiter) {
          break;
        }
      }
    }
  }

  private append(text: string): void {
    this.word = (this.word ?? '') + text;
  }

  private endWord(): void {
    if (this.word === undefined) {
      return;
    }
    if (this.dropNext) {
      this.dropNext = false;
      const pending = this.hereDocs.length - 1;
      if (pending >= 0 && this.hereDocs[pending] === '') {
        this.hereDocs[pending] = this.word;
      }
    } else {
      this.words.push(this.word);
    }
    this.word = undefined;
  }

  private endCommand(end: CommandEnd): void {
    this.endWord();
    this.dropNext = false;
    if (this.words.length > 0) {
      this.commands.push({ words: this.words, end });
      this.words = [];
      return;
    }
    // `(npm test) | tee log`: the `)` ended the command, the `|` after it is what ends it for the shell.
    const previous = this.commands.at(-1);
    if (previous !== undefined && end !== ';' && end !== 'end') {
      this.commands[this.commands.length - 1] = { words: previous.words, end };
    }
  }
}

/** The index just after the `$(…)`, `${…}` or backtick expansion at `start`, or undefined when it is not closed. */
function skipExpansion(text: string, start: number): number | undefined {
  if (text.charAt(start) === '`') {
    for (let i = start + 1; i < text.length; i++) {
      if (text.charAt(i) === '\\') {
        i++;
      } else if (text.charAt(i) === '`') {
        return i + 1;
      }
    }
    return undefined;
  }
  const open = text.charAt(start + 1);
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') {
      i++;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        return undefined;
      }
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text.charAt(j) !== '"') {
        j += text.charAt(j) === '\\' ? 2 : 1;
      }
      if (j >= text.length) {
        return undefined;
      }
      i = j;
    } else if (ch === open) {
      depth++;
    } else if (ch === close && --depth === 0) {
      return i + 1;
    }
  }
  return undefined;
}
