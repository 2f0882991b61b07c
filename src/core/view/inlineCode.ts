/**
 * Evidence summaries and milestone details mark code with backticks (`` `npm test` exited with 0 ``).
 * Surfaces that can show code (the details page, the tree tooltip) split the text into parts; plain-text
 * surfaces (notifications) drop the backticks. Shared by the host and the page script: no `vscode` here.
 */
export interface TextPart {
  readonly text: string;
  readonly code: boolean;
}

/** Splits at backtick pairs; an unpaired backtick stays as text. Empty parts are left out. */
export function inlineCodeParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) {
      parts.push({ text: text.slice(last, match.index), code: false });
    }
    parts.push({ text: match[1] ?? '', code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last), code: false });
  }
  return parts;
}

/** The text without its code marks, for plain-text surfaces: `` `npm test` exited with 0 `` → "npm test exited with 0". */
export function plainText(text: string): string {
  return inlineCodeParts(text)
    .map((part) => part.text)
    .join('');
}
