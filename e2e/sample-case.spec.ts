// The sample case: written into a new case on the first start, and again from the toolbar.
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

test('the first start opens the sample case with its entities, relations and sources', async ({
  workbench,
}) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toHaveText('Maghreb and Sahel (sample)');
  await expect(page.getByTestId('status-entities')).toHaveText('95 entities');
  await expect(page.getByTestId('status-relations')).toHaveText('173 relations');
  // The lineage the brief describes, read through the same IPC the panes use.
  const lineage = await page.evaluate(async () => {
    const token = sessionStorage.getItem('aw-token') ?? '';
    const call = async (channel: string, input: unknown) => {
      const res = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-aw-token': token },
        body: JSON.stringify(input),
      });
      return (
        (await res.json()) as {
          value: {
            rows: { sourceName: string; type: string; targetName: string; startDate: string | null }[];
          };
        }
      ).value;
    };
    const rows = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call('relations:list', { offset, limit: 100 });
      rows.push(...page.rows);
      if (page.rows.length < 100) break;
    }
    return rows
      .filter((r) => ['succeeded_by', 'merged_into', 'allegiance_to', 'splinter_of'].includes(r.type))
      .map((r) => `${r.sourceName} ${r.type} ${r.targetName} ${r.startDate ?? ''}`.trim());
  });
  expect(lineage).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^Salafist Group for Preaching and Combat succeeded_by Al Qaeda in the Islamic Maghreb 2007/,
      ),
      expect.stringMatching(/^Al Mulathamun merged_into Al Murabitoun 2013/),
      expect.stringMatching(/^Al Murabitoun merged_into Jama’at Nusrat al Islam wal Muslimeen 2017/),
      expect.stringMatching(/^Islamic State-Greater Sahara allegiance_to Islamic State 2015/),
    ]),
  );
});

test('the toolbar writes the sample case into a new case file', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toHaveText('Maghreb and Sahel (sample)');
  await page.getByRole('button', { name: 'Sample case' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Maghreb and Sahel (sample) 2');
  await expect(page.getByTestId('status-entities')).toHaveText('95 entities');
});
