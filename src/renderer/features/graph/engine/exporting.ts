// Exporting the graph as an image: the export room's PNG and SVG writers, given the drawing, the
// sources cited, and their threads.
import type { EdgesWorkerApi } from '../export/edges.worker';
import { exportPng } from '../export/png';
import type { PngWorkerApi } from '../export/png.worker';
import { exportSvg } from '../export/svg';
import type { ExportOptions, PngResult } from '../export/types';
import type { GraphController } from './GraphController';
import { WorkerClient, spawnEdgeRasterWorker, spawnPngWorker } from './workers';

/**
 * The export's edge thread, started when a big graph is drawn and kept for later exports: a worker
 * takes up to a second to start on a busy machine (beside the export's synchronous drawing it
 * waited that long for this thread's event loop), and idle it holds nothing.
 */
export interface ExportThreads {
  prewarm(): void;
  edgeThread(): WorkerClient<EdgesWorkerApi>;
  dispose(): void;
}

function threads(): ExportThreads {
  let edgeThread: WorkerClient<EdgesWorkerApi> | null = null;
  const start = () => (edgeThread ??= new WorkerClient<EdgesWorkerApi>(spawnEdgeRasterWorker));
  return {
    prewarm: () => void start(),
    edgeThread: start,
    dispose: () => {
      edgeThread?.dispose();
      edgeThread = null;
    },
  };
}

function png(c: GraphController, options: ExportOptions, threads: ExportThreads): Promise<PngResult> {
  const drawing = c.drawing!;
  return exportPng(drawing.cy, options, {
    sources: c.sources,
    host: drawing.internals,
    straightEdges: drawing.large,
    edgeModel: drawing.edgeLayer?.currentModel() ?? null,
    edgeThread: threads.edgeThread,
    pngEncoder: () => new WorkerClient<PngWorkerApi>(spawnPngWorker),
  });
}

function svg(c: GraphController, options: ExportOptions): string {
  const drawing = c.drawing!;
  return exportSvg(drawing.cy, options, { sources: c.sources, host: drawing.internals });
}

export const exportImage = { threads, png, svg };
