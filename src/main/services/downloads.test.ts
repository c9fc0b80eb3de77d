import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { offerDownload, redeemDownload, saveDownload } from './downloads';
import { offerCsvExport } from './sheet/csvExport';

let t: TempCase;
afterEach(() => t?.cleanup());

describe('saving a download where the analyst chose (the Electron shell’s export path)', () => {
  it('streams a CSV export into the chosen file, and a ticket is good once', async () => {
    t = tempCase();
    t.store.entities.insert({ type: 'organization', name: '=HYPERLINK("x")', aliases: ['AQIM'] });
    const ticket = offerCsvExport(t.store, { tab: 'entities', columns: ['name', 'aliases'], query: {} });
    const download = redeemDownload(ticket.downloadId)!;
    expect(redeemDownload(ticket.downloadId)).toBeNull();
    const target = path.join(t.dir, ticket.fileName);
    await saveDownload(download, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('\uFEFFName,Aliases\r\n"\'=HYPERLINK(""x"")",AQIM\r\n');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('leaves the file that was there untouched and no partial file when the stream fails', async () => {
    t = tempCase();
    const target = path.join(t.dir, 'groups.csv');
    fs.writeFileSync(target, 'the analyst’s earlier export');
    const failing = offerDownload({
      fileName: 'groups.csv',
      mime: 'text/csv',
      open: () =>
        Readable.from(
          (async function* () {
            yield 'Name\r\n';
            throw new Error('disk full');
          })(),
        ),
    });
    await expect(saveDownload(redeemDownload(failing)!, target)).rejects.toThrow('disk full');
    expect(fs.readFileSync(target, 'utf8')).toBe('the analyst’s earlier export');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
