// Migration 5: Personal Education Plans (issue 7). One PEP per child per term, holding a frozen
// snapshot of what the register said when it was drafted (JSON, see main/services/peps/snapshot.ts)
// plus what the DT writes: voice and views, SMART targets, the review of the previous PEP's
// targets, actions and attendees. Status changes are kept as a small history (with the VS's dates
// and reasons, which the content-free audit log cannot hold). Per-LA section order and headings
// live in la_pep_formats; the file name pattern stays on local_authorities.pep_filename_pattern.

import type { SqliteDb } from '../connection.ts';

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE peps (
  id                   INTEGER PRIMARY KEY,
  child_id             INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  academic_year        TEXT NOT NULL CHECK (academic_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  term                 TEXT NOT NULL CHECK (term IN ('Autumn', 'Spring', 'Summer')),
  kind                 TEXT NOT NULL DEFAULT 'review' CHECK (kind IN ('initial', 'review')),
  status               TEXT NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'ready', 'submitted', 'approved', 'returned', 'superseded')),
  period_start         TEXT NOT NULL,
  period_end           TEXT NOT NULL,
  meeting_date         TEXT,
  child_voice          TEXT,
  child_voice_reason   TEXT,
  carer_views          TEXT,
  social_worker_views  TEXT,
  strengths            TEXT,
  barriers             TEXT,
  sen_notes            TEXT,
  transition_careers   TEXT,
  attendance_notes     TEXT,
  progress_notes       TEXT,
  snapshot             TEXT NOT NULL CHECK (json_valid(snapshot)),
  snapshot_taken_at    TEXT NOT NULL,
  submitted_on         TEXT,
  approved_on          TEXT,
  returned_on          TEXT,
  returned_reason      TEXT,
  superseded_on        TEXT,
  superseded_by        INTEGER REFERENCES peps(id) ON DELETE SET NULL,
  quality_rating       TEXT,
  quality_rag          TEXT CHECK (quality_rag IN ('green', 'amber', 'red')),
  vs_feedback          TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (child_id, academic_year, term),
  CHECK (period_start <= period_end),
  CHECK (status <> 'returned' OR returned_reason IS NOT NULL)
) STRICT;
CREATE INDEX peps_term ON peps(academic_year, term);

CREATE TABLE pep_status_changes (
  id           INTEGER PRIMARY KEY,
  pep_id       INTEGER NOT NULL REFERENCES peps(id) ON DELETE CASCADE,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  on_date      TEXT NOT NULL,
  note         TEXT,
  changed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX pep_status_changes_pep ON pep_status_changes(pep_id, id);

-- New SMART targets set at a PEP. A target carried forward from the review of the previous PEP
-- points at that review row.
CREATE TABLE pep_targets (
  id                      INTEGER PRIMARY KEY,
  pep_id                  INTEGER NOT NULL REFERENCES peps(id) ON DELETE CASCADE,
  position                INTEGER NOT NULL DEFAULT 0,
  area                    TEXT,
  target                  TEXT NOT NULL,
  success_criteria        TEXT,
  by_when                 TEXT,
  who                     TEXT,
  pp_plus_pence           INTEGER NOT NULL DEFAULT 0 CHECK (pp_plus_pence BETWEEN 0 AND 10000000),
  carried_from_review_id  INTEGER REFERENCES pep_target_reviews(id) ON DELETE SET NULL,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX pep_targets_pep ON pep_targets(pep_id, position);

-- The review, at this PEP, of a target set at the previous one. The target's wording is copied in,
-- so the PEP reads the same if the earlier draft is later deleted.
CREATE TABLE pep_target_reviews (
  id                INTEGER PRIMARY KEY,
  pep_id            INTEGER NOT NULL REFERENCES peps(id) ON DELETE CASCADE,
  source_target_id  INTEGER REFERENCES pep_targets(id) ON DELETE SET NULL,
  source_label      TEXT NOT NULL,
  position          INTEGER NOT NULL DEFAULT 0,
  area              TEXT,
  target            TEXT NOT NULL,
  success_criteria  TEXT,
  by_when           TEXT,
  who               TEXT,
  outcome           TEXT CHECK (outcome IN ('met', 'partly', 'not_met')),
  note              TEXT,
  carry_forward     INTEGER NOT NULL DEFAULT 0 CHECK (carry_forward IN (0, 1)),
  UNIQUE (pep_id, source_target_id)
) STRICT;
CREATE INDEX pep_target_reviews_source ON pep_target_reviews(source_target_id);

-- Which interventions serve a target. The label is copied in when linked, so a submitted PEP still
-- reads the same if the intervention is later deleted (the link then keeps its label only).
CREATE TABLE pep_target_interventions (
  id               INTEGER PRIMARY KEY,
  pep_target_id    INTEGER NOT NULL REFERENCES pep_targets(id) ON DELETE CASCADE,
  intervention_id  INTEGER REFERENCES interventions(id) ON DELETE SET NULL,
  label            TEXT NOT NULL,
  UNIQUE (pep_target_id, intervention_id)
) STRICT;
CREATE INDEX pep_target_interventions_intervention ON pep_target_interventions(intervention_id);

CREATE TABLE pep_actions (
  id        INTEGER PRIMARY KEY,
  pep_id    INTEGER NOT NULL REFERENCES peps(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL DEFAULT 0,
  action    TEXT NOT NULL,
  owner     TEXT,
  due_on    TEXT,
  done_on   TEXT
) STRICT;
CREATE INDEX pep_actions_pep ON pep_actions(pep_id, position);

CREATE TABLE pep_attendees (
  id        INTEGER PRIMARY KEY,
  pep_id    INTEGER NOT NULL REFERENCES peps(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL DEFAULT 0,
  name      TEXT NOT NULL,
  role      TEXT,
  present   INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1))
) STRICT;
CREATE INDEX pep_attendees_pep ON pep_attendees(pep_id, position);

-- Each Virtual School's PEP layout: sections in its order, with its headings (JSON array of
-- { key, heading, included }). No row means the default layout.
CREATE TABLE la_pep_formats (
  la_id       INTEGER PRIMARY KEY REFERENCES local_authorities(id) ON DELETE CASCADE,
  sections    TEXT NOT NULL CHECK (json_valid(sections) AND json_type(sections) = 'array'),
  updated_at  TEXT NOT NULL
) STRICT;
`);
}
