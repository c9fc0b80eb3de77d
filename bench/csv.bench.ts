// CSV figures (issue 4): exporting 1,000,000 entities (rows/s and peak memory) against a raw
// better-sqlite3 iterate-and-write of the same rows, and importing a 1,000,000-row CSV (check +
// import, rows/s, peak memory) against a raw prepared-insert loop of the same rows, and undoing
// and redoing that import. `npm run bench -- csv`
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { exportStream } from '../src/main/services/sheet/csvExport';
import { checkImport, runImport } from '../src/main/services/sheet/csvImport';
import { uploadFromFile } from '../src/main/services/uploads';
import { CaseStore } from '../src/main/store';
import { report, scratch, timeAsync, time } from './lib';
import { sheetCase } from './sheetData';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

/** Samples resident memory while fn runs; returns the peak growth over the start, in MB. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<void> {
  const dir = scratch('csv');
  const source = sheetCase(ROWS, 0);

  // Export: the sheet's own path (query, cell text, neutralising, RFC 4180 quoting) to a file.
  const columns = ['type', 'name', 'aliases', 'summary', 'citations', 'grade', 'updatedAt', 'tags'];
  const out = path.join(dir, 'entities.csv');
  const ours = await peakRss(() =>
    timeAsync(() =>
      pipeline(
        exportStream(source, { tab: 'entities', columns, query: { sort: [{ column: 'name', dir: 'asc' }] } }),
        fs.createWriteStream(out),
      ),
    ),
  );
  // Baseline: the same rows read raw and written as naive comma-joined lines, no quoting.
  const rawOut = path.join(dir, 'raw.csv');
  const baseline = await peakRss(() =>
    timeAsync(async () => {
      const db = new Database(source, { readonly: true });
      const stream = fs.createWriteStream(rawOut);
      let buffer = '';
      for (const r of db
        .prepare('SELECT type, name, summary, updated_at FROM entity ORDER BY name COLLATE NOCASE, id')
        .raw()
        .iterate() as Iterable<string[]>) {
        buffer += `${r.join(',')}\n`;
        if (buffer.length > 1 << 20) {
          if (!stream.write(buffer))
            await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
          buffer = '';
        }
      }
      stream.end(buffer);
      await new Promise<void>((resolve) => stream.once('finish', () => resolve()));
      db.close();
    }),
  );
  report({
    name: 'csv.export_entities',
    value: ROWS / (ours.result.ms / 1000),
    unit: 'rows/s',
    baseline: ROWS / (baseline.result.ms / 1000),
    rows: ROWS,
    ms: ours.result.ms,
    bytes: fs.statSync(out).size,
    baseline_ms: baseline.result.ms,
    note: 'baseline: raw iterate + naive join, no quoting, no cell formatting',
  });
  report({
    name: 'csv.export_entities_peak_memory',
    value: ours.peakMb,
    unit: 'MB',
    baseline: baseline.peakMb,
    rows: ROWS,
    note: 'peak RSS growth while exporting',
  });

  // Import: the exported file back into a fresh case (check, then import in one transaction).
  const target = path.join(dir, 'import.awcase');
  const store = CaseStore.open(target, { create: true });
  const uploadId = uploadFromFile(out);
  const imported = await peakRss(() =>
    timeAsync(async () => {
      const preview = await checkImport(store, { uploadId, kind: 'entities', delimiter: ',' });
      if (preview.problem) throw new Error(preview.problem);
      return runImport(store, { uploadId, kind: 'entities', delimiter: ',', jobId: 'b'.repeat(32) });
    }),
  );
  if (imported.result.result.imported !== ROWS)
    throw new Error(`imported ${imported.result.result.imported} of ${ROWS}`);
  // The whole import is one undo step: undo and redo it, against the import's own write time.
  const undone = time(() => store.journal.undo());
  if (store.entities.count() !== 0) throw new Error('undo left rows behind');
  const redone = time(() => store.journal.redo());
  if (store.entities.count() !== ROWS) throw new Error('redo did not bring every row back');
  for (const [name, figure] of [
    ['csv.import_undo', undone],
    ['csv.import_redo', redone],
  ] as const) {
    report({
      name,
      value: figure.ms,
      unit: 'ms',
      baseline: imported.result.ms,
      rows: ROWS,
      note: 'baseline: the import itself (check + write)',
    });
  }
  store.close();

  // Baseline: a raw prepared insert loop of the same rows, one transaction, same schema.
  const rawFile = path.join(dir, 'raw.awcase');
  CaseStore.open(rawFile, { create: true }).close();
  const raw = new Database(rawFile);
  const rows = fs.readFileSync(rawOut, 'utf8').split('\n');
  const insert = raw.prepare(
    "INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', '[]', ?, ?)",
  );
  const rawInsert = time(() =>
    raw.transaction(() => {
      for (const line of rows) {
        if (!line) continue;
        const [type, name, summary, at] = line.split(',');
        insert.run(type, name, name!.toLowerCase(), summary, at, at);
      }
    })(),
  );
  raw.close();
  report({
    name: 'csv.import_entities',
    value: ROWS / (imported.result.ms / 1000),
    unit: 'rows/s',
    baseline: ROWS / (rawInsert.ms / 1000),
    rows: ROWS,
    ms: imported.result.ms,
    baseline_ms: rawInsert.ms,
    peak_memory_mb: Math.round(imported.peakMb),
    note: 'ours: parse + check every row + write in one transaction (search index and name indexes included); baseline: raw prepared insert loop of pre-split rows',
  });
}
