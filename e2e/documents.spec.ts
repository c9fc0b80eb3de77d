// The analyst's own documents, brought in the way an analyst does: choose files (TXT, HTML, PDF,
// DOCX) in the import dialog, see them in Sources, read each one, review what the workbench found
// and accept it into the case with its citations; a broken file is refused by name while the rest
// import; Cancel keeps nothing; Undo takes a batch back out.
import type { Page } from '@playwright/test';
import { makeDocx, makeHtml, makePdf } from './fixtures/documents';
import { expect, ipc, test } from './fixtures/shell';
import { SourcesPage, type DocumentFile } from './pages/SourcesPage';

test.use({ sample: true });

const REPORT = [
  'Sahel security update',
  'In 2015, the Fulani Liberation Brigade (FLB) broke away from Ansar al Dine after a dispute over its leadership.',
  'Mokhtar Belmokhtar was again reported near Gao.',
].join('\n\n');

function files(): Record<'txt' | 'html' | 'pdf' | 'docx', DocumentFile> {
  return {
    txt: { name: 'sahel-update.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) },
    html: {
      name: 'article.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        makeHtml(
          'Attack near Menaka',
          [
            'Gunmen attacked a convoy near Menaka on Sunday, officials said, in the third such attack this month.',
            'The Islamic State in the Greater Sahara was suspected; no group has claimed the attack so far.',
            'Residents described hours of fighting before the army arrived from the regional capital.',
          ],
          { author: 'A. Reporter', date: '2021-03-14' },
        ),
      ),
    },
    pdf: {
      name: 'brief.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        makePdf(
          [
            ['Page one of the brief.', 'AQIM operated in northern Mali.'],
            ['Page two of the brief.', 'The quokkabrief word is only here.'],
          ],
          { title: 'A two-page brief', author: 'Analyst' },
        ),
      ),
    },
    docx: {
      name: 'notes.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(
        makeDocx(['# Field notes', 'Iyad Ag Ghaly leads Ansar al Dine.'], {
          title: 'Field notes',
          creator: 'Analyst',
        }),
      ),
    },
  };
}

async function searchFor(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search names, notes and documents' }).fill(text);
  return page.getByRole('listbox', { name: 'Search results' });
}

test('imports a TXT, an HTML page, a PDF and a DOCX; each opens in the reader; a broken PDF is refused by name', async ({
  workbench,
}) => {
  const { page } = workbench;
  const sources = new SourcesPage(page);
  const f = files();
  const broken = {
    name: 'broken.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog'),
  };
  await sources.importFiles([f.txt, f.html, broken, f.pdf, f.docx]);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('4 documents were imported. 1 was refused.');
  await expect(page.getByTestId('refused-file')).toHaveText(/“broken\.pdf”/);
  await sources.closeImport();

  for (const title of ['sahel-update', 'Attack near Menaka', 'A two-page brief', 'Field notes'])
    await expect(sources.item(title)).toBeVisible();
  await expect(sources.item('A two-page brief')).toContainText('PDF · 2 pages · Analyst');
  await expect(sources.item('Attack near Menaka')).toContainText('HTML · A. Reporter');

  // The HTML page: the article, not the menu, the search box, the footer or its script.
  await sources.read('Attack near Menaka');
  const text = page.getByTestId('reader-text');
  await expect(text).toContainText('Gunmen attacked a convoy near Menaka');
  await expect(text).not.toContainText('Subscribe');
  await expect(text).not.toContainText('All rights reserved');
  expect(await page.title()).not.toBe('SCRIPT RAN');
  await page.keyboard.press('Escape');

  // The PDF: its text with a marker at each page.
  await sources.read('A two-page brief');
  await expect(page.getByTestId('page-marker')).toHaveCount(2);
  await expect(text).toContainText('The quokkabrief word is only here.');
  await page.keyboard.press('Escape');

  await sources.read('Field notes');
  await expect(text).toContainText('Iyad Ag Ghaly leads Ansar al Dine.');
  await page.keyboard.press('Escape');

  // A word of a document just imported is found at once.
  const results = await searchFor(page, 'quokkabrief');
  const hit = results.getByRole('option', { name: /A two-page brief/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(sources.reader).toBeVisible();
  await page.keyboard.press('Escape');

  // Undo takes the whole batch back out.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sources.item('Field notes')).toHaveCount(0);
  await expect(sources.item('sahel-update')).toHaveCount(0);
});

test('review: accepting suggestions brings the new entity and relation into the sheet and the graph with their citations', async ({
  workbench,
}) => {
  const { page } = workbench;
  const sources = new SourcesPage(page);
  await sources.importFiles([files().txt]);
  await page.getByRole('button', { name: 'Review suggestions' }).click();
  await expect(sources.review).toBeVisible();

  // A mention of an entity the case holds, under the spelling the document uses.
  const mention = sources.suggestions('mention').filter({ hasText: 'Ansar al Dine' }).first();
  await expect(mention).toBeVisible();
  await mention.getByRole('button', { name: 'Accept' }).click();
  await expect(sources.review.getByRole('status')).toContainText('1 accepted');

  await sources.showKind('Relations');
  const relation = sources.suggestions('relation').filter({ hasText: 'broke away from' }).first();
  await expect(relation).toContainText('Fulani Liberation Brigade');
  await expect(relation).toContainText('Ansar al Dine');
  await relation.getByRole('button', { name: 'Accept' }).click();
  await expect(sources.review.getByRole('status')).toContainText('1 new entity');
  await page.keyboard.press('Escape');

  // The sheet shows the new group and its relation; the case holds them cited, the relation dated.
  const sheet = page.getByRole('region', { name: 'Sheet' });
  await sheet.getByLabel('Quick search entities').fill('Fulani');
  await expect(
    sheet.locator('.ag-row').filter({ hasText: 'Fulani Liberation Brigade' }).first(),
  ).toBeVisible();
  const entities = await ipc(page, 'entities:list', {
    offset: 0,
    limit: 10,
    filters: { name: { kind: 'text', op: 'equals', value: 'Fulani Liberation Brigade' } },
  });
  expect(entities.rows).toEqual([
    expect.objectContaining({ name: 'Fulani Liberation Brigade', aliases: 'FLB', citations: 1 }),
  ]);
  await sheet.getByRole('tab', { name: 'Relations' }).click();
  await sheet.getByLabel('Quick search relations').fill('Fulani');
  await expect(
    sheet.locator('.ag-row').filter({ hasText: 'Fulani Liberation Brigade' }).first(),
  ).toContainText('broke away from');
  const relations = await ipc(page, 'relations:list', {
    offset: 0,
    limit: 10,
    filters: { sourceName: { kind: 'text', op: 'equals', value: 'Fulani Liberation Brigade' } },
  });
  expect(relations.rows).toEqual([
    expect.objectContaining({
      sourceName: 'Fulani Liberation Brigade',
      type: 'splinter_of',
      targetName: 'Ansar al Dine',
      startDate: '2015',
      corroboration: 1,
    }),
  ]);

  // The graph draws it (the test hook reports the nodes drawn).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __awGraph?: { nodes(): { name: string }[] } }).__awGraph
            ?.nodes()
            .some((n) => n.name.includes('Fulani')) ?? false,
      ),
    )
    .toBe(true);

  // The reader highlights the cited passages.
  await sources.read('sahel-update');
  await expect(page.getByTestId('reader-text').locator('mark.cited')).not.toHaveCount(0);
});

test('Cancel in the middle of a batch keeps nothing', async ({ workbench }) => {
  const { page } = workbench;
  const sources = new SourcesPage(page);
  await sources.open();
  const before = await sources.list.getByTestId('source-item').count();
  const long = Array.from({ length: 80 }, (_, p) =>
    Array.from({ length: 40 }, (_, l) => `Page ${p + 1}, line ${l + 1}: militants and convoys in the Sahel.`),
  );
  const batch = Array.from({ length: 12 }, (_, i) => ({
    name: `long-${i}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(makePdf(long.map((lines) => [...lines, `Document ${i}.`]))),
  }));
  await sources.importFiles(batch, { wait: false });
  await expect(page.getByTestId('import-status')).toContainText('Reading documents');
  await sources.importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(sources.importDialog.getByRole('status')).toHaveText(
    'The import was cancelled; nothing was imported.',
  );
  await sources.closeImport();
  await expect(sources.list.getByTestId('source-item')).toHaveCount(before);
  const undo = await page.getByRole('button', { name: 'Undo' }).getAttribute('title');
  expect(undo ?? '').not.toContain('Import');
});
