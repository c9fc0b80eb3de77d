// Pane sizes of the workspace, kept between sessions on this machine.
import { useEffect, useState } from 'react';

export interface WorkspaceLayout {
  sheetWidth: number;
  sideWidth: number;
  sideOpen: boolean;
  timelineOpen: boolean;
  timelineHeight: number;
}

const KEY = 'aw-workspace-layout';
// At a 1400 px window the sheet shows Type, Name, Aliases and the counts, the graph keeps ~480 px.
const DEFAULT: WorkspaceLayout = {
  sheetWidth: 630,
  sideWidth: 240,
  sideOpen: true,
  // Folded at first: open, it takes 230 px from the graph, whose layouts fit the box they get.
  timelineOpen: false,
  timelineHeight: 230,
};

function load(): WorkspaceLayout {
  try {
    return { ...DEFAULT, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<WorkspaceLayout>) };
  } catch {
    return DEFAULT;
  }
}

export function useWorkspaceLayout(): [WorkspaceLayout, (patch: Partial<WorkspaceLayout>) => void] {
  const [layout, setLayout] = useState(load);
  useEffect(() => localStorage.setItem(KEY, JSON.stringify(layout)), [layout]);
  return [layout, (patch) => setLayout((current) => ({ ...current, ...patch }))];
}
