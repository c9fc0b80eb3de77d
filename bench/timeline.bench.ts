// Timeline figures (issue 18), in Chromium against the browser shell. `npm run bench -- timeline`.
// A case of 100 groups with lifetimes and 10,000 dated relations between them:
// - drawn: from asking main for the case to the timeline drawn (target < 1 s), beside the same
//   page's fetch of the case alone (graph:get pages) as the baseline;
// - pan: the p95 frame interval during a 3 s scripted pan with at least 2,000 items in view
//   (target < 33 ms), beside the p95 of the same page with the timeline idle, in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, startShell } from '../e2e/fixtures/shell';
import { CaseStore } from '../src/main/store';
import { median, report, scratch } from './lib';

declare global {
  interface Window {
    __awTimeline?: {
      timelineModel(): { items: unknown[] } | null;
      timing: { askedAt: number; dataAt: number; drawnAt: number };
      draw(): void;
      itemsDrawn: number;
    };
    __awTime?: { set(patch: { window: { start: number; end: number } | null; origin: string }): void };
  }
}

const GROUPS = 100;
const RELATIONS = 10_000;
const TYPES = ['splinter_of', 'merged_into', 'affiliate_of', 'allied_with', 'rival_of', 'supported'];

function buildCase(file: string): void {
  fs.rmSync(file, { force: true });
  const store = CaseStore.open(file, { create: true });
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  store.transaction(() => {
    store.entities.insertMany(
      (function* () {
        for (let i = 0; i < GROUPS; i++) {
          const from = 1990 + Math.floor(rand() * 15);
          yield {
            type: 'organization' as const,
            name: `Group ${i}`,
            activeFrom: i % 10 === 0 ? null : String(from),
            activeTo: i % 3 === 0 ? String(from + 5 + Math.floor(rand() * 20)) : null,
          };
        }
      })(),
    );
    for (let i = 0; i < RELATIONS; i++) {
      const source = 1 + (i % GROUPS);
      const target = 1 + ((source + 1 + Math.floor(rand() * (GROUPS - 1))) % GROUPS);
      const year = 1995 + Math.floor(rand() * 25);
      const month = 1 + Math.floor(rand() * 12);
      const interval = rand() < 0.3;
      store.relations.insert({
        sourceId: source,
        targetId: target === source ? 1 + (source % GROUPS) : target,
        type: TYPES[i % TYPES.length]!,
        startDate: `${year}-${String(month).padStart(2, '0')}`,
        endDate: interval ? String(year + 1 + Math.floor(rand() * 4)) : null,
      });
    }
  });
  store.close();
}

function p95(frames: number[]): number {
  const sorted = [...frames].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

/** Frame intervals over `ms`, while `step` runs once per frame (strings: no bundler helpers in the page). */
const FRAMES = (ms: number, pan: boolean) => `new Promise((resolve) => {
  const frames = [];
  const t = window.__awTimeline;
  const started = performance.now();
  let last = started;
  let items = Infinity;
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    if (${pan}) {
      t.panBy(-3);
      items = Math.min(items, t.itemsDrawn);
    }
    if (now - started < ${ms}) requestAnimationFrame(tick);
    else resolve({ frames: frames.slice(1), items: ${pan} ? items : t.itemsDrawn, draws: t.drawTimes.slice(-frames.length) });
  };
  requestAnimationFrame(tick);
})`;

export async function run(): Promise<void> {
  const dir = scratch('timeline');
  const file = path.join(dir, 'timeline.awcase');
  buildCase(file);
  const shell = await startShell({ casePath: file, dataDir: path.join(dir, 'data') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // A tall timeline, so the pan has thousands of items in view.
    await page.addInitScript(() =>
      localStorage.setItem(
        'aw-workspace-layout',
        JSON.stringify({ timelineOpen: true, timelineHeight: 720, sheetWidth: 400, sideOpen: false }),
      ),
    );
    await page.goto(shell.url);
    await page.waitForFunction(
      (n) => (window.__awTimeline?.timelineModel()?.items.length ?? 0) >= n,
      RELATIONS * 0.99,
      { timeout: 120_000, polling: 50 },
    );
    const timing = await page.evaluate(() => window.__awTimeline!.timing);
    const items = await page.evaluate(() => window.__awTimeline!.timelineModel()!.items.length);
    report({
      name: 'timeline: 10,000 dated relations drawn (case asked → timeline drawn)',
      value: timing.drawnAt - timing.askedAt,
      unit: 'ms',
      baseline: timing.dataAt - timing.askedAt,
      baselineName: 'the same case fetched alone (graph:get pages)',
      target: '< 1000 ms',
      items,
    });
    // Every year of the case in view: the rows on screen hold thousands of items.
    await page.evaluate(() =>
      window.__awTime!.set({
        window: { start: Date.UTC(1993, 0, 1), end: Date.UTC(2025, 0, 1) },
        origin: 'bench',
      }),
    );
    await page.waitForTimeout(500);
    const redraws = await page.evaluate(() => {
      const t = window.__awTimeline!;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        t.draw();
        times.push(performance.now() - started);
      }
      return times;
    });
    const idle = (await page.evaluate(FRAMES(3000, false))) as { frames: number[]; items: number };
    const pan = (await page.evaluate(FRAMES(3000, true))) as {
      frames: number[];
      items: number;
      draws: number[];
    };
    report({
      name: 'timeline: p95 frame interval during a 3 s pan',
      value: p95(pan.frames),
      unit: 'ms',
      baseline: p95(idle.frames),
      baselineName: 'the same page, timeline idle',
      target: '< 33 ms with >= 2,000 items in view',
      itemsInView: pan.items,
      frames: pan.frames.length,
      median_ms: median(pan.frames),
      max_ms: Math.max(...pan.frames),
      draw_median_ms: median(redraws),
      draw_p95_during_pan_ms: p95(pan.draws),
    });
  } finally {
    await browser.close();
    await shell.stop();
  }
}
