import * as assert from 'node:assert/strict';
import { splitCommandLine } from '../../src/core/practice/commandLine';
import { commandAfterPrefixes, programName } from '../../src/core/practice/prefixes';

/** Each command as "word word … <end>", for compact expectations. */
function split(line: string): string[] | undefined {
  return splitCommandLine(line)?.map((command) => `${command.words.join(' ')} <${command.end}>`);
}

describe('practice: splitting a shell command line', () => {
  it('splits over &&, ||, ;, |, & and newlines, keeping what ends each command', () => {
    assert.deepEqual(split('a 1 && b || c; d | e & f\ng'), ['a 1 <&&>', 'b <||>', 'c <;>', 'd <|>', 'e <&>', 'f <;>', 'g <end>']);
  });
  it('operators need no spaces', () => {
    assert.deepEqual(split('a&&b||c;d|e'), ['a <&&>', 'b <||>', 'c <;>', 'd <|>', 'e <end>']);
  });
  it('removes quotes and honours them: operators and # inside quotes are text', () => {
    assert.deepEqual(split(`echo "a && b" 'c; d' e\\;f "x\\"y" '#no'`), [`echo a && b c; d e;f x"y #no <end>`]);
  });
  it('a # that starts a word begins a comment up to the end of its line', () => {
    assert.deepEqual(split('ls # && dig x\npwd'), ['ls <;>', 'pwd <end>']);
    assert.deepEqual(split('echo a#b'), ['echo a#b <end>']);
  });
  it('keeps $(…), ${…} and backticks inside their word, even with operators in them', () => {
    assert.deepEqual(split('echo $(dig x; ls) `host y` ${A:-b;c} "$(a | b)"'), ['echo $(dig x; ls) `host y` ${A:-b;c} $(a | b) <end>']);
  });
  it('drops redirections and their targets', () => {
    assert.deepEqual(split('dig x > out.txt 2>&1 && cat < in.txt >> log &> all'), ['dig x <&&>', 'cat <end>']);
    assert.deepEqual(split('echo 2 >file'), ['echo 2 <end>']);
  });
  it('skips here-document bodies', () => {
    assert.deepEqual(split("cat <<'EOF'\ndig secret.example\nEOF\nls"), ['cat <;>', 'ls <end>']);
  });
  it('subshells end commands; an operator after `)` ends the command before it', () => {
    assert.deepEqual(split('(cd api && npm test) | tee log'), ['cd api <&&>', 'npm test <|>', 'tee log <end>']);
  });
  it('joins a backslash-newline continuation and CRLF line ends', () => {
    assert.deepEqual(split('dig \\\n  example.com\r\nls'), ['dig example.com <;>', 'ls <end>']);
  });
  it('undefined when a quote, $( or backtick is left open', () => {
    for (const line of ['echo "a', "echo 'a", 'echo $(a', 'echo `a', 'echo "$(a"']) {
      assert.equal(splitCommandLine(line), undefined, line);
    }
  });
  it('nothing for an empty line or a comment', () => {
    assert.deepEqual(split(''), []);
    assert.deepEqual(split('   # dig x'), []);
  });
});

describe('practice: looking through prefixes', () => {
  const cases: [string, string][] = [
    ['sudo dig x', 'dig x'],
    ['sudo -E -u root dig x', 'dig x'],
    ['sudo --user=root -- dig x', 'dig x'],
    ['sudo -Eu root dig x', 'dig x'],
    ['sudo -uroot dig x', 'dig x'],
    ['nice -n5 dig x', 'dig x'],
    ['env X=1 Y=2 dig x', 'dig x'],
    ['env -i -u HOME dig x', 'dig x'],
    ['X=1 Y=2 dig x', 'dig x'],
    ['time -p dig x', 'dig x'],
    ['nice -n 5 dig x', 'dig x'],
    ['nice -5 dig x', 'dig x'],
    ['nohup dig x', 'dig x'],
    ['command dig x', 'dig x'],
    ['exec -a name dig x', 'dig x'],
    ['timeout -s KILL 10 dig x', 'dig x'],
    ['sudo env X=1 time nice -n 2 dig x', 'dig x'],
    ['if dig x', 'dig x'],
    ['do dig x', 'dig x'],
    ['! dig x', 'dig x'],
    ['command -v dig', ''],
    ['sudo -l dig', ''],
    ['sudo -h', ''],
    ["env -S 'dig x'", ''],
    ['sudo', ''],
  ];
  for (const [line, expected] of cases) {
    it(`${line} → ${expected || 'nothing run'}`, () => {
      const words = splitCommandLine(line)?.[0]?.words ?? [];
      assert.equal(commandAfterPrefixes(words).join(' '), expected);
    });
  }
  it('programName keeps only the program, never its path', () => {
    assert.equal(programName('/home/alice/secret-project/bin/dig'), 'dig');
    assert.equal(programName('C:\\Tools\\curl.exe'), 'curl');
  });
});
