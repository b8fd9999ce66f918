// Migration 1: the first schema (issue 2). Dates are ISO 'YYYY-MM-DD' text; money is integer pence;
// booleans are 0/1. Codes (SSDA903, SEN) are checked in the API layer against ../shared/reference,
// not with CHECK constraints, so a DfE code-list change never needs a table rebuild.

import type { SqliteDb } from '../connection.ts';

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE school (
  id                              INTEGER PRIMARY KEY CHECK (id = 1),
  name                            TEXT NOT NULL,
  urn                             TEXT,
  headteacher                     TEXT,
  designated_governor             TEXT,
  dt_name                         TEXT,
  deputy_dt_name                  TEXT,
  address                         TEXT,
  phone                           TEXT,
  email                           TEXT,
  auto_lock_minutes               INTEGER NOT NULL DEFAULT 10 CHECK (auto_lock_minutes BETWEEN 1 AND 240),
  backup_keep                     INTEGER NOT NULL DEFAULT 10 CHECK (backup_keep BETWEEN 1 AND 100),
  backup_every_hours              INTEGER NOT NULL DEFAULT 24 CHECK (backup_every_hours BETWEEN 1 AND 720),
  attendance_action_plan_percent  REAL NOT NULL DEFAULT 90,
  attendance_pep_review_percent   REAL NOT NULL DEFAULT 85,
  esw_session_weeks               INTEGER NOT NULL DEFAULT 4,
  retention_years_after_dob       INTEGER NOT NULL DEFAULT 25,
  updated_at                      TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('dt', 'deputy')),
  created_at  TEXT NOT NULL,
  removed_at  TEXT
) STRICT;

CREATE TABLE academic_years (
  id          INTEGER PRIMARY KEY,
  label       TEXT NOT NULL UNIQUE CHECK (label GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  CHECK (start_date < end_date)
) STRICT;

CREATE TABLE terms (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
  name              TEXT NOT NULL CHECK (name IN ('Autumn', 'Spring', 'Summer')),
  start_date        TEXT NOT NULL,
  end_date          TEXT NOT NULL,
  half_term_start   TEXT,
  half_term_end     TEXT,
  UNIQUE (academic_year_id, name),
  CHECK (start_date <= end_date)
) STRICT;

-- Days inside a term when pupils are not in school: INSET days, bank holidays, other closures.
CREATE TABLE calendar_closures (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
  date              TEXT NOT NULL UNIQUE,
  kind              TEXT NOT NULL CHECK (kind IN ('inset', 'bank_holiday', 'closure')),
  description       TEXT
) STRICT;

CREATE TABLE local_authorities (
  id                         INTEGER PRIMARY KEY,
  name                       TEXT NOT NULL UNIQUE,
  la_code                    TEXT,
  vsh_name                   TEXT,
  vs_email                   TEXT,
  vs_phone                   TEXT,
  vs_address                 TEXT,
  epep_system                TEXT,
  initial_pep_school_days    INTEGER NOT NULL DEFAULT 20,
  new_school_pep_school_days INTEGER NOT NULL DEFAULT 20,
  pep_review_frequency       TEXT NOT NULL DEFAULT 'termly',
  ppplus_pence_per_year      INTEGER NOT NULL DEFAULT 0,
  ppplus_payment             TEXT NOT NULL DEFAULT 'termly' CHECK (ppplus_payment IN ('termly', 'annual', 'on_request')),
  ppplus_conditions          TEXT,
  qa_scale                   TEXT,
  pep_filename_pattern       TEXT,
  created_at                 TEXT NOT NULL,
  updated_at                 TEXT NOT NULL
) STRICT;

CREATE TABLE la_contacts (
  id       INTEGER PRIMARY KEY,
  la_id    INTEGER NOT NULL REFERENCES local_authorities(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  role     TEXT,
  email    TEXT,
  phone    TEXT
) STRICT;

-- LA cut-off dates for termly PEPs (each VS sets its own).
CREATE TABLE la_pep_deadlines (
  id                INTEGER PRIMARY KEY,
  la_id             INTEGER NOT NULL REFERENCES local_authorities(id) ON DELETE CASCADE,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
  term              TEXT NOT NULL CHECK (term IN ('Autumn', 'Spring', 'Summer')),
  cutoff_date       TEXT NOT NULL,
  UNIQUE (la_id, academic_year_id, term)
) STRICT;

CREATE TABLE children (
  id                      INTEGER PRIMARY KEY,
  upn                     TEXT UNIQUE,
  legal_first_name        TEXT NOT NULL,
  legal_last_name         TEXT NOT NULL,
  preferred_name          TEXT,
  date_of_birth           TEXT NOT NULL,
  gender                  TEXT NOT NULL CHECK (gender IN ('F', 'M', 'X')),
  ethnicity               TEXT,
  -- Year group is derived from DOB; offset for a child taught out of their chronological year.
  year_group_offset       INTEGER NOT NULL DEFAULT 0 CHECK (year_group_offset BETWEEN -3 AND 3),
  status                  TEXT NOT NULL CHECK (status IN ('CLA', 'PLAC')),
  plac_arrangement        TEXT CHECK (plac_arrangement IN ('ADOPTED', 'SGO', 'CAO', 'RO')),
  legal_status            TEXT,
  responsible_la_id       INTEGER REFERENCES local_authorities(id) ON DELETE RESTRICT,
  date_into_care          TEXT,
  date_joined_school      TEXT NOT NULL,
  social_worker_name      TEXT,
  social_worker_email     TEXT,
  social_worker_phone     TEXT,
  iro_name                TEXT,
  iro_email               TEXT,
  iro_phone               TEXT,
  key_adult               TEXT,
  esw_name                TEXT,
  sen_provision           TEXT NOT NULL DEFAULT 'N' CHECK (sen_provision IN ('N', 'K', 'E')),
  sen_primary_need        TEXT,
  ehcp_review_date        TEXT,
  pp_plus_eligible        INTEGER NOT NULL DEFAULT 0 CHECK (pp_plus_eligible IN (0, 1)),
  consent_information_sharing INTEGER NOT NULL DEFAULT 0 CHECK (consent_information_sharing IN (0, 1)),
  consent_notes           TEXT,
  transition_notes        TEXT,
  careers_plan            TEXT,
  leaving_date            TEXT,
  leaving_destination     TEXT,
  retention_review_date   TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  CHECK (status = 'PLAC' OR plac_arrangement IS NULL),
  CHECK (leaving_date IS NULL OR leaving_date >= date_joined_school)
) STRICT;
CREATE INDEX children_la ON children(responsible_la_id);
CREATE INDEX children_names ON children(legal_last_name, legal_first_name);

CREATE TABLE placements (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  placement_type  TEXT NOT NULL,
  carer_name      TEXT,
  carer_phone     TEXT,
  carer_email     TEXT,
  start_date      TEXT NOT NULL,
  end_date        TEXT,
  notes           TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX placements_child ON placements(child_id, start_date);

CREATE TABLE education_history (
  id                  INTEGER PRIMARY KEY,
  child_id            INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  school_name         TEXT NOT NULL,
  school_urn          TEXT,
  start_date          TEXT,
  end_date            TEXT,
  reason_for_leaving  TEXT
) STRICT;
CREATE INDEX education_history_child ON education_history(child_id);

CREATE TABLE prior_attainment (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  measure      TEXT NOT NULL,
  subject      TEXT,
  result       TEXT NOT NULL,
  result_num   REAL,
  assessed_on  TEXT,
  notes        TEXT
) STRICT;
CREATE INDEX prior_attainment_child ON prior_attainment(child_id);

-- Append-only, hash-chained (db/audit.ts). Never holds record content.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  user_id      TEXT,
  action       TEXT NOT NULL,
  record_type  TEXT,
  record_id    TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`);
}
