// Migration 3: progress returns and the SLA (issue 5). Subjects, teachers and the timetable (who
// teaches each child each subject), the SLA settings, external providers and their session reports,
// grade scales, assessment windows, progress returns per window × child × subject, and the chases
// recorded against returns and reports. Grade scales ship with the common English scales built in.

import type { SqliteDb } from '../connection.ts';

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export const BUILT_IN_SCALES: { name: string; description: string; grades: string[] }[] = [
  {
    name: 'GCSE 9–1',
    description: 'GCSE grades, U then 1 (lowest) to 9 (highest).',
    grades: ['U', ...range(1, 9)],
  },
  {
    name: 'KS3 flight path',
    description: 'Key stage 3 flight-path steps on the GCSE 1–9 ladder, each with - and + (1- lowest, 9+ highest).',
    grades: range(1, 9).flatMap((g) => [`${g}-`, g, `${g}+`]),
  },
  {
    name: 'KS2 scaled score',
    description: 'Key stage 2 scaled scores, 80 to 120 (100 is the expected standard).',
    grades: range(80, 120),
  },
  {
    name: 'A level',
    description: 'A-level grades, U then E (lowest) to A* (highest).',
    grades: ['U', 'E', 'D', 'C', 'B', 'A', 'A*'],
  },
  {
    name: 'KS2 teacher assessment',
    description: 'PKS pre-key stage, WTS working towards, EXS expected standard, GDS greater depth.',
    grades: ['PKS', 'WTS', 'EXS', 'GDS'],
  },
];

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE subjects (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  is_core      INTEGER NOT NULL DEFAULT 0 CHECK (is_core IN (0, 1)),
  leader_name  TEXT,
  leader_email TEXT,
  sort_order   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Teachers and other staff who receive or are copied into chase letters.
CREATE TABLE teachers (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL,
  email             TEXT,
  is_senior_leader  INTEGER NOT NULL DEFAULT 0 CHECK (is_senior_leader IN (0, 1)),
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Who teaches each child each subject, and in which class.
CREATE TABLE timetable (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  subject_id  INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  teacher_id  INTEGER NOT NULL REFERENCES teachers(id) ON DELETE RESTRICT,
  class_code  TEXT,
  UNIQUE (child_id, subject_id)
) STRICT;
CREATE INDEX timetable_teacher ON timetable(teacher_id);

CREATE TABLE sla_settings (
  id                          INTEGER PRIMARY KEY CHECK (id = 1),
  return_due_school_days      INTEGER NOT NULL DEFAULT 5 CHECK (return_due_school_days BETWEEN 0 AND 60),
  escalation_gap_school_days  INTEGER NOT NULL DEFAULT 3 CHECK (escalation_gap_school_days BETWEEN 1 AND 30),
  senior_leader_name          TEXT,
  senior_leader_email         TEXT
) STRICT;
INSERT INTO sla_settings (id) VALUES (1);

-- External providers (e.g. a tutoring company) with their own SLA for session reports.
CREATE TABLE providers (
  id                          INTEGER PRIMARY KEY,
  name                        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  contact_name                TEXT,
  email                       TEXT,
  phone                       TEXT,
  manager_name                TEXT,
  manager_email               TEXT,
  report_due_school_days      INTEGER NOT NULL DEFAULT 2 CHECK (report_due_school_days BETWEEN 0 AND 60),
  escalation_gap_school_days  INTEGER NOT NULL DEFAULT 3 CHECK (escalation_gap_school_days BETWEEN 1 AND 30),
  active                      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE provider_reports (
  id            INTEGER PRIMARY KEY,
  provider_id   INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  child_id      INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  session_date  TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  received_on   TEXT,
  notes         TEXT,
  UNIQUE (provider_id, child_id, session_date),
  CHECK (due_on >= session_date)
) STRICT;
CREATE INDEX provider_reports_outstanding ON provider_reports(received_on, due_on);

-- Grades are a JSON array of strings, lowest first: the order is what "below target" means.
CREATE TABLE grade_scales (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description  TEXT,
  grades       TEXT NOT NULL CHECK (json_valid(grades) AND json_type(grades) = 'array'),
  built_in     INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1))
) STRICT;

CREATE TABLE assessment_windows (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  name              TEXT NOT NULL,
  close_date        TEXT NOT NULL,
  grade_scale_id    INTEGER NOT NULL REFERENCES grade_scales(id) ON DELETE RESTRICT,
  UNIQUE (academic_year_id, name)
) STRICT;
CREATE INDEX assessment_windows_close ON assessment_windows(close_date);

-- A different scale for some year groups in a window (e.g. KS3 flight paths for Years 7–9).
CREATE TABLE assessment_window_scales (
  id              INTEGER PRIMARY KEY,
  window_id       INTEGER NOT NULL REFERENCES assessment_windows(id) ON DELETE CASCADE,
  year_group      INTEGER NOT NULL CHECK (year_group BETWEEN 0 AND 14),
  grade_scale_id  INTEGER NOT NULL REFERENCES grade_scales(id) ON DELETE RESTRICT,
  UNIQUE (window_id, year_group)
) STRICT;

CREATE TABLE progress_returns (
  id               INTEGER PRIMARY KEY,
  window_id        INTEGER NOT NULL REFERENCES assessment_windows(id) ON DELETE CASCADE,
  child_id         INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  subject_id       INTEGER NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
  teacher_id       INTEGER REFERENCES teachers(id) ON DELETE RESTRICT,
  class_code       TEXT,
  requested_on     TEXT,
  due_on           TEXT,
  due_estimated    INTEGER NOT NULL DEFAULT 0 CHECK (due_estimated IN (0, 1)),
  returned_on      TEXT,
  current_grade    TEXT,
  target_grade     TEXT,
  predicted_grade  TEXT,
  effort           INTEGER CHECK (effort BETWEEN 1 AND 4),
  what_went_well   TEXT,
  even_better_if   TEXT,
  updated_at       TEXT NOT NULL,
  UNIQUE (window_id, child_id, subject_id),
  CHECK ((requested_on IS NULL) = (due_on IS NULL))
) STRICT;
CREATE INDEX progress_returns_child ON progress_returns(child_id);
CREATE INDEX progress_returns_teacher ON progress_returns(teacher_id, returned_on);

-- Each chase letter item, against a return or a provider's report. One per item per day.
CREATE TABLE chases (
  id                  INTEGER PRIMARY KEY,
  return_id           INTEGER REFERENCES progress_returns(id) ON DELETE CASCADE,
  provider_report_id  INTEGER REFERENCES provider_reports(id) ON DELETE CASCADE,
  stage               INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
  chased_on           TEXT NOT NULL,
  reply_by            TEXT NOT NULL,
  batch_id            TEXT NOT NULL,
  CHECK ((return_id IS NULL) <> (provider_report_id IS NULL)),
  UNIQUE (return_id, chased_on),
  UNIQUE (provider_report_id, chased_on)
) STRICT;
CREATE INDEX chases_batch ON chases(batch_id);
`);
  const insert = db.prepare('INSERT INTO grade_scales (name, description, grades, built_in) VALUES (?, ?, ?, 1)');
  for (const s of BUILT_IN_SCALES) insert.run(s.name, s.description, JSON.stringify(s.grades));
}
