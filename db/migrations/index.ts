// Forward-only migrations, bundled statically (no runtime file reads, so they survive asar and
// bundling). PRAGMA user_version holds the schema version. One file per migration, a plain function.

import type { SqliteDb } from '../connection.ts';
import { up as m001 } from './001-initial.ts';
import { up as m002 } from './002-attendance-voice.ts';
import { up as m003 } from './003-progress-sla.ts';
import { up as m004 } from './004-interventions-risks.ts';
import { up as m005 } from './005-peps.ts';
import { up as m006 } from './006-survey-report.ts';
import { up as m007 } from './007-read-indexes.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: SqliteDb) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001 },
  { version: 2, name: 'attendance-voice', up: m002 },
  { version: 3, name: 'progress-sla', up: m003 },
  { version: 4, name: 'interventions-risks', up: m004 },
  { version: 5, name: 'peps', up: m005 },
  { version: 6, name: 'survey-report', up: m006 },
  { version: 7, name: 'read-indexes', up: m007 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs each pending migration in its own transaction, up to `target`. `record` runs inside each
 * migration's transaction (the audit entry), so a migration and its record land together.
 */
export function migrate(db: SqliteDb, target = LATEST_VERSION, record?: (version: number) => void): number[] {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= schemaVersion(db) || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      record?.(m.version);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
