// The governors' report's figures on a demo register: they match the register (recomputed here
// with plain SQL), they carry no child's name, UPN, date of birth or id, and the suppression
// guarantee holds on the report's real count system (audited, and checked against random cohorts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernorsReport, ReportCell } from '../../../../main/api/contract.ts';
import { pepReportMetrics } from '../../../../main/services/peps/metrics.ts';
import { buildGovernorsReport } from '../../../../main/services/report/build.ts';
import { saveCustomSection, saveNarrativeSection, saveTraining } from '../../../../main/services/report/settings.ts';
import { auditSuppression, type CountSystem, type SuppressionOutcome } from '../../../../main/services/report/suppression.ts';
import { childIdentifiers, type DemoFixture, demoRegister, ORDINARY_WORDS, TODAY, word, YEAR } from './fixture.ts';

let f: DemoFixture;
let report: GovernorsReport;
let sys: CountSystem;
let outcome: SuppressionOutcome;

const q = <T>(sql: string, ...params: unknown[]): T[] => f.register.sqlite.prepare(sql).all(...params) as T[];
const one = (sql: string, ...params: unknown[]): number => f.register.sqlite.prepare(sql).pluck().get(...params) as number;

/** A printed figure equals the truth; a hidden one is consistent with how it is shown. */
function expectShown(c: ReportCell, truth: number): void {
  if (c.suppressed === 'small') expect(truth >= 1 && truth <= 4, `"fewer than 5" for ${truth}`).toBe(true);
  else if (c.suppressed === 'secondary') expect(truth === 0 || truth >= 5, `"withheld" for ${truth}`).toBe(true);
  else expect(c.value).toBe(truth);
}

const row = (t: { rows: { label: string; cells: ReportCell[] }[] }, label: string) => {
  const r = t.rows.find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return r.cells;
};

beforeAll(async () => {
  f = await demoRegister();
  report = buildGovernorsReport(f.register, YEAR, TODAY, { inspect: (s, o) => { sys = s; outcome = o; } });
});

afterAll(() => f.close());

describe('governors\' report figures match the register', () => {
  const year = () => q<{ id: number; start_date: string; end_date: string }>('SELECT id, start_date, end_date FROM academic_years WHERE label = ?', YEAR)[0]!;
  const cohortSql = `FROM children WHERE date_joined_school <= @end AND (leaving_date IS NULL OR leaving_date >= @start)`;

  it('cohort by status and year group', () => {
    const y = year();
    const p = { start: y.start_date, end: y.end_date };
    const count = (extra = '') => f.register.sqlite.prepare(`SELECT count(*) ${cohortSql} ${extra}`).pluck().get(p) as number;
    expectShown(report.cohort.total, count());
    expectShown(report.cohort.lookedAfter, count("AND status = 'CLA'"));
    expectShown(report.cohort.previouslyLookedAfter, count("AND status = 'PLAC'"));
    // Year 7 in 2025-26: born 1 September 2013 to 31 August 2014 (taught in their own year group).
    const y7 = f.register.sqlite.prepare(`SELECT status, count(*) AS n ${cohortSql} AND date_of_birth BETWEEN '2013-09-01' AND '2014-08-31' AND year_group_offset = 0 GROUP BY status`).all(p) as { status: string; n: number }[];
    const shifted = f.register.sqlite.prepare(`SELECT count(*) ${cohortSql} AND year_group_offset <> 0`).pluck().get(p) as number;
    if (shifted === 0) {
      const cells = row(report.cohort.byYearGroup, 'Year 7');
      expectShown(cells[0]!, y7.find((r) => r.status === 'CLA')?.n ?? 0);
      expectShown(cells[1]!, y7.find((r) => r.status === 'PLAC')?.n ?? 0);
    }
    // Joiners.
    expectShown(row(report.cohort.movement, 'Joined the school')[2]!, count("AND date_joined_school >= @start"));
  });

  it('attendance: sessions-weighted percentage and persistent absence, and the national indicator', () => {
    const y = year();
    const per = q<{ status: string; into_care: string | null; possible: number; present: number }>(`
      SELECT c.status, c.date_into_care AS into_care, sum(a.possible_sessions) AS possible, sum(a.present_sessions) AS present
      FROM children c JOIN attendance_periods a ON a.child_id = c.id
      WHERE c.date_joined_school <= ? AND (c.leaving_date IS NULL OR c.leaving_date >= ?) AND a.period_start BETWEEN ? AND ?
      GROUP BY c.id`, y.end_date, y.start_date, y.start_date, y.end_date);
    const cla = per.filter((r) => r.status === 'CLA' && r.possible > 0);
    const pct = Math.round((cla.reduce((n, r) => n + r.present, 0) / cla.reduce((n, r) => n + r.possible, 0)) * 1000) / 10;
    const summary = row(report.attendance.summary, 'Looked after');
    expectShown(summary[0]!, cla.length);
    if (summary[1]!.value !== null) expect(summary[1]!.value).toBe(pct);
    const pa = cla.filter((r) => (r.possible - r.present) / r.possible >= 0.1).length;
    expectShown(summary[2]!, pa);
    if (summary[3]!.value !== null) expect(summary[3]!.value).toBe(Math.round((pa / cla.length) * 1000) / 10);
    // Looked after for 12 months or more at 31 March 2026, and missed 25 or more days ((possible − present) / 2).
    const long = cla.filter((r) => r.into_care !== null && r.into_care <= '2025-03-31');
    expectShown(report.attendance.nationalIndicator.eligible, long.length);
    expectShown(report.attendance.nationalIndicator.missed25, long.filter((r) => (r.possible - r.present) / 2 >= 25).length);
  });

  it('suspensions and permanent exclusions', () => {
    const y = year();
    const susp = q<{ child_id: number; days: number }>(`
      SELECT e.child_id, e.school_days AS days FROM exclusions e JOIN children c ON c.id = e.child_id
      WHERE e.kind = 'SUSP' AND e.start_date BETWEEN ? AND ? AND c.date_joined_school <= ?`, y.start_date, y.end_date, y.end_date);
    const cells = row(report.exclusions.table, 'Suspensions');
    expectShown(cells[2]!, susp.length);
    expectShown(row(report.exclusions.table, 'Children with one or more suspensions')[2]!, new Set(susp.map((s) => s.child_id)).size);
  });

  it('survey, training, PEPs and risks', () => {
    const y = year();
    expectShown(report.survey.responses, one('SELECT count(*) FROM survey_responses WHERE academic_year_id = ?', y.id));
    expect(report.training.length).toBe(one('SELECT count(*) FROM report_training WHERE academic_year_id = ?', y.id));
    expect(report.risks.open).toBe(one("SELECT count(*) FROM risks WHERE status <> 'closed'"));
    expect(report.risks.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(report.risks.open);
    expect(report.risks.byBand.reduce((n, b) => n + b.count, 0)).toBe(report.risks.open);
    const m = pepReportMetrics(f.register, YEAR, TODAY);
    expect(report.peps.available).toBe(true);
    expectShown(row(report.peps.table!, 'Termly PEP reviews due (child × term)')[0]!, m.termlyReviewsDue);
    expectShown(row(report.peps.table!, 'Reviews sent to the Virtual School')[0]!, m.termlyReviewsDone);
  });

  it('shows the benchmarks with their year and source, and the whole-school figures entered', () => {
    const pa = report.attendance.comparisons.find((c) => c.measure === 'persistent_absence_percent')!;
    expect(pa.benchmark).toMatchObject({ claValue: 10.9, dataYear: '2018/19', source: 'DfE Outcomes for children in need, including children looked after' });
    expect(pa.school).toBe(q<{ value: number }>("SELECT value FROM report_school_figures f JOIN academic_years y ON y.id = f.academic_year_id WHERE y.label = ? AND measure = 'persistent_absence_percent'", YEAR)[0]!.value);
    expect(report.notes.join('\n')).toMatch(/2018\/19, DfE Outcomes for children in need/);
  });
});

describe('anonymity', () => {
  it('the report carries no name, UPN, date of birth or child id anywhere', () => {
    const json = JSON.stringify(report);
    const ids = childIdentifiers(f.register);
    for (const n of [...ids.fullNames, ...ids.surnames, ...ids.upns, ...ids.dobs]) expect(json.includes(n), n).toBe(false);
    for (const n of ids.firstNames.filter((x) => !ORDINARY_WORDS.has(x))) expect(word(n).test(json), n).toBe(false);
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          // The only ids are the tables' own names ('cohort.year'...), never a record's number.
          if (k === 'id') expect(typeof x).toBe('string');
          walk(x);
        }
      }
    };
    walk(report);
    for (const k of keys) expect(k).not.toMatch(/upn|birth|dob|firstname|lastname|child|pupil|gender|ethnic/i);
  });

  it('the report\'s own count system passes the audit: no printed 1–4, nothing hidden can be worked out', () => {
    const a = auditSuppression(sys, outcome, { budget: 100_000 });
    expect(a.smallPublished).toEqual([]);
    expect(a.determinable).toEqual([]);
    // And it really suppresses something in a cohort of this size.
    expect([...outcome.status.values()].filter((s) => s === 'small').length).toBeGreaterThan(5);
  });

  it('holds on other demo cohorts too (small and large, every year)', async () => {
    for (const [children, seed] of [[6, 2], [15, 3], [90, 4]] as const) {
      const g = await demoRegister({ children, seed });
      try {
        for (const y of ['2024-25', '2025-26', '2026-27']) {
          let audit: ReturnType<typeof auditSuppression> | null = null;
          const r = buildGovernorsReport(g.register, y, TODAY, { inspect: (s, o) => { audit = auditSuppression(s, o, { budget: 100_000 }); } });
          expect(audit!.smallPublished, `${children}/${y}`).toEqual([]);
          expect(audit!.determinable, `${children}/${y}`).toEqual([]);
          const json = JSON.stringify(r);
          for (const n of childIdentifiers(g.register).upns) expect(json.includes(n)).toBe(false);
        }
      } finally {
        g.close();
      }
    }
  });

  it('warns when free text typed for the report looks like it names a child, without repeating the name', () => {
    const ids = childIdentifiers(f.register);
    const surname = ids.surnames[0]!;
    saveNarrativeSection(f.register, { year: YEAR, key: 'attendance', body: `Attendance for ${surname} improved after the plan.` });
    saveCustomSection(f.register, { year: YEAR, title: 'Transitions', body: `One pupil (UPN ${ids.upns[0]}) moved school.` });
    saveTraining(f.register, { year: YEAR, deliveredOn: '2026-01-10', title: 'Case study', notes: `Born ${ids.dobs[1]}` });
    const r = buildGovernorsReport(f.register, YEAR, TODAY);
    expect(r.warnings.map((w) => w.kind).sort()).toEqual(['date_of_birth', 'name', 'upn']);
    for (const w of r.warnings) {
      expect(w.message).not.toContain(surname);
      expect(w.message).not.toContain(ids.upns[0]!);
    }
    expect(r.warnings.find((w) => w.kind === 'name')!.where).toBe('the section "Attendance: commentary"');
  });
});
