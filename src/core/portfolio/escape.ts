/**
 * Escaping for the portfolio: text from the learner (notes), from their repositories (paths) and from
 * stored progress becomes inert text in Markdown and HTML, whatever it holds (`<script>`, `](javascript:`,
 * backticks, table pipes). Plus the guards that keep private things (local paths, terminal arguments) out.
 */
import { sanitizeForTerminal } from '../text/sanitize';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

/**
 * Text for Markdown, on one line: HTML-significant characters as entities (no raw HTML gets through), the
 * punctuation that starts emphasis, links, code spans, headings or table cells backslash-escaped, and at
 * the start whatever would open a list, a quote or a heading underline. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text)
    .trim()
    .replace(/[\\`*_{}[\]()#!|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL inside Markdown's `(...)`: characters that could end or bend the link are percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>\\[\]`"']/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** No control characters, escape sequences or bidi overrides (they could reorder what a reader sees); one line. */
function plainText(text: string): string {
  return sanitizeForTerminal(text);
}

const COMMAND_WORD = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,39}$/;

/**
 * What a stored terminal command may show: the program and its subcommand, as the editor stores them, and
 * nothing more. A record that holds anything else (arguments, a path, `--flags`, `KEY=value`) is refused
 * whole rather than cut: it was not written by this extension.
 */
export function publicCommand(command: string | undefined): string | undefined {
  if (command === undefined) {
    return undefined;
  }
  const words = command.trim().split(/\s+/);
  if (words.length === 0 || words.length > 2 || !words.every((word) => COMMAND_WORD.test(word))) {
    return undefined;
  }
  return words.join(' ');
}

/**
 * A path relative to the project, with forward slashes, that names nothing outside it: no absolute path,
 * no drive letter, no `..`. Undefined otherwise (the path is then left out, not shown).
 */
export function projectRelativePath(filePath: string | undefined): string | undefined {
  if (filePath === undefined) {
    return undefined;
  }
  const normalized = filePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (normalized === '' || normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized) || normalized.startsWith('~')) {
    return undefined;
  }
  const segments = normalized.split('/');
  return segments.some((segment) => segment === '..' || segment === '') ? undefined : normalized;
}

/**
 * A file's path from the repository's top level: the folder's prefix (`git rev-parse --show-prefix`, e.g.
 * `server/`) and the path relative to the folder. Undefined when either could name something outside.
 */
export function pathFromTop(prefix: string, relative: string): string | undefined {
  const file = projectRelativePath(relative);
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed === '') {
    return file;
  }
  const folder = projectRelativePath(trimmed);
  return folder === undefined || file === undefined ? undefined : `${folder}/${file}`;
}
