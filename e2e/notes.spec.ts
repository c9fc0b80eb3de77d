// Notes, sources and search, driven the way an analyst works: write a note, find it again after a
// restart; read a document, cite a passage for a relation and see its corroboration rise.
import type { Page } from '@playwright/test';
import { relationReads } from '../src/shared/vocab';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

/** Calls the running shell's IPC door with the page's own session token (as the app does). */
async function ipc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const response = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'x-aw-token': sessionStorage.getItem('aw-token') ?? '',
        },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    { channel, input },
  ) as Promise<T>;
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search names, notes and documents' });
  await expect(box).toBeFocused();
  await box.fill(text);
  return page.getByRole('listbox', { name: 'Search results' });
}

test('a private note on an entity survives a restart and is found by search', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toContainText('sample');

  // Find the person under another spelling of his name, and open his notes.
  let results = await search(page, 'abdelmalik');
  await results
    .getByRole('option', { name: /Abdelmalek Droukdel/ })
    .first()
    .click();
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Notes on Abdelmalek Droukdel' })).toBeVisible();

  await notes.getByRole('button', { name: 'New note' }).click();
  await notes
    .getByLabel('Note (markdown)')
    .fill('Reported **killed** in June 2020 near Tessalit — *quokkawarble* to verify.');
  await expect(notes.getByTestId('save-status')).toContainText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
  const note = notes.getByTestId('note');
  await expect(note.locator('strong')).toHaveText('killed');
  await expect(note.getByText('Private')).toBeVisible();

  await workbench.restart();
  await expect(page.getByTestId('case-name')).toContainText('sample');
  results = await search(page, 'QUOKKAWARBLE');
  const hit = results.getByRole('option', { name: /Note on Abdelmalek Droukdel/ });
  await expect(hit.locator('mark')).toHaveText('quokkawarble');
  await hit.click();
  await expect(notes.getByRole('heading', { name: 'Notes on Abdelmalek Droukdel' })).toBeVisible();
  await expect(notes.getByTestId('note')).toContainText('quokkawarble to verify');
});

test('citing a passage from the reader raises a relation’s corroboration', async ({ workbench }) => {
  const { page } = workbench;
  interface Row {
    id: number;
    sourceName: string;
    type: string;
    targetName: string;
    corroboration: number;
    grade: string | null;
  }
  const relations = await ipc<{ rows: Row[] }>(page, 'relations:list', { offset: 0, limit: 1000 });
  const relation =
    relations.rows.find((r) => r.sourceName === 'Mokhtar Belmokhtar' && r.corroboration === 1) ??
    relations.rows.find((r) => r.corroboration === 1)!;
  expect(relation.corroboration).toBe(1);
  const sources = await ipc<{ id: number; title: string }[]>(page, 'sources:list', {});
  const cited = await ipc<{ sourceId: number }[]>(page, 'citations:list', { sourceId: sources[0]!.id });
  const citingSources = new Set<number>();
  for (const s of sources) {
    const list = await ipc<{ subjectKind: string; subjectId: number }[]>(page, 'citations:list', {
      sourceId: s.id,
    });
    if (list.some((c) => c.subjectKind === 'relation' && c.subjectId === relation.id))
      citingSources.add(s.id);
  }
  expect(cited.length).toBeGreaterThan(0);
  const other = sources.find((s) => !citingSources.has(s.id))!;

  const side = page.getByRole('complementary', { name: 'Side panel' });
  await side.getByRole('tab', { name: 'Sources' }).click();
  await side.getByRole('button', { name: other.title }).click();
  const reader = page.getByRole('dialog', { name: `Reader: ${other.title}` });
  await expect(reader.locator('mark.cited').first()).toBeVisible();

  // Select a passage the way a mouse does: a range in the text, then mouseup.
  const quote = await page.evaluate(() => {
    const container = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf('Belmokhtar');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, Math.min(text.length, at + 40));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString();
    }
    return null;
  });
  expect(quote).toBeTruthy();
  const panel = reader.getByRole('group', { name: 'Selected passage' });
  await expect(panel).toContainText(quote!.trim().slice(0, 20));
  await panel.getByRole('button', { name: 'Cite for…' }).click();
  const form = panel.getByRole('form', { name: 'Cite for' });
  await form.getByLabel('Find an entity or relation').fill(relation.sourceName);
  await form
    .getByRole('button', {
      name: `${relation.sourceName} ${relationReads(relation.type)} ${relation.targetName}`,
    })
    .first()
    .click();
  await form.getByLabel('Credibility').selectOption('2');
  await form.getByRole('button', { name: /^Cite for / }).click();
  await expect(reader.getByRole('status')).toContainText('Corroboration now 2');

  const after = await ipc<{ rows: Row[] }>(page, 'relations:list', { offset: 0, limit: 1000 });
  expect(after.rows.find((r) => r.id === relation.id)!.corroboration).toBe(2);

  // Clicking the new highlight shows what it supports, with the risen corroboration.
  await reader.locator('mark.cited', { hasText: 'Belmokhtar' }).first().click();
  await expect(reader.getByTestId('corroboration').first()).toBeVisible();

  // Undo takes the citation back.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(
      async () =>
        (await ipc<{ rows: Row[] }>(page, 'relations:list', { offset: 0, limit: 1000 })).rows.find(
          (r) => r.id === relation.id,
        )!.corroboration,
    )
    .toBe(1);
});

test('a note’s markup is rendered, its script is not', async ({ workbench }) => {
  const { page } = workbench;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Notes on the case' })).toBeVisible();
  await notes.getByRole('button', { name: 'New note' }).click();
  await notes
    .getByLabel('Note (markdown)')
    .fill(
      '<img src=x onerror="alert(1)"> [click](javascript:alert(2)) ![p](https://example.invalid/p.png) _fine_',
    );
  await expect(notes.getByTestId('save-status')).toContainText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
  const body = notes.getByTestId('note');
  await expect(body.locator('em')).toHaveText('fine');
  await expect(body.locator('img, script, svg')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await body.getByText('[image: p]').click();
  expect(dialogs).toEqual([]);
});

test('a case export carries shareable notes when ticked, and never private ones', async ({ workbench }) => {
  const { page } = workbench;
  await ipc(page, 'notes:save', {
    subject: { kind: 'case', id: null },
    body: 'PRIVATE-wombat-7731 my own view',
  });
  await ipc(page, 'notes:save', {
    subject: { kind: 'case', id: null },
    body: 'SHAREABLE-numbat-4410 for the team',
    private: false,
  });
  const notes = page.getByRole('region', { name: 'Notes' });
  await notes.getByRole('button', { name: 'Export case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case' });
  await dialog.getByLabel('Include shareable notes').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(text).toContain('SHAREABLE-numbat-4410');
  expect(text).not.toContain('PRIVATE-wombat-7731');
  expect(JSON.parse(text).relations.length).toBeGreaterThan(100);
});
