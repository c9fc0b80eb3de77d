import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempCase';
import { startCore } from './startup';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');
const entities = (
  JSON.parse(fs.readFileSync(path.join(RESOURCES, 'sample-case', 'case.json'), 'utf8')) as {
    entities: unknown[];
  }
).entities.length;

describe('starting a shell', () => {
  it('is written into a new case on the very first start, and the last case reopens after that', () => {
    const dir = tempDir();
    const first = startCore({ dataDir: dir, resourcesDir: RESOURCES });
    const info = first.session.info();
    expect(info.name).toBe('Maghreb and Sahel (sample)');
    expect(info.counts.entities).toBe(entities);
    first.session.close();
    const second = startCore({ dataDir: dir, resourcesDir: RESOURCES });
    expect(second.session.info().path).toBe(info.path);
    expect(second.session.recent()).toEqual([info.path]);
    second.session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the case asked for, creating it when missing', () => {
    const dir = tempDir();
    const core = startCore({
      dataDir: dir,
      resourcesDir: RESOURCES,
      casePath: path.join(dir, 'asked.awcase'),
    });
    expect(core.session.info()).toMatchObject({ name: 'asked', counts: { entities: 0 } });
    core.session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
