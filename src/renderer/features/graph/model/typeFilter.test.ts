import { describe, expect, it } from 'vitest';
import { followTypeFilter, hiddenPickFor } from './typeFilter';

const nodes = (...types: string[]) => types.map((type) => ({ type }));

describe('the entity-type filter follows the data', () => {
  it('shows every type of a case none of whose types it shows, and keeps a choice that shows some', () => {
    expect(followTypeFilter(['organization'], nodes('person', 'person', 'other'), null).entityTypes).toEqual([
      'other',
      'person',
    ]);
    expect(followTypeFilter(['organization'], nodes('organization', 'person'), null).entityTypes).toBeNull();
  });

  it('turns on a type whose entities grew since the last read, and only that', () => {
    const first = followTypeFilter(['organization'], nodes('organization', 'person'), null);
    const after = followTypeFilter(
      ['organization'],
      nodes('organization', 'person', 'person', 'location'),
      first.counts,
    );
    expect(after.entityTypes).toEqual(['organization', 'person', 'location']);
    expect(
      followTypeFilter(['organization'], nodes('organization', 'person'), first.counts).entityTypes,
    ).toBeNull();
  });
});

describe('a picked search result of a hidden type', () => {
  const data = [{ id: 7, type: 'location', name: 'Gao' }];
  const plurals = new Map([['location', 'Places']]);
  it('says so, and clears when the type shows', () => {
    const pick = hiddenPickFor({ entityIds: [7], origin: 'search' }, data, ['organization'], plurals, null);
    expect(pick).toMatchObject({ entityId: 7, text: '“Gao” is not in the graph: places are hidden.' });
    expect(
      hiddenPickFor({ entityIds: [7], origin: 'sheet' }, data, ['organization'], plurals, pick!),
    ).toBeUndefined();
    expect(hiddenPickFor({ entityIds: [7], origin: 'sheet' }, data, ['location'], plurals, pick!)).toBeNull();
  });
});
