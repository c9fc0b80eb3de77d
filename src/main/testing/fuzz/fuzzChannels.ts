// The IPC fuzz run (fuzz.test.ts, bench/reliability.bench.ts): generated payloads sent through the
// real dispatch (createDispatch + createHandlers) against a temporary case. Every answer must be a
// result envelope; every refusal a sentence; no handler may fail unexpectedly ('internal'); and the
// case must be byte-for-byte unchanged by every refused payload (a hash of db.serialize()).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { contract, type ChannelName } from '../../../shared/ipc/contract';
import { createDispatch, isWrite, type Dispatch } from '../../ipc/handle';
import { createHandlers } from '../../ipc/handlers';
import { exportBytes } from '../../services/interchange/graphExport';
import { uploadFromFile } from '../../services/uploads';
import { CaseSession, type SessionOptions } from '../../services/session';
import { listSuggestions } from '../../services/sources/suggestions';
import { isSentence, payloadsFor } from './payloads';

export interface FuzzEnvironment {
  root: string;
  session: CaseSession;
  dispatch: Dispatch;
  seed: string;
  /** Known-good payloads per channel; channels without one are fuzzed from their schema alone. */
  examples: Partial<Record<ChannelName, unknown[]>>;
  /** Puts the seed case back as it was and opens it. */
  reset(): void;
  /** An accepted write changed the seed case since it was last put back. */
  changed: boolean;
  close(): Promise<void>;
}

export interface FuzzStats {
  channel: ChannelName;
  payloads: number;
  accepted: number;
  refused: number;
  ms: number;
}

const CALLER = { kind: 'browser', token: 'fuzz' } as const;

/** A small sample case for case:openSample (the real one takes a tenth of a second to load each time). */
function writeSampleCase(resources: string): void {
  const dir = path.join(resources, 'sample-case');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'brief.txt'), 'In 2007 the GSPC became AQIM.');
  fs.writeFileSync(
    path.join(dir, 'case.json'),
    JSON.stringify({
      sources: [{ id: 's1', title: 'CRS brief', reliability: 'B', file: 'brief.txt' }],
      entities: [
        { id: 'e1', type: 'organization', name: 'GSPC' },
        { id: 'e2', type: 'organization', name: 'AQIM' },
      ],
      relations: [
        {
          id: 'r1',
          source: 'e1',
          target: 'e2',
          type: 'renamed_to',
          start: '2007',
          citations: [{ source: 's1', quote: 'the GSPC became AQIM', credibility: 2 }],
        },
      ],
    }),
  );
}

function seedCase(session: CaseSession, file: string): void {
  const store = session.open(file, { create: true });
  store.journal.record('Seed', () => {
    const aqim = store.entities.insert({
      type: 'organization',
      name: 'AQIM',
      aliases: ['Al Qaeda in the Islamic Maghreb'],
    });
    const gspc = store.entities.insert({ type: 'organization', name: 'GSPC' });
    const droukdel = store.entities.insert({ type: 'person', name: 'Abdelmalek Droukdel' });
    const relation = store.relations.insert({
      sourceId: gspc,
      targetId: aqim,
      type: 'renamed_to',
      startDate: '2007',
    });
    store.relations.insert({ sourceId: droukdel, targetId: aqim, type: 'leader_of' });
    const text =
      'In 2007 the GSPC became AQIM. Abdelmalek Droukdel leads Al Qaeda in the Islamic Maghreb (AQIM).';
    const bytes = Buffer.from(text);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    store.originals.put(sha256, bytes);
    const source = store.sources.insert({
      title: 'CRS brief',
      reliability: 'B',
      text,
      sha256,
      fileName: 'crs-brief.txt',
      format: 'txt',
    });
    store.sources.cite({
      sourceId: source,
      subjectKind: 'relation',
      subjectId: relation,
      quote: 'the GSPC became AQIM',
      credibility: 2,
    });
    store.notes.insert({ kind: 'entity', id: aqim }, 'Private judgement.', true);
    store.notes.insert({ kind: 'case', id: null }, 'Shareable context.', false);
  });
  // Suggestions are worked out (and stored) when first listed: list them now, so listing is a pure read.
  listSuggestions(store, 1);
  session.close();
}

/** Options: the check that the seed case can be written (to open it read-only, as on a read-only disk). */
export async function createFuzzEnvironment(
  options: Pick<SessionOptions, 'checkWritable'> = {},
): Promise<FuzzEnvironment> {
  // In memory where there is a tmpfs: the fuzz run opens and closes cases thousands of times.
  const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'aw-fuzz-'));
  // Uploads and exports write under the system's temporary folder: keep them inside the test's.
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = path.join(root, 'tmp');
  fs.mkdirSync(process.env.TMPDIR, { recursive: true });
  const resources = path.join(root, 'resources');
  writeSampleCase(resources);
  const session = new CaseSession({
    dataDir: path.join(root, 'data'),
    backups: { automatic: false },
    checkWritable: options.checkWritable,
  });
  const seed = path.join(root, 'seed.awcase');
  seedCase(session, seed);
  const pristine = path.join(root, 'seed.pristine');
  fs.copyFileSync(seed, pristine);
  session.open(seed);
  const backup = await session.backups!.backUpNow(seed);
  const csv = path.join(root, 'groups.csv');
  fs.writeFileSync(csv, 'type,name\norganization,Ansar Dine\norganization,Al Mourabitoun\n');
  const uploadId = uploadFromFile(csv);
  const report = path.join(root, 'report.txt');
  fs.writeFileSync(report, 'Report.');
  const documentUpload = uploadFromFile(report);
  const dispatch = createDispatch(createHandlers({ session, resourcesDir: resources }), {
    verifyCaller: (caller) => caller.kind === 'browser' && caller.token === 'fuzz',
  });
  const inRoot = (name: string): string => path.join(root, name);
  const gexf = Buffer.from(
    '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="Ansar Dine"/><node id="b" label="AQIM"/></nodes><edges><edge id="e" source="a" target="b" label="splinter_of"/></edges></graph></gexf>',
  ).toString('base64');
  const caseFile = Buffer.from(exportBytes(session.store, 'case', 'shareable')).toString('base64');
  const examples: Partial<Record<ChannelName, unknown[]>> = {
    'case:info': [{}],
    'case:create': [{}, { path: inRoot('cases/new.awcase') }],
    'case:open': [{ path: seed }, { path: seed, readOnly: true }, { path: inRoot('missing.awcase') }],
    'case:openSample': [{}],
    'case:recent': [{}],
    'entities:list': [{ offset: 0, limit: 100, sort: [{ column: 'name', dir: 'asc' }], quick: 'aq' }],
    'entities:get': [{ id: 1 }],
    'entities:create': [
      { type: 'organization', name: 'Ansar al Dine', aliases: ['Ansar Dine'], summary: 's' },
    ],
    'entities:update': [{ id: 1, patch: { name: 'AQIM (renamed)' } }],
    'entities:delete': [{ ids: [3] }],
    'relations:list': [{ offset: 0, limit: 100 }],
    'relations:create': [{ sourceId: 1, targetId: 2, type: 'splinter_of', startDate: '2013' }],
    'relations:update': [{ id: 1, patch: { endDate: '2017' } }],
    'relations:delete': [{ ids: [2] }],
    'notes:list': [{ subject: { kind: 'entity', id: 1 } }],
    'notes:save': [{ subject: { kind: 'entity', id: 1 }, body: 'note', private: true }],
    'notes:delete': [{ id: 1 }],
    'sources:list': [{}],
    'sources:get': [{ id: 1 }],
    'history:state': [{}],
    'history:undo': [{}],
    'history:redo': [{}],
    'sheet:get': [{ tab: 'entities' }],
    'sheet:saveLayout': [{ tab: 'entities', columns: [{ colId: 'name', width: 200 }] }],
    'entities:tag': [{ ids: [1], tag: 'Sahel' }],
    'entities:merge': [{ keepId: 1, mergeIds: [2] }],
    'csvExport:get': [{ tab: 'entities', columns: ['name'], query: { quick: 'aq' } }],
    'csvImport:upload': [
      { fileName: 'groups.csv', chunk: 'bmFtZQo=', totalBytes: 5 },
      { uploadId, fileName: 'groups.csv', chunk: 'eAo=', totalBytes: 2 },
    ],
    'csvImport:info': [{ uploadId, kind: 'entities', delimiter: ',' }],
    'csvImport:run': [{ uploadId, kind: 'entities', delimiter: ',', jobId: 'b'.repeat(32) }],
    'csvImport:state': [{ jobId: 'b'.repeat(32) }],
    'csvImport:cancel': [{ jobId: 'b'.repeat(32) }],
    'graph:get': [{ afterNode: 0, afterEdge: 0, limit: 100 }],
    'graph:savePositions': [{ layout: 'force', positions: [[1, 10, 20]], merge: true }],
    'search:list': [{ query: 'droukdel', limit: 10 }],
    'citations:list': [{ sourceId: 1 }],
    'citations:create': [{ sourceId: 1, quote: 'GSPC', credibility: 2, subject: { kind: 'entity', id: 2 } }],
    'citations:createEntity': [
      { sourceId: 1, quote: 'AQIM', credibility: 2, entity: { type: 'person', name: 'X' } },
    ],
    'citations:delete': [{ id: 1 }],
    'sources:setReliability': [{ id: 1, reliability: 'C' }],
    'subjects:get': [{ subject: { kind: 'entity', id: 1 } }],
    'noteCounts:get': [{ kind: 'entity', ids: [1] }],
    'case:exportJson': [{ includeShareableNotes: false }, { includeShareableNotes: true }],
    'backups:list': [{}, { path: seed }],
    'backups:restore': [{ id: backup.id }, { path: seed, id: backup.id }],
    'graph:rows': [{ entityIds: [1, 2, 99], relationIds: [1], sources: true }],
    'interchange:import': [
      { name: 'network.gexf', bytes: gexf, dryRun: true },
      { name: 'network.gexf', bytes: gexf, unknownTypes: 'add', jobId: 'e'.repeat(32) },
      { name: 'network.gexf', bytes: gexf, typeMap: { splinter_of: 'allied_with' }, unknownTypes: 'reject' },
      { name: 'case.json', format: 'case', bytes: caseFile, dryRun: true },
    ],
    'interchange:importState': [{ jobId: 'e'.repeat(32) }],
    'interchange:export': [
      { format: 'gexf' },
      { format: 'graphml', notes: 'shareable' },
      { format: 'stix', notes: 'none' },
      { format: 'cyjs' },
      { format: 'case', notes: 'shareable' },
    ],
    'case:importFile': [{ name: 'colleague.json', bytes: caseFile }],
    'analytics:saveCentrality': [
      { weighted: false, directed: true },
      { weighted: true, directed: false, types: ['renamed_to', 'leader_of'] },
    ],
    'attributes:list': [{}],
    'caseTypes:list': [{}],
    'uploads:put': [
      { name: 'report.txt', chunk: 'UmVwb3J0Lg==', totalBytes: 7 },
      { uploadId: documentUpload, name: 'report.txt', chunk: 'UmVwb3J0Lg==', totalBytes: 7 },
    ],
    'sources:import': [
      {
        files: [
          {
            name: 'report.txt',
            bytes: Buffer.from('Ansar Dine split from AQIM in 2012.').toString('base64'),
          },
        ],
      },
      {
        files: [{ name: 'notes.md', bytes: 'IyBOb3RlcwpHU1BDLg==', encoding: 'utf-8' }],
        jobId: 'd'.repeat(32),
      },
      { files: [{ name: 'report.txt', uploadId: documentUpload }] },
      {
        files: [
          { name: 'page.html', bytes: Buffer.from('<p>AQIM</p><script>x()</script>').toString('base64') },
        ],
      },
    ],
    'sources:importState': [{ jobId: 'd'.repeat(32) }],
    'sources:importCancel': [{ jobId: 'd'.repeat(32) }],
    'sources:update': [
      { id: 1, patch: { author: 'Alexis Arieff', language: 'en', publishedOn: '2017-03-20' } },
    ],
    'sources:delete': [{ id: 1 }],
    'sources:original': [{ id: 1 }],
    'extraction:suggestions': [{ sourceId: 1 }],
    'extraction:review': [
      { sourceId: 1, decisions: [{ id: 1, action: 'accept' }] },
      { sourceId: 1, decisions: [{ id: 2, action: 'reject' }] },
      { sourceId: 1, decisions: [{ id: 1, action: 'accept', edit: { type: 'splinter_of' } }] },
    ],
    'vocabulary:list': [{}],
    'vocabulary:save': [
      {
        kind: 'entity',
        type: { id: 'vehicle', label: 'Vehicle', plural: 'Vehicles', colour: '#00897b', shape: 'diamond' },
      },
      {
        kind: 'relation',
        type: {
          id: 'kinship',
          reads: 'is related to',
          symmetric: true,
          lineage: false,
          colour: '#00897b',
          lineStyle: 'dashed',
        },
      },
    ],
    'vocabulary:merge': [{ kind: 'relation', from: 'leader_of', into: 'allied_with' }],
    'vocabulary:delete': [{ kind: 'entity', id: 'event' }],
  };
  const env: FuzzEnvironment = {
    root,
    session,
    dispatch,
    seed,
    examples,
    changed: false,
    reset() {
      env.changed = false;
      session.close();
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${seed}${suffix}`, { force: true });
      fs.copyFileSync(pristine, seed);
      session.open(seed);
    },
    async close() {
      session.close();
      await session.backups?.idle();
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return env;
}

/** The open case's file and every byte of its database (compared whole: cheaper than hashing it). */
interface CaseImage {
  file: string | null;
  bytes: Buffer | null;
}

function caseImage(env: FuzzEnvironment): CaseImage {
  if (!env.session.isOpen) return { file: null, bytes: null };
  const { store } = env.session;
  return { file: store.file, bytes: store.db.serialize() };
}

const sameImage = (a: CaseImage, b: CaseImage): boolean =>
  a.file === b.file && (a.bytes === b.bytes || (!!a.bytes && !!b.bytes && a.bytes.equals(b.bytes)));

const describePayload = (payload: unknown): string => {
  try {
    return (JSON.stringify(payload) ?? String(payload)).slice(0, 300);
  } catch {
    return String(payload).slice(0, 300);
  }
};

/**
 * Sends `runs` generated payloads to one channel (fast-check property; it shrinks a failing one).
 * Payloads the schema refuses are checked against the case's hash in batches; payloads that reach
 * the handler and are refused, one by one; the seed case is put back every so often, so writes
 * that were accepted do not wear it away.
 */
export async function fuzzChannel(
  env: FuzzEnvironment,
  channel: ChannelName,
  runs: number,
  seed?: number,
): Promise<FuzzStats> {
  const schema = contract[channel].input;
  const stats: FuzzStats = { channel, payloads: 0, accepted: 0, refused: 0, ms: 0 };
  const start = performance.now();
  const onSeed = (): boolean =>
    env.session.isOpen && env.session.store.file === env.seed && env.session.store.readOnly === null;
  if (env.changed || !onSeed()) env.reset();
  let baseline = caseImage(env);
  let unchecked = 0;
  const check = (what: string): void => {
    if (!sameImage(caseImage(env), baseline)) throw new Error(what);
    unchecked = 0;
  };
  const settle = (): void => {
    // After a case switch (or read-only reopening) the seed case comes back.
    env.changed = true;
    if (!onSeed()) env.reset();
    baseline = caseImage(env);
  };
  // A valid payload is sent once: sending `{}` to case:create a thousand times makes a thousand
  // cases and tests nothing new. Invalid payloads are sent however often they come.
  const sent = new Set<string>();
  const once = (payload: unknown): boolean => {
    if (!schema.safeParse(payload).success) return true;
    let key: string;
    try {
      key = JSON.stringify(payload);
    } catch {
      return true;
    }
    if (sent.has(key)) return false;
    sent.add(key);
    return true;
  };
  const payloads = payloadsFor(channel, env.examples[channel] ?? [], env.root).filter(once);
  const property = fc.asyncProperty(payloads, async (payload) => {
    stats.payloads++;
    if (stats.payloads % 500 === 0 && env.changed) {
      // Accepted writes wear the seed case away: put it back every so often.
      check('one of the last payloads the schema refused changed the case');
      env.reset();
      baseline = caseImage(env);
    }
    const reachesHandler = schema.safeParse(payload).success;
    if (reachesHandler && isWrite(channel) && unchecked > 0)
      check('one of the last payloads the schema refused changed the case');
    const result = await env.dispatch(channel, payload, CALLER);
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean')
      throw new Error(`the answer is not a result envelope: ${describePayload(result)}`);
    // A read must change nothing, refused or not: it joins the batch checked every 250 payloads.
    const write = isWrite(channel);
    if (result.ok) {
      stats.accepted++;
      if (!reachesHandler) throw new Error('a payload the schema refuses was accepted');
      if (write) settle();
      else if (++unchecked >= 250) check(`one of the last 250 payloads to ${channel} changed the case`);
      return;
    }
    stats.refused++;
    if (result.error.code === 'internal')
      throw new Error(`the handler failed unexpectedly: ${result.error.message}`);
    if (!isSentence(result.error.message))
      throw new Error(`the refusal is not a sentence: ${JSON.stringify(result.error.message)}`);
    // A refused write may have begun writing: the case must be exactly as it was, now.
    if (reachesHandler && write) check(`a refused payload changed the case (${result.error.message})`);
    else if (++unchecked >= 250) check('one of the last 250 refused payloads changed the case');
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown): void => void unhandled.push(error);
  process.on('unhandledRejection', onUnhandled);
  try {
    await fc.assert(property, { numRuns: runs, seed });
    check('one of the last payloads the schema refused changed the case');
  } finally {
    process.off('unhandledRejection', onUnhandled);
    stats.ms = performance.now() - start;
  }
  if (unhandled.length) throw new Error(`${channel}: unhandled rejection ${String(unhandled[0])}`);
  return stats;
}
