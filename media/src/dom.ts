import DOMPurify from 'dompurify';
import { inlineCodeParts } from '../../src/core/view/inlineCode';

/** Small DOM helpers: plain text always goes through textContent; only sanitised HTML uses innerHTML. */

type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

export function icon(name: string): HTMLElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** Roadmap Markdown, rendered by the host, sanitised again here: content is untrusted input. */
export function markdownBlock(html: string, className = 'markdown'): HTMLElement {
  const container = el('div', { class: className });
  container.innerHTML = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'img'],
  });
  return container;
}

export function markdownInline(html: string): HTMLElement {
  return markdownBlock(html, 'markdown inline');
}

/** Plain text whose `backticked` parts are shown as code, the way the tree tooltip shows them. */
export function textWithCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of inlineCodeParts(text)) {
    fragment.append(part.code ? el('code', {}, part.text) : part.text);
  }
  return fragment;
}
