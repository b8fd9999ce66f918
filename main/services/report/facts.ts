// The per-child facts the governors' report counts, for one academic year. Internal to the report
// service: a fact carries no name, UPN or date of birth (the year group is worked out here and the
// date of birth goes no further), and only counts of facts ever leave this folder.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { loadScales, loadWindow, scaleIdFor, stepsFromTarget } from '../progress/common.ts';
import { onRollDuring, type YearRow } from './year.ts';

export type Status = 'CLA' | 'PLAC';

export interface ChildFacts {
  status: Status;
  yearGroup: number;
  laId: number | null;
  sen: 'N' | 'K' | 'E';
  placArrangement: string | null;
  joinedInYear: boolean;
  leftInYear: boolean;
  /** Looked after continuously for 12 months or more at 31 March of the year (DfE's outcome cohort). */
  cla12Months: boolean;
  possibleSessions: number;
  presentSessions: number;
  suspensions: number;
  suspensionDays: number;
  permanentExclusions: number;
  ks2: { reading: number | null; maths: number | null; writing: 'expected' | 'below' | null } | null;
  ks4: { english: number | null; maths: number | null; attainment8: number | null; basis: 'results' | 'grades' } | null;
  /** From the year's last assessment window with returns: judged in English and maths, and on track in both. */
  progress: { assessed: boolean; onTrack: boolean } | null;
}

export interface YearFacts {
  /** The last day counted: the year's end, or today for the current year. */
  upTo: string;
  children: ChildFacts[];
  /** Assessment window the progress figures come from. */
  progressWindow: { name: string; closeDate: string } | null;
}

const minDate = (a: string, b: string): string => (a < b ? a : b);
const inRange = (d: string | null, from: string, to: string): boolean => d !== null && d >= from && d <= to;

/** "7", "7+", "6-" → 7, 7, 6; "U" → 0; anything else null. */
export function gradeNumber(g: string | null): number | null {
  if (g === null) return null;
  const t = g.trim().toUpperCase();
  if (t === 'U') return 0;
  const m = /^([1-9])[+-]?$/.exec(t);
  return m ? Number(m[1]) : null;
}

const isEnglish = (s: string | null): boolean => s !== null && /english/i.test(s);
const isMaths = (s: string | null): boolean => s !== null && /^math/i.test(s.trim());
const isReading = (s: string | null): boolean => s !== null && /read/i.test(s);
const isWriting = (s: string | null): boolean => s !== null && /writ/i.test(s);

export function loadYearFacts(register: Register, y: YearRow, today: string): YearFacts {
  const upTo = minDate(y.end_date, today);
  const period = { start_date: y.start_date, end_date: upTo };
  const children = register.all(qb.selectFrom('children').select([
    'id', 'date_of_birth', 'year_group_offset', 'status', 'plac_arrangement', 'responsible_la_id', 'date_into_care', 'date_joined_school',
    'leaving_date', 'sen_provision',
  ]).orderBy('id')).filter((c) => onRollDuring(c, period));
  const ids = children.map((c) => c.id);
  const idList = ids.length ? ids : [-1];

  const attendance = new Map<number, { possible: number; present: number }>();
  for (const a of register.all(qb.selectFrom('attendance_periods').select(['child_id', 'possible_sessions', 'present_sessions'])
    .where('child_id', 'in', idList).where('period_start', '>=', y.start_date).where('period_start', '<=', y.end_date))) {
    const t = attendance.get(a.child_id) ?? { possible: 0, present: 0 };
    t.possible += a.possible_sessions;
    t.present += a.present_sessions;
    attendance.set(a.child_id, t);
  }

  const exclusions = register.all(qb.selectFrom('exclusions').select(['child_id', 'kind', 'school_days'])
    .where('child_id', 'in', idList).where('start_date', '>=', y.start_date).where('start_date', '<=', upTo));

  const attainment = register.all(qb.selectFrom('prior_attainment').select(['child_id', 'measure', 'subject', 'result', 'result_num', 'assessed_on'])
    .where('child_id', 'in', idList));

  const progress = progressFacts(register, y, upTo, children);

  // Looked after for 12 months or more at 31 March of the academic year (the DfE outcome cohort).
  const march31 = `${y.end_date.slice(0, 4)}-03-31`;
  const twelveMonthsBefore = `${Number(march31.slice(0, 4)) - 1}-03-31`;

  const facts = children.map((c): ChildFacts => {
    const yg = yearGroup(c.date_of_birth, y.start_date, c.year_group_offset);
    const att = attendance.get(c.id) ?? { possible: 0, present: 0 };
    const mine = exclusions.filter((e) => e.child_id === c.id);
    const results = attainment.filter((a) => a.child_id === c.id && (a.assessed_on === null || inRange(a.assessed_on, y.start_date, y.end_date)));
    return {
      status: c.status,
      yearGroup: yg,
      laId: c.responsible_la_id,
      sen: c.sen_provision,
      placArrangement: c.plac_arrangement,
      joinedInYear: inRange(c.date_joined_school, y.start_date, upTo),
      leftInYear: inRange(c.leaving_date, y.start_date, upTo),
      cla12Months: c.status === 'CLA' && c.date_into_care !== null && c.date_into_care <= twelveMonthsBefore
        && (c.leaving_date === null || c.leaving_date >= march31) && c.date_joined_school <= march31,
      possibleSessions: att.possible,
      presentSessions: att.present,
      suspensions: mine.filter((e) => e.kind === 'SUSP').length,
      suspensionDays: mine.filter((e) => e.kind === 'SUSP').reduce((s, e) => s + e.school_days, 0),
      permanentExclusions: mine.filter((e) => e.kind === 'PERM').length,
      ks2: yg === 6 ? ks2Facts(results.filter((a) => a.measure.trim().toUpperCase() === 'KS2')) : null,
      ks4: yg === 11 ? ks4Facts(results, progress.grades.get(c.id) ?? null) : null,
      progress: progress.judged.get(c.id) ?? null,
    };
  });
  return { upTo, children: facts, progressWindow: progress.window };
}

type AttainmentRow = { measure: string; subject: string | null; result: string; result_num: number | null };

function ks2Facts(rows: AttainmentRow[]): ChildFacts['ks2'] {
  const num = (pred: (s: string | null) => boolean) => rows.find((r) => pred(r.subject) && r.result_num !== null)?.result_num ?? null;
  const w = rows.find((r) => isWriting(r.subject));
  const writing = w === undefined ? null
    : /^(EXS|GDS)$/i.test(w.result.trim()) || (w.result_num !== null && w.result_num >= 100) ? 'expected' : 'below';
  return { reading: num(isReading), maths: num(isMaths), writing };
}

function ks4Facts(rows: AttainmentRow[], grades: { english: number | null; maths: number | null } | null): ChildFacts['ks4'] {
  const gcse = rows.filter((r) => r.measure.trim().toUpperCase() === 'GCSE' && r.result_num !== null);
  const best = (pred: (s: string | null) => boolean) => {
    const v = gcse.filter((r) => pred(r.subject)).map((r) => r.result_num!);
    return v.length ? Math.max(...v) : null;
  };
  const a8 = rows.find((r) => /^(attainment ?8|a8)$/i.test(r.measure.trim()) && r.result_num !== null)?.result_num ?? null;
  const english = best(isEnglish);
  const maths = best(isMaths);
  if (english !== null || maths !== null || a8 !== null) return { english, maths, attainment8: a8, basis: 'results' };
  if (grades && (grades.english !== null || grades.maths !== null)) return { ...grades, attainment8: null, basis: 'grades' };
  return { english: null, maths: null, attainment8: null, basis: 'results' };
}

/**
 * Progress from the year's last assessment window that has any graded returns: each child's
 * English and maths judged against target (predicted, else current, grade), and for Year 11 the
 * grades themselves as a stand-in for GCSE results not yet recorded.
 */
function progressFacts(register: Register, y: YearRow, upTo: string, children: { id: number; date_of_birth: string; year_group_offset: number }[]): {
  judged: Map<number, { assessed: boolean; onTrack: boolean }>;
  grades: Map<number, { english: number | null; maths: number | null }>;
  window: { name: string; closeDate: string } | null;
} {
  const empty = { judged: new Map(), grades: new Map(), window: null };
  const windows = register.all(qb.selectFrom('assessment_windows').select(['id', 'name', 'close_date'])
    .where('academic_year_id', '=', y.id).where('close_date', '<=', upTo).orderBy('close_date', 'desc'));
  const subjects = register.all(qb.selectFrom('subjects').select(['id', 'name']));
  const english = new Set(subjects.filter((s) => isEnglish(s.name)).map((s) => s.id));
  const maths = new Set(subjects.filter((s) => isMaths(s.name)).map((s) => s.id));
  const byId = new Map(children.map((c) => [c.id, c]));
  for (const w of windows) {
    const returns = register.all(qb.selectFrom('progress_returns').select(['child_id', 'subject_id', 'current_grade', 'target_grade', 'predicted_grade'])
      .where('window_id', '=', w.id).where((eb) => eb.or([eb('current_grade', 'is not', null), eb('predicted_grade', 'is not', null)])));
    const mine = returns.filter((r) => byId.has(r.child_id) && (english.has(r.subject_id) || maths.has(r.subject_id)));
    if (mine.length === 0) continue;
    const wr = loadWindow(register, w.id);
    const scales = loadScales(register);
    const judged = new Map<number, { assessed: boolean; onTrack: boolean }>();
    const grades = new Map<number, { english: number | null; maths: number | null }>();
    for (const c of children) {
      const rs = mine.filter((r) => r.child_id === c.id);
      if (rs.length === 0) continue;
      const scale = scales.get(scaleIdFor(wr, yearGroup(c.date_of_birth, w.close_date, c.year_group_offset)));
      if (!scale) continue;
      const steps = (set: Set<number>) => {
        const r = rs.find((x) => set.has(x.subject_id));
        return r ? stepsFromTarget(scale, { current: r.current_grade, target: r.target_grade, predicted: r.predicted_grade }) : null;
      };
      const e = steps(english);
      const m = steps(maths);
      judged.set(c.id, { assessed: e !== null && m !== null, onTrack: e !== null && m !== null && e >= 0 && m >= 0 });
      const grade = (set: Set<number>) => gradeNumber(rs.find((x) => set.has(x.subject_id))?.current_grade ?? null);
      grades.set(c.id, { english: grade(english), maths: grade(maths) });
    }
    return { judged, grades, window: { name: w.name, closeDate: w.close_date } };
  }
  return empty;
}
