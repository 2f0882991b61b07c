import MarkdownIt from 'markdown-it';

/**
 * Renders roadmap Markdown to HTML. Raw HTML in the source is escaped (html: false) and only http(s)
 * and mailto links survive; the webview sanitises the result again with DOMPurify before inserting it,
 * because roadmap text is untrusted once learners can bring their own roadmaps.
 */
let renderer: InstanceType<typeof MarkdownIt> | undefined;

function markdown(): InstanceType<typeof MarkdownIt> {
  if (!renderer) {
    renderer = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
    renderer.validateLink = (url: string): boolean => /^(https?:|mailto:)/i.test(url.trim());
  }
  return renderer;
}

export function renderMarkdown(source: string): string {
  return markdown().render(source);
}

export function renderInlineMarkdown(source: string): string {
  return markdown().renderInline(source);
}
