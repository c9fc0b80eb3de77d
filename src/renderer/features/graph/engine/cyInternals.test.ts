import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { readEdgeLook } from '../bigGraph/edgeLook';
import { DASH_DASHED, DASH_DOTTED, DASH_SOLID, newLayerModel } from '../bigGraph/edgeView';
import { packColour } from '../bigGraph/rasterEdges';
import { stylesheet } from '../model/style';
import { styleOf } from './cyInternals';

const red = packColour('#ff0000');
const blue = packColour('#0000ff');

describe("an edge's look read from cytoscape (the layer and a layer-less export share it)", () => {
  it('takes colour and width from the style, the dash from the classes, and 0 opacity when hidden', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: stylesheet(true),
      elements: [
        { data: { id: 'a' } },
        { data: { id: 'b' } },
        { data: { id: 'e0', source: 'a', target: 'b', colour: '#ff0000' } },
        { data: { id: 'e1', source: 'a', target: 'b', colour: '#0000ff' }, classes: 'single' },
        { data: { id: 'e2', source: 'b', target: 'a', colour: '#0000ff' }, classes: 'loop' },
        { data: { id: 'e3', source: 'a', target: 'b', colour: '#ff0000' }, classes: 'hidden' },
      ],
    });
    const m = newLayerModel(2, 4);
    cy.edges().forEach((edge, i) => readEdgeLook(m, i, edge, styleOf));
    expect([...m.colour]).toEqual([red, blue, blue, red]);
    expect([...m.dash]).toEqual([DASH_SOLID, DASH_DASHED, DASH_DOTTED, DASH_SOLID]);
    expect(m.opacity[0]).toBe(1);
    expect(m.opacity[3]).toBe(0);
    expect(m.width[2]).toBe(2); // a loop is drawn wider (style.ts)
    cy.destroy();
  });
});
