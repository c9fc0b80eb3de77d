// The desktop window's size: as large as it likes to be (1440 × 900), never larger than the screen's
// work area (a 1280 px laptop or a 1920 px monitor, task bar excluded), centred in it.
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const PREFERRED = { width: 1440, height: 900 };
export const SMALLEST = { width: 1024, height: 700 };

export function windowBounds(workArea: Area): Area & { minWidth: number; minHeight: number } {
  const width = Math.min(PREFERRED.width, workArea.width);
  const height = Math.min(PREFERRED.height, workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    width,
    height,
    // A smaller screen than the smallest window we would like: the screen wins.
    minWidth: Math.min(SMALLEST.width, workArea.width),
    minHeight: Math.min(SMALLEST.height, workArea.height),
  };
}

/** A window moved to (or left on) a smaller screen is brought back inside its work area. */
export function clampToArea(bounds: Area, workArea: Area): Area | null {
  if (
    bounds.width <= workArea.width &&
    bounds.height <= workArea.height &&
    bounds.x >= workArea.x &&
    bounds.y >= workArea.y &&
    bounds.x + bounds.width <= workArea.x + workArea.width &&
    bounds.y + bounds.height <= workArea.y + workArea.height
  )
    return null;
  const width = Math.min(bounds.width, workArea.width);
  const height = Math.min(bounds.height, workArea.height);
  return {
    width,
    height,
    x: Math.min(Math.max(bounds.x, workArea.x), workArea.x + workArea.width - width),
    y: Math.min(Math.max(bounds.y, workArea.y), workArea.y + workArea.height - height),
  };
}
