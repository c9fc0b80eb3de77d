// File ▸ Export ▸ Graph image: PNG or SVG, with scale, background, area, caption, legend and sources.
import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../../../lib/platform';
import { Dialog } from '../../../ui/Dialog';
import type { GraphController } from '../engine/GraphController';
import type { ExportOptions } from '../export/types';

interface Props {
  format: 'png' | 'svg';
  controller: GraphController;
  sizeMeaning: string;
  onClose: () => void;
}

function fileStem(): string {
  return `graph-${new Date().toISOString().slice(0, 10)}`;
}

export function ExportDialog({ format: initialFormat, controller, sizeMeaning, onClose }: Props) {
  const [format, setFormat] = useState(initialFormat);
  // The image shows every node at its size: a big graph's resize still under way is finished first.
  useEffect(() => controller.prepareExport(), [controller]);
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [area, setArea] = useState<'full' | 'view'>('full');
  const [caption, setCaption] = useState('');
  const [legend, setLegend] = useState(true);
  const [withSources, setWithSources] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // Closed (Cancel, Escape) while the image was being made: it is not saved.
  const cancelled = useRef(false);
  const close = () => {
    cancelled.current = true;
    onClose();
  };
  const run = async () => {
    setBusy(true);
    setError('');
    const options: ExportOptions = {
      scale,
      background,
      area,
      caption,
      legend,
      sources: withSources,
      sizeMeaning,
    };
    try {
      if (format === 'png') {
        const { blob } = await controller.exportPng(options);
        if (cancelled.current) return;
        await saveFile(`${fileStem()}.png`, blob, 'image/png');
      } else {
        await saveFile(`${fileStem()}.svg`, await controller.exportSvg(options), 'image/svg+xml');
      }
      onClose();
    } catch (e) {
      setError(
        `The image could not be made (${(e as Error).message}). Try a smaller scale or the current view only.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export graph image" onClose={close}>
      <form
        aria-label="Export graph image"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset className="graph-export-row">
          <legend>Format</legend>
          <label className="checkbox">
            <input type="radio" name="format" checked={format === 'png'} onChange={() => setFormat('png')} />{' '}
            PNG
          </label>
          <label className="checkbox">
            <input type="radio" name="format" checked={format === 'svg'} onChange={() => setFormat('svg')} />{' '}
            SVG
          </label>
        </fieldset>
        <div className="graph-export-row">
          <label>
            Area
            <select value={area} onChange={(e) => setArea(e.target.value as 'full' | 'view')}>
              <option value="full">Whole graph</option>
              <option value="view">Current view</option>
            </select>
          </label>
          {format === 'png' && (
            <label>
              Scale
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                {[1, 2, 3, 4].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Background
            <select
              value={background}
              onChange={(e) => setBackground(e.target.value as 'white' | 'transparent')}
            >
              <option value="white">White</option>
              <option value="transparent">Transparent</option>
            </select>
          </label>
        </div>
        <label>
          Caption (optional)
          <input type="text" maxLength={500} value={caption} onChange={(e) => setCaption(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} /> Draw the
          legend
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={withSources} onChange={(e) => setWithSources(e.target.checked)} />{' '}
          List the sources cited by the relations shown
        </label>
        <p className="muted">Notes are never drawn into the image.</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
