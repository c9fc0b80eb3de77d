import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, inflationLimit } from './docx';
import { fixture, makeDocx, makeZipBomb } from './fixtures/make';
import { parseDocument, type ParsedDocument, type ParseOutcome } from './index';

function document(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.code}: ${outcome.reason}`);
  return outcome.document;
}

const REPORT = makeDocx({
  paragraphs: [
    { text: 'The Sahel after the split', heading: 1 },
    { text: 'Al Mulathamun broke away from AQIM in late 2012.' },
    { text: 'Who leads whom', heading: 2 },
    { text: 'Mokhtar Belmokhtar led the new group; Iyad Ag Ghaly led Ansar al Dine & its allies.' },
    { text: 'Le groupe opère près de la frontière.' },
  ],
  core: {
    title: 'The Sahel after the split',
    creator: 'Amina Belkacem',
    created: '2013-01-16T08:00:00Z',
    language: 'en-GB',
  },
});

describe('DOCX', () => {
  it('keeps headings and paragraphs as blocks separated by blank lines', async () => {
    const parsed = document(await parseDocument('report.docx', REPORT));
    expect(parsed.text).toBe(
      [
        'The Sahel after the split',
        'Al Mulathamun broke away from AQIM in late 2012.',
        'Who leads whom',
        'Mokhtar Belmokhtar led the new group; Iyad Ag Ghaly led Ansar al Dine & its allies.',
        'Le groupe opère près de la frontière.',
      ].join('\n\n'),
    );
    expect(parsed).toMatchObject({ format: 'docx', pages: null, encoding: null, origin: null });
  });

  it('takes title, author, date and language from docProps/core.xml', async () => {
    expect(document(await parseDocument('report.docx', REPORT))).toMatchObject({
      title: 'The Sahel after the split',
      author: 'Amina Belkacem',
      publishedOn: '2013-01-16',
      language: 'en',
    });
  });

  it('reads a DOCX that pandoc wrote', async () => {
    const parsed = document(await parseDocument('brief.docx', fixture('brief.docx')));
    expect(parsed.text).toContain(
      '\n\nWho leads whom\n\nMokhtar Belmokhtar led the new group from northern Mali.',
    );
    expect(parsed.text).toContain('Le groupe s’est séparé d’Al-Qaïda au Maghreb islamique');
    expect(parsed).toMatchObject({
      title: 'The Sahel after the split',
      author: 'Amina Belkacem',
      publishedOn: '2017-03-20',
      language: 'en',
    });
  });

  it('refuses a zip bomb whose headers lie about its size, without inflating it all', async () => {
    const bomb = makeZipBomb(1); // 1 GB of spaces declared as 1,000 bytes
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const check = checkZip(bomb);
    expect(check).toMatchObject({ ok: false, problem: 'bomb' });
    // It stopped within one push (4 KB of compressed data, a few MB inflated) of the limit.
    expect(check.inflated).toBeGreaterThan(inflationLimit(bomb.length));
    expect(check.inflated).toBeLessThan(inflationLimit(bomb.length) + 8 * 1024 * 1024);
    expect(check.inflated).toBeLessThan(1024 ** 3 / 4);

    expect(await parseDocument('bomb.docx', bomb)).toEqual({
      ok: false,
      code: 'zip_bomb',
      reason:
        '“bomb.docx” expands to far more data than any real document (a “zip bomb”); the workbench did not open it.',
    });
  });

  it('counts what real documents inflate to and lets them through', () => {
    const check = checkZip(REPORT);
    expect(check.ok).toBe(true);
    expect(check.inflated).toBeGreaterThan(REPORT.length);
  });

  it('refuses a damaged DOCX as corrupt', async () => {
    const cut = REPORT.slice(0, REPORT.length - 40);
    const reason = '“report.docx” is damaged and cannot be read as a Word document.';
    expect(await parseDocument('report.docx', cut)).toEqual({ ok: false, code: 'corrupt', reason });
    const garbled = REPORT.slice();
    garbled.fill(0x55, 200, 400); // inside the first entry's compressed data
    expect(await parseDocument('report.docx', garbled)).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('says which ZIPs are not Word documents', async () => {
    const workbook = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(await parseDocument('sheet.docx', workbook)).toEqual({
      ok: false,
      code: 'unsupported',
      reason:
        '“sheet.docx” is an Excel workbook, which the workbench does not read; export the sheet as CSV and import it into the sheet.',
    });
    const archive = zipSync({ 'notes.txt': strToU8('hello') });
    expect(await parseDocument('notes.zip', archive)).toMatchObject({ ok: false, code: 'binary' });
  });

  it('refuses a DOCX with no text as empty', async () => {
    expect(await parseDocument('blank.docx', makeDocx({ paragraphs: [{ text: '   ' }] }))).toEqual({
      ok: false,
      code: 'empty',
      reason: '“blank.docx” has no text to read.',
    });
  });

  it('gives the same text for the same bytes twice', async () => {
    expect(await parseDocument('a.docx', REPORT)).toEqual(await parseDocument('a.docx', REPORT));
  });
});
