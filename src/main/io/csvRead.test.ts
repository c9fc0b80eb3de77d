// Reading records: line numbers across quoted line breaks, CRLF, a BOM, runs of spaces, and a quoted
// cell that spans the reader's megabyte chunks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempCase';
import { FileProblem, readRecords, type CsvRecord } from './csvRead';

async function read(content: string, delimiter: ',' | ' ' = ','): Promise<CsvRecord[]> {
  const file = path.join(tempDir(), 'in.csv');
  fs.writeFileSync(file, content);
  const all: CsvRecord[] = [];
  for await (const batch of readRecords(file, delimiter, 2)) all.push(...batch);
  return all;
}

describe('readRecords', () => {
  it('says on which line each record starts, past quoted line breaks and blank lines', async () => {
    const records = await read('\uFEFFname,summary\r\n"AQIM","line one\r\nline two"\r\n\r\nGSPC,x\r\n');
    expect(records.map((r) => [r.line, r.cells.map((c) => c.trim())])).toEqual([
      [1, ['name', 'summary']],
      [2, ['AQIM', 'line one\r\nline two']],
      [5, ['GSPC', 'x']],
    ]);
  });

  it('reads runs of spaces as one delimiter, quotes keeping names with spaces whole', async () => {
    const records = await read('"Noordin Top"   Azahari  2\nAzahari Dulmatin 1\n', ' ');
    expect(records.map((r) => r.cells)).toEqual([
      ['Noordin Top', 'Azahari', '2'],
      ['Azahari', 'Dulmatin', '1'],
    ]);
  });

  it('keeps a quoted cell whole across the reader’s chunks', async () => {
    // Filler rows up to a few bytes before the first megabyte, then a quoted cell across it.
    const filler = `f,${'x'.repeat(98)}\n`;
    const rows = Math.floor(((1 << 20) - 4 - 4) / filler.length);
    const pad = (1 << 20) - 4 - 4 - rows * filler.length;
    const head = `a,b\n${filler.repeat(rows)}${'p,'.padEnd(pad + 2, 'y').slice(0, pad - 1)}\n`;
    const records = await read(`${head}q,"across the\nboundary"\nr,end\n`);
    expect(head.length).toBeLessThan(1 << 20);
    expect(head.length + 12).toBeGreaterThan(1 << 20);
    const last = records.slice(-2);
    expect(last.map((r) => [r.line, r.cells])).toEqual([
      [rows + 3, ['q', 'across the\nboundary']],
      [rows + 5, ['r', 'end']],
    ]);
  });

  it('refuses a quote left open, and text that is not UTF-8', async () => {
    await expect(read('a,b\n1,"open\n2,x\n')).rejects.toThrow(
      /quoted cell that starts on line 2 is never closed/,
    );
    const file = path.join(tempDir(), 'latin1.csv');
    fs.writeFileSync(file, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x0a]));
    const reading = (async () => {
      for await (const batch of readRecords(file, ',')) void batch;
    })();
    await expect(reading).rejects.toBeInstanceOf(FileProblem);
  });
});
