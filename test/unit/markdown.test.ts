// Roadmap Markdown rendering: raw HTML is escaped, only http(s) and mailto links survive, and inline
// rendering produces no paragraph. The webview sanitises again; this is the first of two walls.
import * as assert from 'node:assert/strict';
import { renderInlineMarkdown, renderMarkdown } from '../../src/core/content/markdown';

describe('markdown rendering', () => {
  describe('raw HTML', () => {
    it('escapes a script tag instead of rendering it', () => {
      assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
      assert.equal(renderInlineMarkdown('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('escapes an img tag with an event handler', () => {
      const html = renderMarkdown('Hi <img src=x onerror=alert(1)> there');
      assert.equal(html, '<p>Hi &lt;img src=x onerror=alert(1)&gt; there</p>\n');
      assert.doesNotMatch(html, /<img/);
    });

    it('escapes an HTML block', () => {
      assert.equal(renderMarkdown('<div onclick="steal()">\nclick\n</div>'), '<p>&lt;div onclick=&quot;steal()&quot;&gt;\nclick\n&lt;/div&gt;</p>\n');
    });
  });

  describe('links', () => {
    const unsafe = [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox)',
      '![x](javascript:alert(1))',
      '<javascript:alert(1)>',
    ];

    it('never turns a javascript:, data: or vbscript: URL into a link or image', () => {
      const rendered = unsafe.map(renderInlineMarkdown);
      assert.deepEqual(
        rendered.filter((html) => /<a |<img /.test(html)),
        [],
      );
      assert.equal(rendered[0], '[x](javascript:alert(1))');
      assert.equal(rendered[6], '&lt;javascript:alert(1)&gt;');
    });

    it('leaves relative links as text (roadmap text has no pages to link to)', () => {
      assert.equal(renderInlineMarkdown('[notes](./notes.md)'), '[notes](./notes.md)');
    });

    it('renders https, http and mailto links', () => {
      assert.equal(renderInlineMarkdown('[MDN](https://developer.mozilla.org/)'), '<a href="https://developer.mozilla.org/">MDN</a>');
      assert.equal(renderInlineMarkdown('[old](http://example.com/)'), '<a href="http://example.com/">old</a>');
      assert.equal(renderInlineMarkdown('[mail](mailto:team@example.com)'), '<a href="mailto:team@example.com">mail</a>');
    });

    it('turns bare https URLs into links', () => {
      assert.equal(renderMarkdown('see https://example.com now'), '<p>see <a href="https://example.com">https://example.com</a> now</p>\n');
    });

    it('escapes quotes in link titles', () => {
      assert.equal(renderInlineMarkdown('[x](https://example.com "a\\" onmouseover=\\"alert(1)")'), '<a href="https://example.com" title="a&quot; onmouseover=&quot;alert(1)">x</a>');
    });
  });

  describe('formatting', () => {
    it('renders inline code, escaping HTML inside it', () => {
      assert.equal(renderMarkdown('run `npm test`'), '<p>run <code>npm test</code></p>\n');
      assert.equal(renderInlineMarkdown('`<b>`'), '<code>&lt;b&gt;</code>');
    });

    it('renders emphasis and lists', () => {
      assert.equal(renderMarkdown('**bold** and *em*'), '<p><strong>bold</strong> and <em>em</em></p>\n');
      assert.equal(renderMarkdown('- one\n- two'), '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    });

    it('keeps quotes and dashes as written (no typographer)', () => {
      assert.equal(renderInlineMarkdown('"quotes" -- dash'), '&quot;quotes&quot; -- dash');
    });

    it('renders inline text without a paragraph', () => {
      const html = renderInlineMarkdown('A **short** summary with `code`.');
      assert.equal(html, 'A <strong>short</strong> summary with <code>code</code>.');
      assert.doesNotMatch(html, /<p>/);
    });

    it('wraps block text in paragraphs', () => {
      assert.equal(renderMarkdown('one\n\ntwo'), '<p>one</p>\n<p>two</p>\n');
    });
  });
});
