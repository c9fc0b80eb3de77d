// setting table: per-case preferences (column layout, graph positions). Not journaled.
import type { Db } from '../db';

export class SettingRepo {
  constructor(private readonly db: Db) {}

  get<T>(key: string): T | null {
    const value = this.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as
      string | undefined;
    return value === undefined ? null : (JSON.parse(value) as T);
  }

  set(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
