import { describe, expect, it } from 'vitest';
import { clampToArea, windowBounds } from './windowSize';

describe('the desktop window size', () => {
  it('is never wider or taller than the work area, from a 1280 px laptop to a 1920 px screen', () => {
    for (const [width, height] of [
      [1280, 720],
      [1366, 728],
      [1440, 860],
      [1920, 1040],
    ] as const) {
      const b = windowBounds({ x: 0, y: 40, width, height });
      expect(b.width).toBeLessThanOrEqual(width);
      expect(b.height).toBeLessThanOrEqual(height);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(40 + height);
      expect(b.minWidth).toBeLessThanOrEqual(b.width);
    }
    expect(windowBounds({ x: 0, y: 0, width: 1920, height: 1040 })).toMatchObject({
      width: 1440,
      height: 900,
      x: 240,
    });
    expect(windowBounds({ x: 0, y: 0, width: 1280, height: 720 })).toMatchObject({
      width: 1280,
      height: 720,
      x: 0,
    });
  });

  it('brings a window left wider than a new, smaller screen back inside it', () => {
    expect(
      clampToArea({ x: 300, y: 0, width: 1440, height: 900 }, { x: 0, y: 0, width: 1280, height: 760 }),
    ).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 760,
    });
    expect(
      clampToArea({ x: 10, y: 10, width: 800, height: 600 }, { x: 0, y: 0, width: 1280, height: 760 }),
    ).toBeNull();
  });
});
