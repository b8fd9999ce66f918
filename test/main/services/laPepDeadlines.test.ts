// Each LA's termly PEP cut-off dates: listing with the term dates beside them, saving all three
// terms at once (empty removes), validation naming the term, all-or-nothing, the audit entry, and
// the effect on when a looked-after child's termly PEP is due (schedule, PEP terms, dashboard).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../db/register.ts';
import { saveAcademicYear } from '../../../main/services/academicYears.ts';
import { nextPepDue, setPepFactsSource } from '../../../main/services/alerts/index.ts';
import { NO_PEP_YET, type PepFactsSource } from '../../../main/services/alerts/pepSource.ts';
import { getDashboard } from '../../../main/services/dashboard/index.ts';
import { listLaPepDeadlines, saveLaPepDeadlines } from '../../../main/services/laPepDeadlines.ts';
import { loadTermCalendar } from '../../../main/services/peps/terms.ts';
import { cleanupTempDirs, expectRegisterError } from '../../helpers/db.ts';
import { YEAR_2026_27_AUTUMN_ONLY } from './calendar/fixture.ts';
import { pepFixture, type PepFixture } from './peps/fixture.ts';

let f: PepFixture;
let r: Register;
let nextYearId: number;

beforeAll(async () => {
  f = await pepFixture('la-cutoffs');
  r = f.register;
  nextYearId = saveAcademicYear(r, YEAR_2026_27_AUTUMN_ONLY).id;
});
afterAll(() => {
  setPepFactsSource(null);
  r.close();
  cleanupTempDirs();
});

const rows = () => r.sqlite.prepare('SELECT la_id, academic_year_id, term, cutoff_date FROM la_pep_deadlines ORDER BY academic_year_id, term').all();
const auditCount = () => r.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const save = (cutoffs: { Autumn: string | null; Spring: string | null; Summer: string | null }, academicYearId = f.yearId, laId = f.laId) =>
  saveLaPepDeadlines(r, { laId, academicYearId, cutoffs });

const invalid = (fn: () => unknown) => expectRegisterError(fn, 'Invalid');

describe('listing', () => {
  it("gives every academic year, newest first, each term with its cut-off or none and the term's own dates", () => {
    const years = listLaPepDeadlines(r, f.laId);
    expect(years.map((y) => y.label)).toEqual(['2026-27', '2025-26']);
    expect(years[1]).toEqual({
      laId: f.laId, academicYearId: f.yearId, label: '2025-26', startDate: '2025-09-01', endDate: '2026-08-31',
      terms: [
        { term: 'Autumn', cutoffDate: null, termStart: '2025-09-01', termEnd: '2025-12-19' },
        { term: 'Spring', cutoffDate: '2026-03-13', termStart: '2026-01-05', termEnd: '2026-03-27' },
        { term: 'Summer', cutoffDate: null, termStart: '2026-04-13', termEnd: '2026-07-22' },
      ],
    });
    // 2026-27 has only its autumn term set up.
    expect(years[0]!.terms.map((t) => [t.term, t.termStart, t.termEnd])).toEqual([
      ['Autumn', '2026-09-02', '2026-12-18'], ['Spring', null, null], ['Summer', null, null],
    ]);
  });

  it('refuses an LA that does not exist', async () => {
    await expectRegisterError(() => listLaPepDeadlines(r, 9999), 'NotFound');
  });
});

describe('saving', () => {
  beforeEach(() => {
    save({ Autumn: null, Spring: '2026-03-13', Summer: null });
  });

  it('saves the three terms at once and an empty term removes its cut-off', () => {
    const y = save({ Autumn: '2025-12-05', Spring: '2026-03-06', Summer: '2026-07-10' });
    expect(y.terms.map((t) => t.cutoffDate)).toEqual(['2025-12-05', '2026-03-06', '2026-07-10']);
    expect(rows()).toEqual([
      { la_id: f.laId, academic_year_id: f.yearId, term: 'Autumn', cutoff_date: '2025-12-05' },
      { la_id: f.laId, academic_year_id: f.yearId, term: 'Spring', cutoff_date: '2026-03-06' },
      { la_id: f.laId, academic_year_id: f.yearId, term: 'Summer', cutoff_date: '2026-07-10' },
    ]);
    const cleared = save({ Autumn: null, Spring: '2026-03-06', Summer: null });
    expect(cleared.terms.map((t) => t.cutoffDate)).toEqual([null, '2026-03-06', null]);
    expect(rows()).toEqual([{ la_id: f.laId, academic_year_id: f.yearId, term: 'Spring', cutoff_date: '2026-03-06' }]);
    expect(listLaPepDeadlines(r, f.laId)[1]).toEqual(cleared);
  });

  it('writes one audit entry naming the LA, never the dates', () => {
    const before = auditCount();
    save({ Autumn: '2025-12-05', Spring: null, Summer: null });
    expect(auditCount()).toBe(before + 1);
    const last = r.sqlite.prepare('SELECT action, record_type, record_id, user_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'update', record_type: 'la_pep_deadlines', record_id: String(f.laId), user_id: f.dtId });
    expect(JSON.stringify(r.sqlite.prepare('SELECT * FROM audit_log').all())).not.toContain('2025-12-05');
  });

  it('a cut-off for a term the calendar does not have only needs to fall inside the year', () => {
    const y = save({ Autumn: '2026-12-11', Spring: '2027-03-19', Summer: '2027-07-09' }, nextYearId);
    expect(y.terms.map((t) => t.cutoffDate)).toEqual(['2026-12-11', '2027-03-19', '2027-07-09']);
    save({ Autumn: null, Spring: null, Summer: null }, nextYearId);
  });
});

describe('validation', () => {
  it.each([
    ['before the academic year', { Autumn: '2025-08-29', Spring: null, Summer: null }, 'Autumn', 'The Autumn cut-off must fall within 2025-26 (01/09/2025 to 31/08/2026).'],
    ['after the academic year', { Autumn: null, Spring: null, Summer: '2026-09-04' }, 'Summer', 'The Summer cut-off must fall within 2025-26 (01/09/2025 to 31/08/2026).'],
    ['before its term starts', { Autumn: null, Spring: '2026-01-02', Summer: null }, 'Spring', 'The Spring cut-off cannot be before the Spring term starts on 05/01/2026.'],
    ['not a real date', { Autumn: null, Spring: '2026-02-30', Summer: null }, 'Spring', 'The Spring cut-off is not a real date.'],
    ['not a date at all', { Autumn: '05/12/2025', Spring: null, Summer: null }, 'Autumn', 'The Autumn cut-off is not a real date.'],
  ] as const)('refuses a cut-off %s, naming the term', async (_what, cutoffs, term, message) => {
    const e = await invalid(() => save({ ...cutoffs }));
    expect(e.issues).toEqual([{ path: ['cutoffs', term], message }]);
    expect(e.message).toBe(`Please check the PEP cut-off dates: ${message}`);
  });

  it('lists every wrong term and saves nothing, not even the right ones (all or nothing)', async () => {
    const before = { rows: rows(), audit: auditCount() };
    const e = await invalid(() => save({ Autumn: '2025-12-05', Spring: '2025-12-31', Summer: '2026-09-01' }));
    expect(e.issues.map((i) => i.path)).toEqual([['cutoffs', 'Spring'], ['cutoffs', 'Summer']]);
    expect(rows()).toEqual(before.rows);
    expect(auditCount()).toBe(before.audit);
  });

  it('an LA or academic year that does not exist is NotFound, and nothing is written', async () => {
    const before = { rows: rows(), audit: auditCount() };
    await expectRegisterError(() => save({ Autumn: '2025-12-05', Spring: null, Summer: null }, f.yearId, 9999), 'NotFound');
    await expectRegisterError(() => save({ Autumn: '2025-12-05', Spring: null, Summer: null }, 9999), 'NotFound');
    expect(rows()).toEqual(before.rows);
    expect(auditCount()).toBe(before.audit);
  });
});

describe('when the termly PEP is due', () => {
  // Zephyrine's last PEP was in the autumn term, so her next is due in the spring term 2025-26.
  const source: PepFactsSource = (_r, ids) => new Map(ids.map((id) => [id, id === f.children.zq
    ? { ...NO_PEP_YET(id), lastPepMeetingOn: '2025-10-08', lastPepStatus: 'approved' } : NO_PEP_YET(id)]));
  const spring = { academicYear: '2025-26', term: 'Spring' } as const;

  it("uses the LA's cut-off once saved, and the end of term once it is cleared", () => {
    save({ Autumn: null, Spring: '2026-03-06', Summer: null });
    expect(nextPepDue(r, '2026-03-02', f.children.zq, { pepFacts: source })).toEqual({
      date: '2026-03-06', reason: "Termly PEP review for the Spring 2025-26 term: the Virtual School's cut-off is 06/03/2026.",
    });
    expect(loadTermCalendar(r).dueBy(f.laId, spring)).toEqual({ date: '2026-03-06', isCutoff: true });

    save({ Autumn: null, Spring: null, Summer: null });
    expect(nextPepDue(r, '2026-03-02', f.children.zq, { pepFacts: source })).toEqual({
      date: '2026-03-27', reason: 'Termly PEP review for the Spring 2025-26 term: by the end of term, 27/03/2026.',
    });
    expect(loadTermCalendar(r).dueBy(f.laId, spring)).toEqual({ date: '2026-03-27', isCutoff: false });
  });

  it("shows on the dashboard: the child's PEP due by the cut-off and the cut-off itself in the calendar", () => {
    save({ Autumn: null, Spring: '2026-03-06', Summer: null });
    setPepFactsSource(source);
    try {
      const d = getDashboard(r, { today: '2026-03-02' });
      expect(d.peps.dueThisHalfTerm.find((p) => p.childId === f.children.zq)).toMatchObject({ dueOn: '2026-03-06', kind: 'termly' });
      expect(d.calendar.items.filter((i) => i.date === '2026-03-06').map((i) => [i.kind, i.laId])).toEqual([['la_cutoff', f.laId], ['pep', f.laId]]);
    } finally {
      setPepFactsSource(null);
    }
  });
});
