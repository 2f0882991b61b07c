/** "./node_modules/.bin/jest.cmd" → "jest"; "/usr/bin/dig" → "dig": the program a word runs, never its path. */
export function programName(word: string): string {
  const base = word.replace(/\\/g, '/').split('/').pop() ?? word;
  return base.replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Shell words that come before a command without changing which program runs (`if dig x; then`, `! grep`). */
const KEYWORDS: ReadonlySet<string> = new Set(['!', '{', 'if', 'then', 'elif', 'else', 'while', 'until', 'do']);

interface Wrapper {
  /** Options that take a value (the next word, or attached: `-uroot`, `--user=root`). */
  readonly valueOptions: readonly string[];
  /** Options that mean the program after it is not run (`command -v dig` looks it up; `sudo -l` lists rights). */
  readonly notRun?: readonly string[];
  /** A positional word before the command (`timeout 10 dig`, `nice -5 dig` is an option). */
  readonly positionals?: number;
  /** Leading `NAME=value` words are the environment (`env X=1 dig`). */
  readonly assignments?: boolean;
}

/** Commands that run the rest of their words as a command: looked through to the program they run. */
const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map<string, Wrapper>([
  ['sudo', { valueOptions: ['-u', '-g', '-C', '-D', '-p', '-r', '-t', '-T', '-U', '-R', '--user', '--group', '--chdir', '--prompt', '--role', '--type', '--command-timeout', '--other-user', '--chroot', '--close-from'], notRun: ['-h', '--help', '-l', '--list', '-e', '--edit', '-v', '--validate', '-V', '--version'] }],
  ['doas', { valueOptions: ['-u', '-C'], notRun: ['-C'] }],
  ['env', { valueOptions: ['-u', '--unset', '-C', '--chdir'], notRun: ['-S', '--split-string', '--help', '--version'], assignments: true }],
  ['time', { valueOptions: ['-o', '--output', '-f', '--format'] }],
  ['nice', { valueOptions: ['-n', '--adjustment'] }],
  ['nohup', { valueOptions: [] }],
  ['command', { valueOptions: [], notRun: ['-v', '-V'] }],
  ['builtin', { valueOptions: [] }],
  ['exec', { valueOptions: ['-a'] }],
  ['timeout', { valueOptions: ['-s', '--signal', '-k', '--kill-after'], notRun: ['--help', '--version'], positionals: 1 }],
]);

/**
 * The words of the program a simple command runs, after looking through what only wraps it: leading
 * `X=1` assignments, `sudo` and its options, `env`, `time`, `nice -n 5`, `nohup`, `command`, `exec`,
 * `timeout 10`, and shell keywords (`if`, `do`, `!`). Empty when nothing is run (`sudo -l`, `command -v dig`).
 */
export function commandAfterPrefixes(words: readonly string[]): readonly string[] {
  let rest = words;
  for (;;) {
    const first = rest[0];
    if (first === undefined) {
      return rest;
    }
    if (KEYWORDS.has(first) || ASSIGNMENT.test(first)) {
      rest = rest.slice(1);
      continue;
    }
    const wrapper = WRAPPERS.get(programName(first));
    if (wrapper === undefined) {
      return rest;
    }
    const after = afterWrapper(wrapper, rest.slice(1));
    if (after === undefined) {
      return [];
    }
    rest = after;
  }
}

function afterWrapper(wrapper: Wrapper, args: readonly string[]): readonly string[] | undefined {
  let i = 0;
  let positionals = wrapper.positionals ?? 0;
  while (i < args.length) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      return args.slice(i + 1);
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const takesNext = optionTakesNext(wrapper, arg);
      if (takesNext === undefined) {
        return undefined;
      }
      i += takesNext ? 2 : 1;
    } else if (wrapper.assignments === true && ASSIGNMENT.test(arg)) {
      i++;
    } else if (positionals > 0) {
      positionals--;
      i++;
    } else {
      return args.slice(i);
    }
  }
  return [];
}

/**
 * Whether an option word takes the next word as its value (`-u root`, `-Eu root`); `-uroot` and `--user=root`
 * carry theirs. Undefined when the option means the command is not run.
 */
function optionTakesNext(wrapper: Wrapper, arg: string): boolean | undefined {
  if (arg.startsWith('--')) {
    const name = arg.split('=')[0] ?? arg;
    if (wrapper.notRun?.includes(name) === true) {
      return undefined;
    }
    return wrapper.valueOptions.includes(name) && arg === name;
  }
  // A cluster of short options (`-Eu`): letters up to the first that takes a value.
  for (let j = 1; j < arg.length; j++) {
    const name = `-${arg.charAt(j)}`;
    if (wrapper.notRun?.includes(name) === true) {
      return undefined;
    }
    if (wrapper.valueOptions.includes(name)) {
      return j === arg.length - 1;
    }
  }
  return false;
}
