import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../../testing/tempCase';

let t: TempCase;
afterEach(() => t?.cleanup());

describe('paged rows and their total', () => {
  it('gives the same total from a short page, a full page, the last page and past the end', () => {
    t = tempCase();
    const { store } = t;
    const ids = store.transaction(() =>
      Array.from({ length: 250 }, (_, i) =>
        store.entities.insert({ type: i % 5 ? 'organization' : 'person', name: `Katiba ${i}` }),
      ),
    );
    store.transaction(() => {
      for (let i = 1; i < ids.length; i++)
        store.relations.insert({ sourceId: ids[i - 1]!, targetId: ids[i]!, type: 'allied_with' });
    });
    const persons = store.db.prepare("SELECT count(*) FROM entity WHERE type = 'person'").pluck().get();
    expect(persons).toBe(50);
    for (const [offset, limit] of [
      [0, 100],
      [0, 10],
      [40, 100],
      [49, 1],
      [50, 10],
      [400, 10],
    ] as const) {
      const page = store.entities.page({
        filters: { type: { kind: 'set', values: ['person'] } },
        offset,
        limit,
      });
      expect(page.total, `offset ${offset} limit ${limit}`).toBe(50);
      expect(page.rows).toHaveLength(Math.max(0, Math.min(limit, 50 - offset)));
    }
    expect(store.entities.page({ quick: 'Katiba 249', offset: 0, limit: 100 })).toMatchObject({ total: 1 });
    expect(store.entities.page({ quick: 'nothing like it', offset: 0, limit: 100 })).toMatchObject({
      rows: [],
      total: 0,
    });
    expect(store.entities.page({ offset: 200, limit: 100 }).total).toBe(250);
    expect(store.relations.page({ quick: 'Katiba 12', offset: 0, limit: 100 }).total).toBe(
      store.db
        .prepare(
          "SELECT count(*) FROM relation r WHERE r.source_id IN (SELECT id FROM entity WHERE name LIKE '%Katiba 12%') OR r.target_id IN (SELECT id FROM entity WHERE name LIKE '%Katiba 12%')",
        )
        .pluck()
        .get(),
    );
    expect(store.relations.page({ offset: 240, limit: 100 }).total).toBe(249);
  });
});
