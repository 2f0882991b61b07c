/**
 * Text taken from a scanned repository (commit subjects, paths, git's messages) can hold terminal
 * escape sequences that clear the screen, rewrite earlier lines or retitle the window, and bidi
 * controls that show text in another order than it is. Nothing of that reaches the terminal.
 */

/** Escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), DCS/SOS/PM/APC strings, then any ESC pair. */
// eslint-disable-next-line no-control-regex -- finding control characters is this file's purpose
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[\s\S]?)/g;

/** C0 controls but tab and line breaks, DEL, C1 controls (U+009B is an 8-bit CSI), bidi embeddings, overrides, isolates and marks. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export interface SanitizeOptions {
  /** Keep `\n` (a multi-line message); by default every line break and tab becomes a space. */
  readonly keepLineBreaks?: boolean;
}

/** `text` with every escape sequence and control character removed, safe to print in a terminal. */
export function sanitizeForTerminal(text: string, options: SanitizeOptions = {}): string {
  const plain = text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
  return options.keepLineBreaks === true ? plain.replace(LINE_BREAK, '\n') : plain.replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
}

/** Characters that JSON.stringify leaves raw although a terminal may act on them (it escapes only C0). */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with those characters written as `\uXXXX`: the parsed value is unchanged (a path stays
 * exact for the program reading it), and a learner who prints it sees no control take effect.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
