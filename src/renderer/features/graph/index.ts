// The graph feature's one door: the pane. Inside, its rooms import one way only —
// view → engine → {layout, bigGraph, export} → model (eslint.config.js).
export { GraphPane } from './view/GraphPane';
