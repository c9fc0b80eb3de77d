// The ordered list of schema migrations. PRAGMA user_version holds the last one applied.
import { migration0001 } from './0001-init';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-counters';
import { migration0004 } from './0004-journal-rows';
import { migration0005 } from './0005-documents';
import { migration0006 } from './0006-vocabulary';
import { migration0007 } from './0007-attributes';
import { migration0008 } from './0008-lifetimes';
import { migration0009 } from './0009-search-fold';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
