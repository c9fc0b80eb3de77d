import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeLegacy } from './fixtures/make';
import { parseDocument, type ParsedDocument, type ParseOutcome } from './index';

function document(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.code}: ${outcome.reason}`);
  return outcome.document;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const ARTICLE_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Al Murabitoun joins JNIM | Sahel Monitor</title>
<meta property="og:title" content="Al Murabitoun joins JNIM">
<meta property="og:url" content="https://sahel-monitor.example/?p=123">
<meta name="author" content="Jane Analyst">
<meta property="article:published_time" content="2017-03-02T23:30:00-05:00">
<link rel="canonical" href="https://sahel-monitor.example/2017/03/al-murabitoun-jnim">
<link rel="stylesheet" href="https://cdn.example/site.css">
<script>globalThis.scriptRan = true; document.title = 'changed by a script';</script>
<style>body { font-family: serif }</style>
</head>
<body>
<header><a href="/">Sahel Monitor</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/analysis">Analysis</a></li><li><a href="/about">About us</a></li></ul></nav>
<form role="search"><input type="search" placeholder="Search the site"><button>Search</button></form></header>
<main>
<article>
<h1>Al Murabitoun joins JNIM</h1>
<p>On 2 March 2017, four groups announced their merger into <b>Jama'at Nusrat al Islam wal Muslimeen</b>
(JNIM), led by Iyad Ag Ghaly. The new group pledged allegiance to al-Qaeda's leader.</p>
<h2>Who joined</h2>
<p>Ansar al Dine, the Macina Liberation Front, Al Murabitoun and the Saharan branch of
al-Qaeda in the Islamic Maghreb joined the new group. Mokhtar Belmokhtar's Al Murabitoun brought its fighters from northern Mali.</p>
<p>Analysts expect the merged group to expand its operations into Burkina Faso and Niger,
where the Macina front already recruits among Fulani herders.<br>Its first claimed attack followed within weeks.</p>
<script>document.write('<p>Injected by a script</p>')</script>
<img src="https://tracker.example/pixel.gif" alt="">
</article>
</main>
<aside><h3>Most read</h3><ul><li>Ten things about Mali</li></ul></aside>
<footer><p>© 2017 Sahel Monitor. All rights reserved. Contact | Privacy | Terms</p></footer>
</body>
</html>`;

describe('HTML', () => {
  it('keeps only the article: no menu, search box, sidebar, footer or script', async () => {
    const parsed = document(await parseDocument('jnim.html', utf8(ARTICLE_PAGE)));
    expect(parsed.text).toBe(
      [
        "On 2 March 2017, four groups announced their merger into Jama'at Nusrat al Islam wal Muslimeen (JNIM), led by Iyad Ag Ghaly. The new group pledged allegiance to al-Qaeda's leader.",
        'Who joined',
        "Ansar al Dine, the Macina Liberation Front, Al Murabitoun and the Saharan branch of al-Qaeda in the Islamic Maghreb joined the new group. Mokhtar Belmokhtar's Al Murabitoun brought its fighters from northern Mali.",
        'Analysts expect the merged group to expand its operations into Burkina Faso and Niger, where the Macina front already recruits among Fulani herders.\nIts first claimed attack followed within weeks.',
      ].join('\n\n'),
    );
    for (const furniture of ['News', 'Search', 'Most read', 'All rights reserved', 'Injected', 'scriptRan']) {
      expect(parsed.text).not.toContain(furniture);
    }
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('never runs the page’s scripts and fetches nothing (stylesheet, images, tracker)', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    const parsed = document(await parseDocument('jnim.html', utf8(ARTICLE_PAGE)));
    expect((globalThis as { scriptRan?: boolean }).scriptRan).toBeUndefined();
    expect(parsed.title).not.toBe('changed by a script');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads title, author, date, canonical URL and language from the page', async () => {
    expect(document(await parseDocument('jnim.html', utf8(ARTICLE_PAGE)))).toMatchObject({
      format: 'html',
      pages: null,
      title: 'Al Murabitoun joins JNIM',
      author: 'Jane Analyst',
      publishedOn: '2017-03-02',
      origin: 'https://sahel-monitor.example/2017/03/al-murabitoun-jnim',
      language: 'en',
      encoding: 'utf-8',
    });
  });

  it('reads a short page (no article) as its body without menus and footers', async () => {
    const page =
      '<html><head><title>Statement</title><meta property="og:url" content="https://example.org/s"></head><body>' +
      '<nav><a href="/">Home</a> <a href="/x">Other</a></nav>' +
      '<div><p>AQIM claimed the attack on 15 January.</p><p>More soon.</p></div>' +
      '<footer>© Site</footer><script>var x = 1;</script></body></html>';
    expect(document(await parseDocument('statement.htm', utf8(page)))).toMatchObject({
      text: 'AQIM claimed the attack on 15 January.\n\nMore soon.',
      title: 'Statement',
      origin: 'https://example.org/s',
      author: null,
      publishedOn: null,
    });
  });

  it('reads a page fragment, and keeps <pre> as written', async () => {
    const fragment = '<p>Just a <i>fragment</i>\n  with   spaces.</p><pre>  a  b\n  c</pre>';
    expect(document(await parseDocument('fragment.html', utf8(fragment))).text).toBe(
      'Just a fragment with spaces.\n\n  a  b\n  c',
    );
  });

  it('takes the date from time[datetime] when no meta states it', async () => {
    const page = `<html><body><p>Posted <time datetime="2016-11-30">last week</time>.</p></body></html>`;
    expect(document(await parseDocument('post.html', utf8(page))).publishedOn).toBe('2016-11-30');
  });

  it('decodes with the charset the page declares', async () => {
    const arabic = 'أعلن التنظيم مسؤوليته عن الهجوم.';
    const page = `<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>${arabic}</p></body></html>`;
    const parsed = document(await parseDocument('bayan.html', encodeLegacy(page, 'windows-1256')));
    expect(parsed).toMatchObject({ text: arabic, encoding: 'windows-1256', language: 'ar' });
  });

  it('sniffs HTML by its markup whatever the name, but leaves a .md file’s markup alone', async () => {
    expect(document(await parseDocument('saved', utf8(ARTICLE_PAGE))).format).toBe('html');
    expect(document(await parseDocument('notes.md', utf8('<p>inline HTML in Markdown</p>'))).format).toBe(
      'md',
    );
  });

  it('gives the same text for the same bytes twice', async () => {
    const bytes = utf8(ARTICLE_PAGE);
    expect(await parseDocument('a.html', bytes)).toEqual(await parseDocument('a.html', bytes));
  });
});
