// The privacy guarantee: a private note never leaves the machine through any export path. Each path's
// service is called on a real case with its payload parsed by the channel's own schema, and its whole
// output searched for the note's unique marker.
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../../shared/ipc/contract';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/model';
import type { CaseStore } from '../../store';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { graphPage } from '../graph/graphData';
import { saveNote } from '../notes';
import { searchCase } from '../search/search';
import { exportCase } from './caseExport';
import { exportBytes } from '../interchange/graphExport';

const PRIVATE_MARKER = `PRIVATE-${Math.random().toString(36).slice(2)}-ZX9Q`;
const SHAREABLE_MARKER = `SHAREABLE-${Math.random().toString(36).slice(2)}-KW4J`;

/**
 * Every channel through which case content leaves the app (files, images, clipboard rows), and how
 * this test reads its output. A new channel that sounds like an export must be added here.
 */
type Run = (store: CaseStore, input: never) => unknown;

/** The CSV export service (the sheet's), loaded only where it exists. */
async function csvExport(store: CaseStore, input: unknown): Promise<unknown> {
  const modulePath = '../sheet/csvExport';
  const { offerCsvExport } = (await import(/* @vite-ignore */ modulePath)) as {
    offerCsvExport: (s: CaseStore, i: unknown) => unknown;
  };
  return offerCsvExport(store, input);
}

const EXPORT_PATHS: Record<string, { input: unknown; what: string; run: Run }> = {
  'case:exportJson': {
    input: { includeShareableNotes: true },
    what: 'case export (JSON), shareable notes asked for',
    run: exportCase as Run,
  },
  'graph:get': {
    input: { afterNode: 0, afterEdge: 0, limit: 20_000 },
    what: 'the data the graph PNG/SVG images are drawn from',
    run: graphPage as Run,
  },
  'entities:list': {
    input: { offset: 0, limit: 1000 },
    what: 'sheet rows, which clipboard copies are made from',
    run: ((store: CaseStore, q: Parameters<CaseStore['entities']['page']>[0]) =>
      store.entities.page(q)) as Run,
  },
  'relations:list': {
    input: { offset: 0, limit: 1000 },
    what: 'sheet rows, which clipboard copies are made from',
    run: ((store: CaseStore, q: Parameters<CaseStore['relations']['page']>[0]) =>
      store.relations.page(q)) as Run,
  },
  'csvExport:get': {
    input: { tab: 'entities', columns: [...ENTITY_COLUMNS], query: {} },
    what: 'CSV export of the Entities tab, every column asked for',
    run: csvExport as Run,
  },
  'csvExport:get#relations': {
    input: { tab: 'relations', columns: [...RELATION_COLUMNS], query: {} },
    what: 'CSV export of the Relations tab, every column asked for',
    run: csvExport as Run,
  },
  // Network formats, shareable notes asked for: decoded here, since the answer carries them as base64.
  ...Object.fromEntries(
    (['gexf', 'graphml', 'stix', 'cyjs', 'case'] as const).map((format, i) => [
      i === 0 ? 'interchange:export' : `interchange:export#${format}`,
      {
        input: { format, notes: 'shareable' },
        what: `network export as ${format}, shareable notes asked for`,
        run: ((store: CaseStore, input: { format: typeof format; notes: 'shareable' }) =>
          Buffer.from(exportBytes(store, input.format, input.notes)).toString('utf8')) as Run,
      },
    ]),
  ),
};
const LOOKS_LIKE_EXPORT = /export|copy|clipboard|png|svg|image|print|share|download/i;

let t: TempCase;

/** Runs an export path on the case, its payload parsed by the channel's schema as main would; a download ticket is redeemed and read to the end. */
async function outputOf(path: string, input: unknown): Promise<string> {
  const channel = path.split('#')[0] as ChannelName;
  const parsed = contract[channel].input.parse(input) as never;
  const value = await EXPORT_PATHS[path]!.run(t.store, parsed);
  const ticket = value as { downloadId?: string };
  if (typeof ticket.downloadId !== 'string') return JSON.stringify(value);
  // Downloads (CSV) arrive in the shell through a ticket; read the very bytes it would save.
  const downloadsModule = '../downloads';
  const { redeemDownload } = (await import(/* @vite-ignore */ downloadsModule)) as {
    redeemDownload: (id: string) => { open(): Readable } | null;
  };
  const download = redeemDownload(ticket.downloadId);
  if (!download) throw new Error(`${path}: the download ticket could not be redeemed`);
  const chunks: Buffer[] = [];
  for await (const chunk of download.open()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

beforeEach(() => {
  t = tempCase('privacy.awcase');
  const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM', summary: 'Sahel-based group' });
  const gspc = t.store.entities.insert({ type: 'organization', name: 'GSPC' });
  const rel = t.store.relations.insert({ sourceId: gspc, targetId: aqim, type: 'renamed_to' });
  const src = t.store.sources.insert({
    title: 'CRS',
    reliability: 'B',
    text: 'In 2007 the GSPC became AQIM.',
  });
  t.store.sources.cite({
    sourceId: src,
    subjectKind: 'relation',
    subjectId: rel,
    quote: 'the GSPC became AQIM',
    credibility: 2,
  });
  for (const subject of [
    { kind: 'case', id: null },
    { kind: 'entity', id: aqim },
    { kind: 'relation', id: rel },
    { kind: 'source', id: src },
  ] as const) {
    saveNote(t.store, { subject, body: `My judgement ${PRIVATE_MARKER} stays here.` });
    saveNote(t.store, { subject, body: `Context ${SHAREABLE_MARKER} may be shared.`, private: false });
  }
});
afterEach(() => t.cleanup());

describe('private notes never leave the machine', () => {
  it('covers every export path the app has', () => {
    const uncovered = CHANNELS.filter((c) => LOOKS_LIKE_EXPORT.test(c) && !(c in EXPORT_PATHS));
    expect(uncovered, 'export channels missing from this privacy test').toEqual([]);
  });

  const present = Object.entries(EXPORT_PATHS).filter(([channel]) =>
    (CHANNELS as string[]).includes(channel.split('#')[0]!),
  );
  it.each(present)('keeps private notes out of %s', async (channel, { input }) => {
    const output = await outputOf(channel, input);
    expect(output).toContain('AQIM'); // the export carries the case: searching it means something
    expect(output).not.toContain(PRIVATE_MARKER);
  });

  it('puts shareable notes into a case export only when the analyst ticks "include shareable notes"', async () => {
    const without = JSON.stringify(exportCase(t.store, { includeShareableNotes: false }));
    expect(without).not.toContain(SHAREABLE_MARKER);
    expect(without).not.toContain(PRIVATE_MARKER);
    const withNotes = exportCase(t.store, { includeShareableNotes: true });
    expect(withNotes.notes).toHaveLength(4);
    expect(withNotes.notes.every((n) => n.body.includes(SHAREABLE_MARKER))).toBe(true);
    expect(JSON.stringify(withNotes)).not.toContain(PRIVATE_MARKER);
    // The rest of the case is there: it is a real export, not an empty one.
    expect(withNotes.relations[0]).toMatchObject({
      type: 'renamed_to',
      citations: [{ quote: 'the GSPC became AQIM', credibility: 2 }],
    });
  });

  it('still finds private notes in the analyst’s own search (it never leaves the app)', async () => {
    const result = searchCase(t.store, { query: PRIVATE_MARKER });
    expect(result.hits).toHaveLength(4);
  });
});
