// graphology-layout-forceatlas2 ships its single-iteration step without types; layouts.ts runs it
// directly so a big graph can stop on a time budget without rebuilding the matrices each time.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(
    settings: Record<string, unknown>,
    nodeMatrix: Float32Array,
    edgeMatrix: Float32Array,
  ): void;
}
