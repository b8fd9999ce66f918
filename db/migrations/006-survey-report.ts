// Migration 6: the pupil experience survey and the DT's annual report to governors (issue 8).
// Survey questions are configurable and ordered, with a default set; each child answers once a
// year (entered by the DT with the child). Per academic year the report keeps the whole-school
// figures, national benchmarks with their year and source (the reference defaults apply until the
// DT saves their own), staff training delivered, and the editable narrative sections.
// Children's survey answers hang off survey_responses, so the subject access export finds them
// through the foreign keys.

import type { SqliteDb } from '../connection.ts';

export interface DefaultQuestion {
  topic: 'learning' | 'feedback' | 'support' | 'safety' | 'listened' | 'other';
  prompt: string;
  answerType: 'scale' | 'yes_no' | 'choice' | 'text';
  scaleLabels?: [string, string, string, string, string];
  choices?: string[];
  allowMultiple?: boolean;
}

/** The default questionnaire: how they learn best, feedback, support, feeling safe, being listened to. */
export const DEFAULT_SURVEY_QUESTIONS: readonly DefaultQuestion[] = [
  {
    topic: 'learning', answerType: 'choice', allowMultiple: true,
    prompt: 'How do you learn best?',
    choices: ['Working with a partner or a group', 'Working on my own', 'Practical, hands-on activities', 'Talking it through with an adult', 'Seeing examples, pictures or videos', 'Using a computer or tablet'],
  },
  {
    topic: 'learning', answerType: 'scale',
    prompt: 'How much do you enjoy learning at school?',
    scaleLabels: ['Not at all', 'Not much', 'Sometimes', 'Mostly', 'A lot'],
  },
  {
    topic: 'feedback', answerType: 'choice', allowMultiple: true,
    prompt: 'What kind of feedback on your work helps you most?',
    choices: ['Spoken feedback during the lesson', 'Written comments on my work', 'A quiet word one-to-one', 'Praise in private', 'Praise in front of others', 'A message or call home'],
  },
  {
    topic: 'support', answerType: 'choice', allowMultiple: true,
    prompt: 'Which support in school helps you most?',
    choices: ['My key adult', 'My Education Support Worker', 'Tutoring or small-group sessions', 'A calm place to go', 'Help with homework', 'Clubs and activities'],
  },
  {
    topic: 'safety', answerType: 'scale',
    prompt: 'How safe do you feel in school?',
    scaleLabels: ['Never', 'Rarely', 'Sometimes', 'Mostly', 'Always'],
  },
  {
    topic: 'listened', answerType: 'scale',
    prompt: 'Do you feel that adults in school listen to you?',
    scaleLabels: ['Never', 'Rarely', 'Sometimes', 'Mostly', 'Always'],
  },
  {
    topic: 'listened', answerType: 'yes_no',
    prompt: 'Do you know who to talk to in school if something is worrying you?',
  },
  {
    topic: 'other', answerType: 'text',
    prompt: 'Is there anything else you would like school to know, or to change?',
  },
];

export function up(db: SqliteDb): void {
  db.exec(`
CREATE TABLE survey_questions (
  id              INTEGER PRIMARY KEY,
  position        INTEGER NOT NULL,
  topic           TEXT NOT NULL CHECK (topic IN ('learning', 'feedback', 'support', 'safety', 'listened', 'other')),
  prompt          TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
  help_text       TEXT,
  answer_type     TEXT NOT NULL CHECK (answer_type IN ('scale', 'yes_no', 'choice', 'text')),
  -- scale: JSON array of the five labels, for 1 (first) to 5 (last).
  scale_labels    TEXT,
  -- choice: JSON array of the options.
  choices         TEXT,
  allow_multiple  INTEGER NOT NULL DEFAULT 0 CHECK (allow_multiple IN (0, 1)),
  -- Retired questions keep their answers but are no longer asked.
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((answer_type = 'scale') = (scale_labels IS NOT NULL)),
  CHECK ((answer_type = 'choice') = (choices IS NOT NULL)),
  CHECK (answer_type = 'choice' OR allow_multiple = 0)
) STRICT;
CREATE INDEX survey_questions_position ON survey_questions(position);

-- One response set per child per academic year, entered by the DT with the child.
CREATE TABLE survey_responses (
  id                INTEGER PRIMARY KEY,
  child_id          INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  answered_on       TEXT NOT NULL,
  entered_by        TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (child_id, academic_year_id)
) STRICT;
CREATE INDEX survey_responses_year ON survey_responses(academic_year_id);

-- Exactly one kind of value per answer; a question the child chose not to answer has no row.
CREATE TABLE survey_answers (
  id            INTEGER PRIMARY KEY,
  response_id   INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  question_id   INTEGER NOT NULL REFERENCES survey_questions(id) ON DELETE RESTRICT,
  scale_value   INTEGER CHECK (scale_value BETWEEN 1 AND 5),
  yes_no        INTEGER CHECK (yes_no IN (0, 1)),
  -- JSON array of the options chosen.
  choices       TEXT,
  text_value    TEXT,
  UNIQUE (response_id, question_id),
  CHECK ((scale_value IS NOT NULL) + (yes_no IS NOT NULL) + (choices IS NOT NULL) + (text_value IS NOT NULL) = 1)
) STRICT;
CREATE INDEX survey_answers_question ON survey_answers(question_id);

-- The report's settings for one academic year. benchmarks_customised = 0: the reference defaults
-- apply; 1: exactly the rows in report_benchmarks (which may be none).
CREATE TABLE report_years (
  academic_year_id       INTEGER PRIMARY KEY REFERENCES academic_years(id) ON DELETE RESTRICT,
  school_figures_source  TEXT,
  benchmarks_customised  INTEGER NOT NULL DEFAULT 0 CHECK (benchmarks_customised IN (0, 1)),
  updated_at             TEXT NOT NULL
) STRICT;

-- Whole-school figures entered by the DT (from the MIS), one per measure.
CREATE TABLE report_school_figures (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  measure           TEXT NOT NULL,
  value             REAL NOT NULL CHECK (value >= 0 AND value <= 1000),
  UNIQUE (academic_year_id, measure)
) STRICT;

-- National benchmarks chosen for the year's report, each with the year it describes and its source.
CREATE TABLE report_benchmarks (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  measure           TEXT NOT NULL,
  cla_value         REAL CHECK (cla_value >= 0 AND cla_value <= 1000),
  cla_group         TEXT NOT NULL DEFAULT 'cla' CHECK (cla_group IN ('cla', 'cla_12_months')),
  comparison_value  REAL CHECK (comparison_value >= 0 AND comparison_value <= 1000),
  comparison_group  TEXT NOT NULL DEFAULT 'all_pupils' CHECK (comparison_group IN ('all_pupils', 'non_looked_after')),
  data_year         TEXT NOT NULL,
  source            TEXT NOT NULL CHECK (length(source) >= 1),
  UNIQUE (academic_year_id, measure),
  CHECK (cla_value IS NOT NULL OR comparison_value IS NOT NULL)
) STRICT;

-- Staff training on children in care delivered during the year.
CREATE TABLE report_training (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  delivered_on      TEXT NOT NULL,
  title             TEXT NOT NULL CHECK (length(title) >= 1),
  audience          TEXT,
  delivered_by      TEXT,
  attendees         INTEGER CHECK (attendees BETWEEN 0 AND 10000),
  notes             TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX report_training_year ON report_training(academic_year_id, delivered_on);

-- The DT's narrative: built-in sections by key (one each per year), and any number of extra
-- sections (section_key 'custom') with their own titles, in position order.
CREATE TABLE report_narratives (
  id                INTEGER PRIMARY KEY,
  academic_year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE RESTRICT,
  section_key       TEXT NOT NULL,
  title             TEXT,
  body              TEXT NOT NULL DEFAULT '',
  position          INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL,
  CHECK (section_key <> 'custom' OR title IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX report_narratives_key ON report_narratives(academic_year_id, section_key) WHERE section_key <> 'custom';
`);
  const now = new Date().toISOString();
  const insert = db.prepare(`INSERT INTO survey_questions (position, topic, prompt, answer_type, scale_labels, choices, allow_multiple, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  DEFAULT_SURVEY_QUESTIONS.forEach((q, i) => {
    insert.run(i + 1, q.topic, q.prompt, q.answerType, q.scaleLabels ? JSON.stringify(q.scaleLabels) : null,
      q.choices ? JSON.stringify(q.choices) : null, q.allowMultiple ? 1 : 0, now, now);
  });
}
