// Every export the workbench makes on the main side, for the privacy property test. Adding one
// (GEXF, GraphML, STIX, Cytoscape JSON…) is one entry: the channel the renderer asks it through,
// whether the format carries notes at all, and how to make it as the app does.
import type { Readable } from 'node:stream';
import type { ChannelName } from '../../../shared/ipc/contract';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/model';
import { redeemDownload } from '../../services/downloads';
import { exportBytes } from '../../services/interchange/graphExport';
import { exportCase } from '../../services/notes/caseExport';
import { offerCsvExport } from '../../services/sheet/csvExport';
import { originalOf } from '../../services/sources/sources';
import type { CaseStore } from '../../store';

export interface ExportFormat {
  name: string;
  channel: ChannelName;
  /** Whether shareable notes go into this format when the analyst asks for them. */
  carriesNotes: boolean;
  /** The subjects whose shareable notes the format carries, when not every kind (a network file has no sources). */
  notesOn?: ('case' | 'entity' | 'relation' | 'source')[];
  /** The export's every byte, as text. */
  make(store: CaseStore, options: { includeShareableNotes: boolean }): Promise<string>;
}

async function download(downloadId: string): Promise<string> {
  const ticket = redeemDownload(downloadId);
  if (!ticket) throw new Error('the download ticket could not be redeemed');
  const chunks: Buffer[] = [];
  for await (const chunk of ticket.open() as Readable) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Every source's original document, as Save original… hands it out (inline or as a download). */
async function originals(store: CaseStore): Promise<string> {
  const texts: string[] = [];
  for (const { id } of store.sources.list()) {
    const file = originalOf(store, id);
    texts.push(
      'bytes' in file ? Buffer.from(file.bytes, 'base64').toString('utf8') : await download(file.downloadId),
    );
  }
  return texts.join('\n');
}

export const EXPORT_FORMATS: ExportFormat[] = [
  {
    name: 'CSV of the Entities tab, every column',
    channel: 'csvExport:get',
    carriesNotes: false,
    make: (store) =>
      download(
        offerCsvExport(store, { tab: 'entities', columns: [...ENTITY_COLUMNS], query: {} }).downloadId,
      ),
  },
  {
    name: 'CSV of the Relations tab, every column',
    channel: 'csvExport:get',
    carriesNotes: false,
    make: (store) =>
      download(
        offerCsvExport(store, { tab: 'relations', columns: [...RELATION_COLUMNS], query: {} }).downloadId,
      ),
  },
  {
    name: 'case JSON',
    channel: 'case:exportJson',
    carriesNotes: true,
    make: async (store, options) => JSON.stringify(exportCase(store, options)),
  },
  {
    name: 'original documents',
    channel: 'sources:original',
    carriesNotes: false,
    make: (store) => originals(store),
  },
  ...(['gexf', 'graphml', 'stix', 'cyjs', 'case'] as const).map((format): ExportFormat => ({
    name: `network export as ${format}`,
    channel: 'interchange:export',
    carriesNotes: true,
    ...(format === 'case' ? {} : { notesOn: ['entity', 'relation'] as ExportFormat['notesOn'] }),
    make: async (store, options) =>
      Buffer.from(exportBytes(store, format, options.includeShareableNotes ? 'shareable' : 'none')).toString(
        'utf8',
      ),
  })),
];
