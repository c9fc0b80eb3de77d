// How React reads the graph: one controller per pane, its state through useSyncExternalStore.
import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { GraphController, type GraphState } from './GraphController';
import { hasHardwareWebGL } from './webgl';

/** The pane's controller, drawing into `container` while the pane is mounted, and its state. */
export function useGraph(container: RefObject<HTMLDivElement | null>): [GraphController, GraphState] {
  const [controller] = useState(() => new GraphController(hasHardwareWebGL()));
  useEffect(() => controller.mount(container.current!), [controller, container]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return [controller, state];
}
