// A draggable, keyboard-operable divider between two panes (role="separator").
import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the value, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

const STEP = 24;

function settle(): void {
  // Panes that size themselves on window resize (cytoscape) follow the divider.
  window.dispatchEvent(new Event('resize'));
}

export function Splitter({ label, value, min, max, direction, onChange }: SplitterProps) {
  const clamp = (v: number): number => Math.min(max, Math.max(min, Math.round(v)));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    const startX = event.clientX;
    const start = value;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent): void =>
      onChange(clamp(start + direction * (e.clientX - startX)));
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      settle();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = event.key === 'ArrowLeft' ? -STEP : event.key === 'ArrowRight' ? STEP : 0;
    if (!delta) return;
    event.preventDefault();
    onChange(clamp(value + direction * delta));
    settle();
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
