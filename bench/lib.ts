// Benchmark helpers: every figure is one JSON line {"name","value","unit","baseline","ratio"},
// times in ms, measured against a baseline taken in the same run (DESIGN.md §6).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same measure for the baseline, in the same unit. */
  baseline: number | null;
  /** value / baseline (for rates, higher is better; for times, lower is better). */
  ratio: number | null;
  target?: string;
  [extra: string]: unknown;
}

export type FigureInput = Omit<Figure, 'ratio' | 'value' | 'baseline'> & {
  value: number;
  baseline: number | null;
  ratio?: number | null;
};

export function report(figure: FigureInput): void {
  const ratio = figure.ratio ?? (figure.baseline ? round(figure.value / figure.baseline, 3) : null);
  console.log(JSON.stringify({ ...figure, value: round(figure.value, 3), ratio }));
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A scratch folder under .bench/ (git-ignored), emptied first. */
export function scratch(name: string): string {
  const dir = path.resolve(import.meta.dirname, '..', '.bench', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function machine(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** CPU time (user + system) this process has used, in ms: on a shared machine, wall time mostly says how busy the others are. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function timeCpu<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = cpuMs();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, cpuMs: cpuMs() - cpu, result };
}

export async function timeCpuAsync<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = cpuMs();
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, cpuMs: cpuMs() - cpu, result };
}
