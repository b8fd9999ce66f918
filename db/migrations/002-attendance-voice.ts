// Migration 2: attendance per period, suspensions and exclusions, and the voice log
// (DESIGN.md domain model). Separate from migration 1 so the migration path is exercised from day one.

import type { SqliteDb } from '../connection.ts';

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE attendance_periods (
  id                   INTEGER PRIMARY KEY,
  child_id             INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  period_start         TEXT NOT NULL,
  period_end           TEXT NOT NULL,
  possible_sessions    INTEGER NOT NULL CHECK (possible_sessions >= 0),
  present_sessions     INTEGER NOT NULL CHECK (present_sessions >= 0),
  authorised_absence   INTEGER NOT NULL DEFAULT 0 CHECK (authorised_absence >= 0),
  unauthorised_absence INTEGER NOT NULL DEFAULT 0 CHECK (unauthorised_absence >= 0),
  source               TEXT NOT NULL DEFAULT 'manual',
  CHECK (period_start <= period_end),
  CHECK (present_sessions + authorised_absence + unauthorised_absence <= possible_sessions),
  UNIQUE (child_id, period_start, period_end)
) STRICT;

CREATE TABLE exclusions (
  id                         INTEGER PRIMARY KEY,
  child_id                   INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  kind                       TEXT NOT NULL CHECK (kind IN ('SUSP', 'PERM')),
  start_date                 TEXT NOT NULL,
  end_date                   TEXT,
  school_days                REAL NOT NULL CHECK (school_days >= 0),
  reason                     TEXT,
  vs_informed_on             TEXT,
  social_worker_informed_on  TEXT,
  paperwork_sent_on          TEXT,
  reintegration_meeting_on   TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX exclusions_child ON exclusions(child_id, start_date);

CREATE TABLE voice_log (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  held_on          TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('esw_session', 'conversation', 'other')),
  staff_name       TEXT,
  wishes_feelings  TEXT,
  concerns         TEXT,
  actions          TEXT
) STRICT;
CREATE INDEX voice_log_child ON voice_log(child_id, held_on);
`);
}
