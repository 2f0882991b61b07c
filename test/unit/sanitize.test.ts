import * as assert from 'node:assert/strict';
import { escapeJsonControls, sanitizeForTerminal } from '../../src/core/text/sanitize';

/** Anything a terminal could act on, line feed excepted. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeForTerminal', () => {
  const cases: [string, string, string][] = [
    ['clear screen and home', 'a\u001b[2J\u001b[Hb', 'ab'],
    ['colour with parameters', '\u001b[1;31mred\u001b[0m', 'red'],
    ['window title (OSC ended by BEL)', 'x\u001b]0;pwned\u0007y', 'xy'],
    ['hyperlink (OSC ended by ST)', '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['device control string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['full reset (ESC c)', 'a\u001bcb', 'ab'],
    ['lone ESC at the end', 'a\u001b', 'a'],
    ['8-bit CSI and other C1 controls', 'a\u009b2Jb\u0085c', 'a2Jbc'],
    ['carriage return that would overwrite the line', 'fake ok\rreal', 'fake ok real'],
    ['line breaks and tabs become spaces', 'one\ntwo\tthree\r\nfour\u2028five', 'one two three four five'],
    ['NUL, bell, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde'],
    ['bidi override and isolates', 'evil\u202etxt.exe\u2066x\u2069\u200f', 'eviltxt.exex'],
    ['ordinary text, accents and emoji untouched', 'Café — naïve 日本 ✓ 🎉 [x] (yours)', 'Café — naïve 日本 ✓ 🎉 [x] (yours)'],
  ];
  for (const [name, input, expected] of cases) {
    it(`removes ${name}`, () => {
      const output = sanitizeForTerminal(input);
      assert.equal(output, expected);
      assert.doesNotMatch(output, RAW_CONTROL);
    });
  }

  it('keeps line breaks when asked (a multi-line message), turning CR into LF', () => {
    assert.equal(sanitizeForTerminal('one\r\ntwo\rthree\n\u001b[2Jfour', { keepLineBreaks: true }), 'one\ntwo\nthree\nfour');
  });

  it('leaves nothing a terminal acts on for any mix of code points (seeded)', () => {
    let seed = 9;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    const alphabet = ['\u001b', '[', ']', 'P', '\\', '\u0007', '\u009b', '\u202e', '\r', '\n', '\t', 'a', '1', ';', 'm', '\u0000', '\u007f', '\u2066', 'é'];
    for (let i = 0; i < 2000; i++) {
      const length = next() % 40;
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length] ?? '').join('');
      assert.doesNotMatch(sanitizeForTerminal(text), RAW_CONTROL, JSON.stringify(text));
    }
  });
});

describe('escapeJsonControls', () => {
  it('escapes what JSON.stringify leaves raw, and the parsed value is unchanged', () => {
    const value = { path: 'docker\u001b]0;x\u0007/a\u202eb\u009b\u007f\u2028.txt', n: 1 };
    const json = escapeJsonControls(JSON.stringify(value, null, 2));
    assert.doesNotMatch(json, RAW_CONTROL);
    assert.match(json, /\\u202e/);
    assert.match(json, /\\u009b/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
