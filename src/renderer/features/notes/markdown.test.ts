// The note sanitiser against a corpus of script-injection attempts, in a DOM (jsdom) like the page's.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createNoteRenderer } from './markdown';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const render = createNoteRenderer(window as unknown as Parameters<typeof createNoteRenderer>[0]);

const ATTACKS: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script tag split over lines': '<scr\nipt>alert(1)</script>',
  'script in a code span stays text': '`<script>alert(1)</script>`',
  'img onerror': '<img src=x onerror=alert(1)>',
  'svg onload': '<svg onload=alert(1)><circle r=5></svg>',
  'svg with script': '<svg><script>alert(1)</script></svg>',
  'svg use href': '<svg><use href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/></svg>',
  math: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  'event handler on a link': '<a href="https://example.org" onclick="alert(1)">x</a>',
  'event handler on a div': '<div onmouseover="alert(1)">hover</div>',
  'javascript: link': '[click](javascript:alert(1))',
  'mixed-case javascript: link': '[click](JaVaScRiPt:alert(1))',
  'entity-encoded javascript: link': '[click](&#106;avascript:alert(1))',
  'tab inside javascript:': '[click](java\tscript:alert(1))',
  'javascript: autolink': '<javascript:alert(1)>',
  'javascript: reference link': '[click][1]\n\n[1]: javascript:alert(1)',
  'vbscript: link': '[click](vbscript:msgbox(1))',
  'data: html link': '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'file: link': '[click](file:///etc/passwd)',
  'title attribute breakout': '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
  'remote markdown image': '![tracker](https://evil.example/pixel.png)',
  'data: svg image': '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'remote image by reference': '![x][img]\n\n[img]: https://evil.example/a.png',
  'raw remote image': '<img src="https://evil.example/a.png">',
  iframe: '<iframe src="https://evil.example"></iframe>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'style tag': '<style>body{background:url(https://evil.example/x)}</style>',
  'inline style': '<p style="background:url(https://evil.example/x)">x</p>',
  form: '<form action="https://evil.example"><input name=a><button>go</button></form>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  'base tag': '<base href="https://evil.example/">',
  'link stylesheet': '<link rel=stylesheet href="https://evil.example/x.css">',
  srcset: '<img srcset="https://evil.example/a.png 1x">',
  'html in a table cell': '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
  'nested markdown link in html': '<a href="javascript:alert(1)">[x](https://example.org)</a>',
  'noscript mXSS': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
};

/** Everything in the rendered fragment that could run code or load anything. */
function dangers(html: string): string[] {
  const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const found: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'img',
        'svg',
        'math',
        'iframe',
        'object',
        'embed',
        'style',
        'link',
        'meta',
        'base',
        'form',
        'input',
        'use',
      ].includes(tag)
    ) {
      found.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (
        name.startsWith('on') ||
        ['src', 'srcset', 'style', 'action', 'data', 'xlink:href', 'formaction'].includes(name)
      ) {
        found.push(`${tag}[${name}]`);
      }
      if (name === 'href' && !/^(https?:\/\/|mailto:)/i.test(attr.value)) found.push(`href=${attr.value}`);
    }
  }
  return found;
}

describe('rendering a note', () => {
  it.each(Object.entries(ATTACKS))('neutralises %s', (_name, attack) => {
    const html = render(attack);
    expect(dangers(html)).toEqual([]);
    // Raw text like "onerror=" may remain, escaped, as visible text; no tag or link may carry it.
    expect(html).not.toMatch(/<(script|img|svg|math|iframe|object|embed|style|link|meta|base|form)\b/i);
    expect(html).not.toMatch(/<a\b[^>]*\shref="(?!https?:\/\/|mailto:)/i);
  });

  it('still renders the markdown an analyst writes', () => {
    const html = render(
      '# Assessment\n\n**Likely** a *splinter*; see [CRS](https://crsreports.congress.gov) and `IF10172`.\n\n- one\n- two\n\n> quoted',
    );
    expect(html).toContain('<h1>Assessment</h1>');
    expect(html).toContain('<strong>Likely</strong>');
    expect(html).toContain('<em>splinter</em>');
    expect(html).toMatch(
      /<a href="https:\/\/crsreports\.congress\.gov"[^>]*rel="noopener noreferrer nofollow"/,
    );
    expect(html).toContain('<code>IF10172</code>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<blockquote>');
  });

  it('shows raw HTML as text and an image as its description', () => {
    expect(render('<b>bold?</b>')).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(render('![map of Mali](https://evil.example/map.png)')).toContain('[image: map of Mali]');
    expect(render('[click](javascript:alert(1))')).toContain(
      '[click](javascript:alert(1))'.replace(/</g, '&lt;'),
    );
  });
});
