// HTML pages: the article's text through Readability over a linkedom document (no script runs, nothing is
// fetched: linkedom has no network or script engine), with the page's metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toPartialDate } from './dates';
import { decodeText } from './encoding';
import { blockText } from './htmlText';
import { detectLanguage, normaliseLanguageTag } from './language';
import { cleanField, normaliseText } from './normalise';
import { decodingRefusal } from './text';
import { quoted, refuse, type ParseOutcome } from './types';

type Doc = ReturnType<typeof parseHTML>['document'];

/** The charset a page declares in its first bytes (meta charset, http-equiv, or an XML declaration). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(start);
  if (meta) return meta[1]!;
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(start);
  return xml ? xml[1]! : null;
}

/** Elements that are the page around an article rather than the article. */
const PAGE_FURNITURE = [
  'nav', 'header', 'footer', 'aside', 'button', 'select', 'input', 'textarea', 'dialog', 'menu',
  '[role=navigation]', '[role=search]', '[role=banner]', '[role=contentinfo]', '[role=complementary]',
  '[hidden]', '[aria-hidden=true]',
].join(','); // prettier-ignore

/** Readability's own threshold: an article shorter than this is a short page, read whole instead. */
const SHORT_ARTICLE = 500;

/** linkedom makes the first element the root when <html> or <body> is missing: supply them. */
function withHtmlAndBody(html: string): string {
  const hasHtml = /<html[\s>]/i.test(html);
  const hasBody = /<body[\s>]/i.test(html);
  if (hasHtml && hasBody) return html;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, '');
  if (!hasHtml && !hasBody) return `<!doctype html><html><head></head><body>${inner}</body></html>`;
  if (!hasHtml) return `<!doctype html><html>${inner}</html>`;
  return /<\/head\s*>/i.test(inner)
    ? inner.replace(/<\/head\s*>/i, '$&<body>').replace(/<\/html\s*>/i, '</body>$&')
    : inner.replace(/<html[^>]*>/i, '$&<body>').replace(/<\/html\s*>/i, '</body>$&');
}

/** Search boxes and other small forms; a form that wraps the whole page (ASP.NET does) stays. */
function removeSmallForms(document: Doc): void {
  for (const form of [...document.querySelectorAll('form')]) {
    if (!form.querySelector('p') && (form.textContent ?? '').trim().length < 200) form.remove();
  }
}

/** Far deeper than a page meant for reading nests; past it linkedom's parse grows quadratic and Readability recurses out of stack. */
const MAX_DEPTH = 1000;
/** Void elements and those whose end tag may be left out: an open tag of these says nothing about depth. */
const NOT_NESTING = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup ' +
    'thead tbody tfoot colgroup caption rb rt rp rtc html head body'
  ).split(' '),
);

/** Whether the page's elements nest deeper than limit, counting tags in the text (before any parse). */
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    if (match[3] || NOT_NESTING.has(match[2]!.toLowerCase())) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}

export function parseHtml(name: string, bytes: Uint8Array, options: { encoding?: string }): ParseOutcome {
  const decoded = decodeText(bytes, { encoding: options.encoding, declared: declaredCharset(bytes) });
  if (!decoded.ok) return decodingRefusal(name, decoded);
  if (nestsDeeperThan(decoded.text, MAX_DEPTH))
    return refuse(
      'corrupt',
      `${quoted(name)} nests its elements more than ${MAX_DEPTH.toLocaleString('en-US')} deep, which no page meant for reading does; the workbench cannot read it.`,
    );
  const html = withHtmlAndBody(normaliseText(decoded.text));
  const document = parseHTML(html).document;
  for (const node of [...document.querySelectorAll('script, style, noscript, template')]) node.remove();
  const metadata = pageMetadata(document);

  let text = '';
  let articleTitle: string | null = null;
  let byline: string | null = null;
  let published: string | null = null;
  try {
    removeSmallForms(document);
    for (const node of [...document.querySelectorAll('nav, [role=navigation], [role=search]')]) node.remove();
    const article = new Readability<Node>(document as unknown as Document, {
      serializer: (node) => node,
    }).parse();
    if (article?.content && (article.textContent ?? '').trim().length >= SHORT_ARTICLE) {
      text = blockText(article.content);
      articleTitle = cleanField(article.title);
      byline = cleanField(article.byline);
      published = toPartialDate(article.publishedTime);
    }
  } catch {
    // Readability gave up on this page's structure: the body text below stands in.
  }
  if (!text.trim()) {
    // No article (a short page): the body without the page's furniture, from a fresh parse.
    const page = parseHTML(html).document;
    for (const node of [...page.querySelectorAll(`script, style, noscript, template, ${PAGE_FURNITURE}`)])
      node.remove();
    removeSmallForms(page);
    const root = page.body ?? page.documentElement;
    text = root ? blockText(root) : '';
  }
  text = normaliseText(text);
  if (!text.trim()) return refuse('empty', `${quoted(name)} has no text to read.`);

  return {
    ok: true,
    document: {
      format: 'html',
      text,
      pages: null,
      title: metadata.title ?? articleTitle ?? metadata.documentTitle,
      author: byline ? byline.replace(/^by\s+/i, '') : metadata.author,
      publishedOn: metadata.publishedOn ?? published,
      language: metadata.language ?? detectLanguage(text),
      origin: metadata.origin,
      encoding: decoded.encoding,
    },
  };
}

interface PageMetadata {
  title: string | null;
  documentTitle: string | null;
  author: string | null;
  publishedOn: string | null;
  language: string | null;
  origin: string | null;
}

function pageMetadata(document: Doc): PageMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element =
        document.querySelector(`meta[property="${key}" i]`) ??
        document.querySelector(`meta[name="${key}" i]`);
      const content = cleanField(element?.getAttribute('content'));
      if (content) return content;
    }
    return null;
  };
  const author = meta('author', 'article:author', 'dc.creator', 'dcterms.creator', 'citation_author');
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  return {
    title: meta('og:title', 'twitter:title', 'dc.title', 'citation_title'),
    documentTitle: cleanField(document.querySelector('title')?.textContent),
    // article:author is often a profile URL, which names nobody.
    author: author && !/^https?:\/\//i.test(author) ? author : null,
    publishedOn:
      toPartialDate(
        meta(
          'article:published_time',
          'datePublished',
          'date',
          'pubdate',
          'publishdate',
          'dc.date',
          'dcterms.date',
          'dcterms.issued',
          'citation_publication_date',
        ),
      ) ?? toPartialDate(time),
    language:
      normaliseLanguageTag(document.documentElement?.getAttribute('lang')) ??
      normaliseLanguageTag(
        document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
      ) ??
      normaliseLanguageTag(meta('og:locale', 'dc.language')),
    origin:
      absoluteUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
      absoluteUrl(meta('og:url')),
  };
}

function absoluteUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
