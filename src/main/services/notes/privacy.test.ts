// The privacy guarantee: a private note never leaves the machine through any export path. Each path
// is driven through the real handler table on a real case, and its whole output searched for the
// note's unique marker.
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelName, type Input, type Output } from '../../../shared/ipc/contract';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/model';
import { createDispatch, type Dispatch } from '../../ipc/handle';
import { createHandlers } from '../../ipc/handlers';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { saveNote } from '../notes';
import { CaseSession } from '../session';

const PRIVATE_MARKER = `PRIVATE-${Math.random().toString(36).slice(2)}-ZX9Q`;
const SHAREABLE_MARKER = `SHAREABLE-${Math.random().toString(36).slice(2)}-KW4J`;

/**
 * Every channel through which case content leaves the app (files, images, clipboard rows), and how
 * this test reads its output. A new channel that sounds like an export must be added here.
 */
const EXPORT_PATHS: Record<string, { input: unknown; what: string }> = {
  'case:exportJson': { input: { includeShareableNotes: true }, what: 'case export (JSON), shareable notes asked for' },
  'graph:get': { input: { afterNode: 0, afterEdge: 0, limit: 20_000 }, what: 'the data the graph PNG/SVG images are drawn from' },
  'entities:list': { input: { offset: 0, limit: 1000 }, what: 'sheet rows, which clipboard copies are made from' },
  'relations:list': { input: { offset: 0, limit: 1000 }, what: 'sheet rows, which clipboard copies are made from' },
  'csvExport:get': {
    input: { tab: 'entities', columns: [...ENTITY_COLUMNS], query: {} },
    what: 'CSV export of the Entities tab, every column asked for',
  },
  'csvExport:get#relations': {
    input: { tab: 'relations', columns: [...RELATION_COLUMNS], query: {} },
    what: 'CSV export of the Relations tab, every column asked for',
  },
};
const LOOKS_LIKE_EXPORT = /export|copy|clipboard|png|svg|image|print|share|download/i;

let t: TempCase;
let dispatch: Dispatch;

/** Calls a channel the way a window does (payload parsed by its schema); a download ticket is redeemed and read to the end. */
async function run<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await dispatch(channel, input, { kind: 'browser', token: 'test' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

async function outputOf(channel: string, input: unknown): Promise<string> {
  const value = (await run(channel.split('#')[0] as ChannelName, input as never)) as unknown;
  const ticket = value as { downloadId?: string };
  if (typeof ticket.downloadId !== 'string') return JSON.stringify(value);
  // Downloads (CSV) arrive in the shell through a ticket; read the very bytes it would save.
  const downloadsModule = '../downloads';
  const { redeemDownload } = (await import(/* @vite-ignore */ downloadsModule)) as {
    redeemDownload: (id: string) => { open(): Readable } | null;
  };
  const download = redeemDownload(ticket.downloadId);
  if (!download) throw new Error(`${channel}: the download ticket could not be redeemed`);
  const chunks: Buffer[] = [];
  for await (const chunk of download.open()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

beforeEach(() => {
  t = tempCase('privacy.awcase');
  const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM', summary: 'Sahel-based group' });
  const gspc = t.store.entities.insert({ type: 'organization', name: 'GSPC' });
  const rel = t.store.relations.insert({ sourceId: gspc, targetId: aqim, type: 'renamed_to' });
  const src = t.store.sources.insert({ title: 'CRS', reliability: 'B', text: 'In 2007 the GSPC became AQIM.' });
  t.store.sources.cite({ sourceId: src, subjectKind: 'relation', subjectId: rel, quote: 'the GSPC became AQIM', credibility: 2 });
  for (const subject of [
    { kind: 'case', id: null },
    { kind: 'entity', id: aqim },
    { kind: 'relation', id: rel },
    { kind: 'source', id: src },
  ] as const) {
    saveNote(t.store, { subject, body: `My judgement ${PRIVATE_MARKER} stays here.` });
    saveNote(t.store, { subject, body: `Context ${SHAREABLE_MARKER} may be shared.`, private: false });
  }
  t.store.close();
  const session = new CaseSession({ dataDir: `${t.dir}/data` });
  session.open(t.file);
  t.store = session.store;
  dispatch = createDispatch(createHandlers({ session, resourcesDir: t.dir }), { verifyCaller: () => true });
});
afterEach(() => t.cleanup());

describe('private notes never leave the machine', () => {
  it('covers every export path the app has', () => {
    const uncovered = CHANNELS.filter((c) => LOOKS_LIKE_EXPORT.test(c) && !(c in EXPORT_PATHS));
    expect(uncovered, 'export channels missing from this privacy test').toEqual([]);
  });

  const present = Object.entries(EXPORT_PATHS).filter(([channel]) => (CHANNELS as string[]).includes(channel.split('#')[0]!));
  it.each(present)('keeps private notes out of %s', async (channel, { input }) => {
    const output = await outputOf(channel, input);
    expect(output).toContain('AQIM'); // the export carries the case: searching it means something
    expect(output).not.toContain(PRIVATE_MARKER);
  });

  it('puts shareable notes into a case export only when the analyst ticks "include shareable notes"', async () => {
    const without = JSON.stringify(await run('case:exportJson', { includeShareableNotes: false }));
    expect(without).not.toContain(SHAREABLE_MARKER);
    expect(without).not.toContain(PRIVATE_MARKER);
    const withNotes = await run('case:exportJson', { includeShareableNotes: true });
    expect(withNotes.notes).toHaveLength(4);
    expect(withNotes.notes.every((n) => n.body.includes(SHAREABLE_MARKER))).toBe(true);
    expect(JSON.stringify(withNotes)).not.toContain(PRIVATE_MARKER);
    // The rest of the case is there: it is a real export, not an empty one.
    expect(withNotes.relations[0]).toMatchObject({ type: 'renamed_to', citations: [{ quote: 'the GSPC became AQIM', credibility: 2 }] });
  });

  it('still finds private notes in the analyst’s own search (it never leaves the app)', async () => {
    const result = await run('search:list', { query: PRIVATE_MARKER });
    expect(result.hits).toHaveLength(4);
  });
});
