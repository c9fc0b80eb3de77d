import { describe, expect, it } from 'vitest';
import { decodeText, wordScore } from './encoding';
import { encodeLegacy, fixture, PNG, utf16 } from './fixtures/make';
import { MAX_DOCUMENT_BYTES, parseDocument, type ParsedDocument, type ParseOutcome } from './index';

const ARABIC =
  'أعلنت جماعة المرابطون اندماجها مع تنظيم القاعدة في بلاد المغرب الإسلامي. وقال المتحدث باسم الجماعة إن التنظيم انفصل عن القاعدة عام 2012 بعد خلاف على القيادة، ثم عاد إليها في كانون الأول 2015.';
const RUSSIAN =
  'Группировка «Аль-Мурабитун» откололась от «Аль-Каиды в странах исламского Магриба» в 2012 году после спора о руководстве. В декабре 2015 года она вновь присягнула организации.';
const FRENCH =
  "Le groupe s'est séparé d'Al-Qaïda au Maghreb islamique en 2012, après un désaccord sur la direction. À présent, il opère près de la frontière malienne, où ses combattants étaient déjà présents.";

function document(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.code}: ${outcome.reason}`);
  return outcome.document;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('text files in Unicode', () => {
  it('reads UTF-8 with and without a byte order mark as the same text', async () => {
    const plain = document(await parseDocument('plain.txt', utf8(FRENCH)));
    const withBom = document(
      await parseDocument('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(FRENCH)])),
    );
    expect(plain.text).toBe(FRENCH);
    expect(withBom.text).toBe(FRENCH);
    expect([plain.encoding, withBom.encoding]).toEqual(['utf-8', 'utf-8']);
    expect(plain).toMatchObject({ format: 'txt', pages: null, title: null, language: 'fr' });
  });

  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('reads UTF-16%s (BOM: %s)', async (order, bom) => {
    const parsed = document(await parseDocument('utf16.txt', utf16(ARABIC, order, bom)));
    expect(parsed.text).toBe(ARABIC);
    expect(parsed.encoding).toBe(`utf-16${order}`);
    expect(parsed.language).toBe('ar');
  });

  it('turns CRLF and CR into LF and NFD into NFC, and nothing else', async () => {
    const nfd = 'Qai\u0308da  e\u0301te\u0301 \t\r\nsecond line\rthird\r\n\r\n  indented ';
    const parsed = document(await parseDocument('lines.txt', utf8(nfd)));
    expect(parsed.text).toBe('Qaïda  été \t\nsecond line\nthird\n\n  indented ');
    expect(parsed.text).toBe(parsed.text.normalize('NFC'));
  });

  it('strips the BOM and NUL characters', async () => {
    const parsed = document(await parseDocument('nul.txt', utf8('\ufeffone\u0000two')));
    expect(parsed.text).toBe('onetwo');
  });

  it('gives the same text for the same bytes, every time', async () => {
    const bytes = encodeLegacy(RUSSIAN, 'windows-1251');
    const first = document(await parseDocument('a.txt', bytes));
    const second = document(await parseDocument('a.txt', bytes));
    expect(second).toEqual(first);
  });
});

describe('text files in legacy 8-bit encodings', () => {
  it('reads Arabic Windows-1256 as Arabic, not as Windows-1252 mojibake', async () => {
    const bytes = encodeLegacy(ARABIC, 'windows-1256');
    const parsed = document(await parseDocument('bayan.txt', bytes));
    expect(parsed.encoding).toBe('windows-1256');
    expect(parsed.text).toBe(ARABIC);
    expect(parsed.text).not.toMatch(/[ÇáÚÑ]/);
    expect(parsed.language).toBe('ar');
  });

  it('reads Russian Windows-1251 as Cyrillic', async () => {
    const parsed = document(await parseDocument('svodka.txt', encodeLegacy(RUSSIAN, 'windows-1251')));
    expect(parsed).toMatchObject({ encoding: 'windows-1251', text: RUSSIAN, language: 'ru' });
  });

  it('tells KOI8-R Russian from Windows-1251', async () => {
    const text = RUSSIAN.replace(/[«»]/g, '"');
    const parsed = document(await parseDocument('koi8.txt', encodeLegacy(text, 'koi8-r')));
    expect(parsed).toMatchObject({ encoding: 'koi8-r', text });
  });

  it('reads French Windows-1252, curly quotes and all', async () => {
    const text = `${FRENCH} « Nous ne reculerons pas », a-t-il déclaré – selon l’agence.`;
    const parsed = document(await parseDocument('communique.txt', encodeLegacy(text, 'windows-1252')));
    expect(parsed).toMatchObject({ encoding: 'windows-1252', text, language: 'fr' });
  });

  it('reads Polish Windows-1250 rather than Windows-1252', async () => {
    const text =
      'Grupa oddzieliła się od Al-Kaidy w 2012 roku po sporze o przywództwo. Żołnierze działają w pobliżu granicy.';
    const parsed = document(await parseDocument('raport.txt', encodeLegacy(text, 'windows-1250')));
    expect(parsed).toMatchObject({ encoding: 'windows-1250', text });
  });

  it('asks when a short 8-bit file could be several languages', async () => {
    const outcome = await parseDocument('note.txt', Uint8Array.from([0xe0, 0xf0, 0xe8, 0x20, 0xed, 0xe0]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe('encoding_unsure');
    expect(outcome.reason).toBe(
      '“note.txt” is not in UTF-8 and its encoding cannot be told for sure; pick the encoding it was written in.',
    );
    expect(outcome.encodings).toEqual(
      expect.arrayContaining(['windows-1252', 'windows-1251', 'windows-1256']),
    );
    expect(outcome.encodings!.indexOf('windows-1251')).toBeLessThan(
      outcome.encodings!.indexOf('windows-1256'),
    );
  });

  it('asks, offering UTF-8 first, when a UTF-8 file holds a stray byte', async () => {
    const bytes = Uint8Array.from([
      ...utf8('بيان صادر عن تنظيم القاعدة في بلاد المغرب الإسلامي '),
      0xff,
      0x20,
    ]);
    const outcome = await parseDocument('bayan.txt', bytes);
    expect(outcome).toMatchObject({ ok: false, code: 'encoding_unsure' });
    expect(!outcome.ok && outcome.encodings![0]).toBe('utf-8');
  });

  it('decodes with the encoding the analyst picked', async () => {
    const bytes = Uint8Array.from([0xe0, 0xf0, 0xe8, 0x20, 0xed, 0xe0]);
    const parsed = document(await parseDocument('note.txt', bytes, { encoding: 'windows-1251' }));
    expect(parsed).toMatchObject({ text: 'ари на', encoding: 'windows-1251' });
    // Even over a BOM or valid UTF-8: the analyst's choice wins.
    const latin = document(await parseDocument('utf8.txt', utf8('café'), { encoding: 'latin1' }));
    expect(latin).toMatchObject({ text: 'cafÃ©', encoding: 'windows-1252' });
  });

  it('says so when the picked encoding is unknown', async () => {
    const outcome = await parseDocument('note.txt', utf8('x'), { encoding: 'klingon-8' });
    expect(outcome).toMatchObject({ ok: false, code: 'encoding_unsure' });
    expect(!outcome.ok && outcome.reason).toBe(
      '“note.txt” cannot be read as “klingon-8”, an encoding the workbench does not know; pick another.',
    );
  });

  it('maps Windows-1252 bytes 0x80–0x9F to their characters (Node decodes them as C1 controls)', () => {
    const decoded = decodeText(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x20, 0x9c]), {
      encoding: 'windows-1252',
    });
    expect(decoded).toMatchObject({ ok: true, text: '“A” € œ' });
  });
});

describe('word plausibility', () => {
  it.each([
    ['ÇáÞÇÚÏÉ Ýí ÈáÇÏ ÇáãÛÑÈ', 'Arabic read as Windows-1252'],
    ['Ãðóïïèðîâêà îòêîëîëàñü', 'Russian read as Windows-1252'],
    ['sйparй d’Al-Qaпda', 'French read as Windows-1251'],
    ['oddzieli³a siê', 'Polish read as Windows-1252'],
    ['ЗбЮЗЪПЙ Нн ИбЗП', 'Arabic read as Windows-1251'],
  ])('finds %j implausible (%s)', (text) => {
    expect(wordScore(text)).toBeLessThan(0.9);
  });

  it.each([ARABIC, RUSSIAN, FRENCH, 'Grupa oddzieliła się', 'ΑΛ ΚΑΪΝΤΑ στο Μαγκρέμπ', 'ÉTÉ Été été'])(
    'finds %j plausible',
    (text) => {
      expect(wordScore(text)).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('files that are not text', () => {
  it('refuses a PNG renamed .txt as binary, naming what it is', async () => {
    expect(await parseDocument('photo.txt', PNG)).toEqual({
      ok: false,
      code: 'binary',
      reason: '“photo.txt” is not a text document (it looks like a PNG image); the workbench cannot read it.',
    });
  });

  it('refuses NUL bytes and control characters as binary', async () => {
    const program = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    expect(await parseDocument('setup.txt', program)).toMatchObject({ ok: false, code: 'binary' });
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    expect(await parseDocument('dump.txt', controls)).toMatchObject({ ok: false, code: 'binary' });
  });

  it('refuses an empty or blank file as empty', async () => {
    expect(await parseDocument('empty.txt', new Uint8Array())).toEqual({
      ok: false,
      code: 'empty',
      reason: '“empty.txt” is empty.',
    });
    expect(await parseDocument('blank.md', utf8(' \n\t\r\n  '))).toMatchObject({ ok: false, code: 'empty' });
    expect(await parseDocument('blank16.txt', utf16('  \n ', 'le', true))).toMatchObject({
      ok: false,
      code: 'empty',
    });
    expect(await parseDocument('ideographic.txt', utf8('\u3000\u00a0'))).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const outcome = await parseDocument('huge.pdf', new Uint8Array(MAX_DOCUMENT_BYTES + 1));
    expect(outcome).toEqual({
      ok: false,
      code: 'too_large',
      reason: '“huge.pdf” is 200 MB; the workbench reads documents up to 200 MB.',
    });
  });

  it('says which old or other formats it does not read', async () => {
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await parseDocument('old.doc', doc)).toEqual({
      ok: false,
      code: 'unsupported',
      reason:
        '“old.doc” is an old Microsoft Office file (.doc, .xls or .ppt), which the workbench does not read; save it as .docx or PDF and import that.',
    });
    expect(await parseDocument('memo.rtf', utf8('{\\rtf1\\ansi hello}'))).toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('Markdown', () => {
  it('keeps the markup as written and takes title, author, date and language from front matter', async () => {
    const bytes = fixture('brief.md');
    const parsed = document(await parseDocument('brief.md', bytes));
    expect(parsed.text).toBe(new TextDecoder().decode(bytes));
    expect(parsed.text).toContain('## Who leads whom');
    expect(parsed).toMatchObject({
      format: 'md',
      title: 'The Sahel after the split',
      author: 'Amina Belkacem',
      publishedOn: '2017-03-20',
      language: 'en',
    });
  });

  it('takes the title from the first heading outside code', async () => {
    const text = '```\n# not this\n```\n\nIntro line\n\n## The *Macina* front\n\n# Later\n';
    expect(document(await parseDocument('notes.markdown', utf8(text))).title).toBe('The Macina front');
    expect(document(await parseDocument('setext.md', utf8('Report on Gao\n=====\n\nText.'))).title).toBe(
      'Report on Gao',
    );
  });

  it('gives plain text no title', async () => {
    expect(document(await parseDocument('notes.txt', utf8('# not a heading in a .txt\n'))).title).toBeNull();
  });
});
