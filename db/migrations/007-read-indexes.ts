// Migration 7: indexes for the register-wide reads that grow with years of history (issue 9,
// BENCHMARKS.md). Each lets a read touch a narrow index, or only the rows it needs, rather than
// every wide row (returns carry teachers' comments, voice entries notes, PEPs their snapshot), so
// the dashboard and the Children grid stay quick after ten years of records.
//
//   progress_returns_judgement  each child's latest graded return per subject (progress `belowTarget`); covering
//   progress_returns_returned   returns still outstanding on a date (the teachers' checklists)
//   voice_log_kind              each child's latest ESW session (alerts `lastEswSession`); covering
//   peps_child_meeting          each child's latest PEP meeting and its status (peps `pepFactsFor`); covering

import type { SqliteDb } from '../connection.ts';

export function up(db: SqliteDb): void {
  db.exec(`
    CREATE INDEX progress_returns_judgement
      ON progress_returns(child_id, subject_id, window_id, target_grade, current_grade, predicted_grade);
    CREATE INDEX progress_returns_returned ON progress_returns(returned_on);
    CREATE INDEX voice_log_kind ON voice_log(kind, child_id, held_on);
    CREATE INDEX peps_child_meeting ON peps(child_id, meeting_date, academic_year, term, status);
  `);
}
