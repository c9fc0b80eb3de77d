import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../../../../shared/vocabulary';
import { edgeLabel, lineageEnds } from './graphData';
import { entityStyle, isSymmetric, relationColour, stylesheet } from './style';
import { setGraphTypes } from './types';

/** A case that added a militia type and two relation types of its own. */
const CASE: Vocabulary = {
  entityTypes: [
    ...DEFAULT_VOCABULARY.entityTypes,
    { id: 'militia', label: 'Militia', plural: 'Militias', colour: '#00897b', shape: 'triangle' },
  ],
  relationTypes: [
    ...DEFAULT_VOCABULARY.relationTypes,
    {
      id: 'absorbed',
      reads: 'absorbed',
      symmetric: false,
      lineage: true,
      colour: '#5e35b1',
      lineStyle: 'solid',
    },
    {
      id: 'prior_contact',
      reads: 'was in contact with',
      symmetric: true,
      lineage: false,
      colour: '#f4511e',
      lineStyle: 'dashed',
    },
  ],
};

const edge = (type: string) => ({
  id: 1,
  source: 10,
  target: 20,
  type,
  start: null,
  end: null,
  corroboration: 1,
  grade: null,
  sources: [],
});

afterEach(() => void setGraphTypes(DEFAULT_VOCABULARY));

describe('the graph draws the case’s own types', () => {
  it('colours, shapes and names a type the case added, and styles it in the stylesheet', () => {
    expect(entityStyle('militia')).toEqual({ colour: '#5c6677', shape: 'ellipse', plural: 'Other' });
    expect(setGraphTypes(CASE)).toBe(true);
    expect(setGraphTypes(structuredClone(CASE))).toBe(false); // the same types read again: no redraw
    expect(entityStyle('militia')).toEqual({ colour: '#00897b', shape: 'triangle', plural: 'Militias' });
    expect(relationColour('absorbed')).toBe('#5e35b1');
    const rule = stylesheet(false).find((b) => 'selector' in b && b.selector === 'node[type = "militia"]');
    expect(rule).toMatchObject({ style: { 'background-color': '#00897b', shape: 'triangle' } });
  });

  it('reads, orders and counts relations by the case’s types: lineage, symmetric, how they read', () => {
    setGraphTypes(CASE);
    expect(lineageEnds(edge('absorbed'))).toEqual({ older: 10, newer: 20 });
    expect(lineageEnds(edge('prior_contact'))).toBeNull();
    expect(isSymmetric('prior_contact')).toBe(true);
    expect(edgeLabel(edge('prior_contact'), { years: false, grade: false })).toBe('was in contact with');
  });

  it('follows a type the case renamed, and forgets one it removed', () => {
    setGraphTypes(CASE);
    setGraphTypes({
      entityTypes: CASE.entityTypes.filter((t) => t.id !== 'militia'),
      relationTypes: CASE.relationTypes.map((t) => (t.id === 'absorbed' ? { ...t, reads: 'took in' } : t)),
    });
    expect(edgeLabel(edge('absorbed'), { years: false, grade: false })).toBe('took in');
    expect(entityStyle('militia').plural).toBe('Other');
  });
});
