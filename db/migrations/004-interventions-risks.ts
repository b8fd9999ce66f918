// Migration 4: interventions with their sessions, Pupil Premium Plus allocations, and the DT's
// risk register with its review history (issue 6). Interventions link to the providers of
// migration 3; the link from a PEP target to interventions belongs to the PEP migration.

import type { SqliteDb } from '../connection.ts';

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE interventions (
  id                INTEGER PRIMARY KEY,
  child_id          INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('small_group_maths', 'small_group_english', 'tuition_1to1', 'mentoring', 'esw_sessions', 'counselling', 'other')),
  kind_other        TEXT,
  -- NULL provider = delivered in school, by delivered_by.
  provider_id       INTEGER REFERENCES providers(id) ON DELETE RESTRICT,
  delivered_by      TEXT,
  subject_id        INTEGER REFERENCES subjects(id) ON DELETE RESTRICT,
  start_date        TEXT NOT NULL,
  end_date          TEXT,
  sessions_planned  INTEGER NOT NULL DEFAULT 0 CHECK (sessions_planned BETWEEN 0 AND 1000),
  cost_pence        INTEGER NOT NULL DEFAULT 0 CHECK (cost_pence >= 0),
  funding_source    TEXT NOT NULL CHECK (funding_source IN ('pp_plus', 'school', 'virtual_school')),
  baseline_measure  TEXT,
  baseline_value    TEXT,
  outcome_measure   TEXT,
  outcome_value     TEXT,
  impact_rating     TEXT NOT NULL DEFAULT 'not_assessed'
                    CHECK (impact_rating IN ('not_assessed', 'no_impact', 'some_impact', 'good_impact', 'strong_impact')),
  evidence_note     TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (kind <> 'other' OR kind_other IS NOT NULL)
) STRICT;
CREATE INDEX interventions_child ON interventions(child_id, start_date);
CREATE INDEX interventions_provider ON interventions(provider_id);

CREATE TABLE intervention_sessions (
  id               INTEGER PRIMARY KEY,
  intervention_id  INTEGER NOT NULL REFERENCES interventions(id) ON DELETE CASCADE,
  session_date     TEXT NOT NULL,
  attended         INTEGER NOT NULL CHECK (attended IN (0, 1)),
  note             TEXT,
  UNIQUE (intervention_id, session_date)
) STRICT;

-- What each LA allocated for a child in a financial year (April to March), when it differs from
-- the LA's rule or to record receipt. Without a row, the LA's rule gives the expected allocation.
CREATE TABLE pp_plus_allocations (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  la_id           INTEGER NOT NULL REFERENCES local_authorities(id) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  amount_pence    INTEGER NOT NULL CHECK (amount_pence >= 0),
  received_on     TEXT,
  note            TEXT,
  UNIQUE (child_id, financial_year)
) STRICT;

CREATE TABLE risks (
  id                     INTEGER PRIMARY KEY,
  category               TEXT NOT NULL CHECK (category IN ('statutory_compliance', 'information_sharing', 'succession', 'spending', 'policy_validation', 'data', 'other')),
  title                  TEXT NOT NULL,
  description            TEXT,
  likelihood             INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact                 INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  owner                  TEXT,
  mitigations            TEXT,
  review_every_days      INTEGER NOT NULL DEFAULT 90 CHECK (review_every_days BETWEEN 1 AND 730),
  next_review_date       TEXT NOT NULL,
  status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'monitoring', 'closed')),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
) STRICT;

CREATE TABLE risk_reviews (
  id           INTEGER PRIMARY KEY,
  risk_id      INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
  reviewed_on  TEXT NOT NULL,
  likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  note         TEXT,
  reviewed_by  TEXT
) STRICT;
CREATE INDEX risk_reviews_risk ON risk_reviews(risk_id, reviewed_on);
`);
}
