import MarkdownIt from 'markdown-it';

/** Renders Markdown to HTML: block (paragraphs, lists) or inline (one line, no wrapping paragraph). */
export interface MarkdownEngine {
  block(source: string): string;
  inline(source: string): string;
}

/**
 * The roadmap's Markdown renderer. Raw HTML in the source is escaped (html: false) and only http(s) and
 * mailto links survive; the webview sanitises the result again with DOMPurify before inserting it,
 * because roadmap text is untrusted once learners can bring their own roadmaps.
 */
export function createMarkdownEngine(): MarkdownEngine {
  const renderer = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  renderer.validateLink = (url: string): boolean => /^(https?:|mailto:)/i.test(url.trim());
  return {
    block: (source) => renderer.render(source),
    inline: (source) => renderer.renderInline(source),
  };
}
