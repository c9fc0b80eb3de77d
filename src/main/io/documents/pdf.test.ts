import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, makePdf } from './fixtures/make';
import { parseDocument, type ParsedDocument, type ParseOutcome } from './index';

function document(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.code}: ${outcome.reason}`);
  return outcome.document;
}

const PAGES = [
  ['Al Mulathamun broke away from AQIM in 2012.', 'Its leader was Mokhtar Belmokhtar.'],
  [
    'In August 2013 it merged with MUJAO.',
    'The new group was called Al Murabitoun.',
    'It operated in northern Mali.',
  ],
  [],
  ['In March 2017 Al Murabitoun joined JNIM.', 'Déjà vu: the “merger” of 2013 repeated itself.'],
];

describe('PDF', () => {
  it('gives each page its text and span, pages joined by a blank line', async () => {
    const parsed = document(await parseDocument('brief.pdf', makePdf({ pages: PAGES })));
    expect(parsed.format).toBe('pdf');
    expect(parsed.pages!.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    PAGES.forEach((lines, i) => {
      const span = parsed.pages![i]!;
      expect(parsed.text.slice(span.start, span.end)).toBe(lines.join('\n'));
    });
    expect(parsed.text).toBe(PAGES.map((lines) => lines.join('\n')).join('\n\n'));
    // The spans cover the text in order.
    parsed.pages!.forEach((span, i) => {
      expect(span.end).toBeGreaterThanOrEqual(span.start);
      if (i > 0) expect(span.start).toBe(parsed.pages![i - 1]!.end + 2);
    });
    expect(parsed.pages!.at(-1)!.end).toBe(parsed.text.length);
  });

  it('reads title, author, creation date and language from the document information', async () => {
    const bytes = makePdf({
      pages: [['Le groupe opère près de la frontière malienne depuis des années, selon plusieurs sources.']],
      title: 'Rapport sur le Sahel',
      author: 'Lina Haddad',
      creationDate: "D:20170320093000+01'00'",
      lang: 'fr-FR',
    });
    expect(document(await parseDocument('rapport.pdf', bytes))).toMatchObject({
      title: 'Rapport sur le Sahel',
      author: 'Lina Haddad',
      publishedOn: '2017-03-20',
      language: 'fr',
      origin: null,
      encoding: null,
    });
  });

  it('reads a PDF that LibreOffice wrote: three pages with their headings, metadata from the DOCX', async () => {
    const parsed = document(await parseDocument('brief.pdf', fixture('brief.pdf')));
    expect(parsed.pages).toHaveLength(3);
    const page = (n: number): string =>
      parsed.text.slice(parsed.pages![n - 1]!.start, parsed.pages![n - 1]!.end);
    expect(page(1)).toMatch(/^The Sahel after the split\nAmina Belkacem\n2017-03-20\n/);
    expect(page(1)).toContain('Al Mulathamun broke away from al-Qaeda in the Islamic Maghreb in late\n2012');
    expect(page(2)).toMatch(/^Page two: the merger\n/);
    expect(page(2)).toContain('Le groupe s’est séparé d’Al-Qaïda au Maghreb islamique');
    expect(page(3)).toBe(
      'Page three: allegiance\nIn March 2017 Al Murabitoun merged into Jama’at Nusrat al Islam wal\nMuslimeen.',
    );
    expect(parsed).toMatchObject({
      title: 'The Sahel after the split',
      author: 'Amina Belkacem',
      language: 'en',
    });
    expect(parsed.publishedOn).toBe('2026-12-07'); // when LibreOffice wrote it, as its CreationDate says
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('fetches nothing: fonts and CMaps come from the package on disk', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    document(await parseDocument('brief.pdf', fixture('brief.pdf')));
    document(
      await parseDocument('made.pdf', makePdf({ pages: [['Helvetica is a standard font, not embedded.']] })),
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('opens a PDF with an owner password only (permissions), as any reader does', async () => {
    const owner = document(await parseDocument('owner.pdf', fixture('owner-password.pdf')));
    const plain = document(await parseDocument('brief.pdf', fixture('brief.pdf')));
    expect(owner.text).toBe(plain.text);
    expect(owner.pages).toEqual(plain.pages);
  });

  it('refuses a PDF that needs a user password', async () => {
    expect(await parseDocument('report.pdf', fixture('user-password.pdf'))).toEqual({
      ok: false,
      code: 'encrypted',
      reason: '“report.pdf” needs a password to open; the workbench cannot read it.',
    });
  });

  it('refuses a scanned PDF (no text layer): there is no OCR', async () => {
    const scan = makePdf({ pages: [[], [], []], scanned: true });
    expect(await parseDocument('scan.pdf', scan)).toEqual({
      ok: false,
      code: 'no_text',
      reason: '“scan.pdf” has no text layer (it looks scanned); the workbench has no OCR.',
    });
  });

  it('refuses a truncated or damaged PDF as corrupt', async () => {
    const whole = fixture('brief.pdf');
    for (const size of [200, 5000, Math.floor(whole.length / 2), whole.length - 600]) {
      expect(await parseDocument('cut.pdf', whole.slice(0, size))).toEqual({
        ok: false,
        code: 'corrupt',
        reason: '“cut.pdf” is damaged or incomplete and cannot be read as a PDF.',
      });
    }
    expect(
      await parseDocument('junk.pdf', new TextEncoder().encode('%PDF-1.7\nnot really a PDF at all\n')),
    ).toMatchObject({
      ok: false,
      code: 'corrupt',
    });
  });

  it('sniffs a PDF by its content whatever its name, and leaves the caller’s bytes intact', async () => {
    const bytes = makePdf({ pages: [['Renamed but still a PDF.']] });
    const copy = bytes.slice();
    const parsed = document(await parseDocument('renamed.txt', bytes));
    expect(parsed).toMatchObject({ format: 'pdf', text: 'Renamed but still a PDF.' });
    expect(bytes).toEqual(copy);
  });

  it('gives the same text and spans for the same bytes twice', async () => {
    const bytes = fixture('brief.pdf');
    expect(await parseDocument('a.pdf', bytes)).toEqual(await parseDocument('a.pdf', bytes));
  });
});
