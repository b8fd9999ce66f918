// The PEP rules of the alerts engine, table-driven across their boundary dates: the day before, on
// and after each deadline; weekends, half terms, closure days and holidays (school-day counting); a
// child changing school; the LA's cut-off dates; a previously looked-after child (no statutory PEP).
// PEP facts come from a test source, so these run with or without the PEP migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { saveAcademicYear } from '../../../../main/services/academicYears.ts';
import { nextPepDue, registerAlerts } from '../../../../main/services/alerts/index.ts';
import { NO_PEP_YET, type PepFacts, type PepFactsSource } from '../../../../main/services/alerts/pepSource.ts';
import { saveLocalAuthority } from '../../../../main/services/localAuthorities.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { YEAR_2025_26 } from '../calendar/fixture.ts';
import { addChild, type ChildInput, freshRegister } from '../children/fixtures.ts';

let register: Register;
let laId: number;
let la15: number;
let yearId: number;

const facts = new Map<number, Partial<PepFacts>>();
const source: PepFactsSource = (_r, ids) => new Map(ids.map((id) => [id, { ...NO_PEP_YET(id), ...facts.get(id) }]));

beforeAll(async () => {
  const t = await freshRegister('pep-alerts');
  register = t.register;
  laId = t.laId;
  la15 = saveLocalAuthority(register, {
    name: 'Southmoor Borough Council (fictitious)', laCode: '992', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 15,
    ppplusPencePerYear: 257000, ppplusPayment: 'annual', contacts: [],
  }).id;
  yearId = saveAcademicYear(register, YEAR_2025_26).id;
});
afterAll(() => {
  register.close();
  cleanupTempDirs();
});

/** A looked-after child with nothing else going on (no ESW, no SEN). */
function child(overrides: Partial<ChildInput> = {}, pep: Partial<PepFacts> = {}): number {
  const id = addChild(register, { eswName: null, senProvision: 'N', responsibleLaId: laId, ...overrides });
  facts.set(id, pep);
  return id;
}

const PEP_KINDS = new Set(['pep-initial-due', 'pep-new-school-due', 'pep-review-due', 'pep-not-submitted', 'pep-returned', 'pep-targets-not-met']);
const pepAlerts = (id: number, today: string) => registerAlerts(register, today, { childId: id, pepFacts: source }).filter((a) => PEP_KINDS.has(a.kind));
const kinds = (id: number, today: string) => pepAlerts(id, today).map((a) => [a.kind, a.severity]);

describe('initial PEP: within 20 school days of entering care', () => {
  // Into care Monday 12/01/2026: the 20th school day after is Monday 09/02/2026.
  let id: number;
  beforeAll(() => {
    id = child({ dateJoinedSchool: '2024-09-04', dateIntoCare: '2026-01-12' });
  });

  it.each([
    ['2026-01-23', []], // 11 school days before: not yet
    ['2026-01-26', [['pep-initial-due', 'warning']]], // 10 school days before: warning starts
    ['2026-02-06', [['pep-initial-due', 'warning']]], // Friday, the school day before
    ['2026-02-08', [['pep-initial-due', 'warning']]], // Sunday, the day before
    ['2026-02-09', [['pep-initial-due', 'warning']]], // due today
    ['2026-02-10', [['pep-initial-due', 'urgent']]], // the day after: overdue
    ['2026-02-16', [['pep-initial-due', 'urgent']]], // half term: still overdue
  ] as const)('on %s', (today, expected) => {
    expect(kinds(id, today)).toEqual(expected.map((e) => [...e]));
  });

  it('says why, since when, and links to the PEP tab', () => {
    const [a] = pepAlerts(id, '2026-02-10');
    expect(a).toMatchObject({
      key: `pep-initial-due:${id}:2026-01-12`, title: 'Initial PEP overdue', since: '2026-02-09', dueOn: '2026-02-09',
      subject: { type: 'child', id, name: 'Zeph Quarrington' }, childId: id, link: { area: 'children', id, tab: 'pep' },
      reason: 'Initial PEP within 20 school days of entering care on 12/01/2026: it was due by 09/02/2026.',
    });
    const [w] = pepAlerts(id, '2026-02-06');
    expect(w!.reason).toBe('Initial PEP within 20 school days of entering care on 12/01/2026: due by 09/02/2026 (in 1 school day).');
    expect(w!.since).toBe('2026-01-26');
  });

  it('is satisfied by a PEP held on or after entering care, not by one before', () => {
    facts.set(id, { lastPepMeetingOn: '2026-01-11', lastPepStatus: 'approved' });
    expect(kinds(id, '2026-02-10')).toEqual([['pep-initial-due', 'urgent']]);
    facts.set(id, { lastPepMeetingOn: '2026-02-05', lastPepStatus: 'submitted' });
    expect(kinds(id, '2026-02-10')).toEqual([]);
    facts.set(id, {});
  });
});

describe('school days: half term and closure days do not count', () => {
  // Into care Monday 02/02/2026. Half term 16–20/02 and the closure on 02/03 are skipped: the 20th
  // school day is Tuesday 10/03/2026 (counting calendar weekdays would give 02/03).
  let id: number;
  beforeAll(() => {
    id = child({ dateJoinedSchool: '2024-09-04', dateIntoCare: '2026-02-02' });
  });

  it.each([
    ['2026-02-20', []], // Friday of half term: 11 school days left
    ['2026-02-23', [['pep-initial-due', 'warning']]], // first day back: 10 left
    ['2026-03-02', [['pep-initial-due', 'warning']]], // closure day: not due yet
    ['2026-03-09', [['pep-initial-due', 'warning']]],
    ['2026-03-10', [['pep-initial-due', 'warning']]],
    ['2026-03-11', [['pep-initial-due', 'urgent']]],
  ] as const)('on %s', (today, expected) => {
    expect(kinds(id, today)).toEqual(expected.map((e) => [...e]));
  });

  it('gives the due date the school calendar gives', () => {
    expect(pepAlerts(id, '2026-03-11')[0]!.dueOn).toBe('2026-03-10');
  });
});

describe('a child changing school: a new PEP within the LA\'s new-school days', () => {
  // In care since 2019; joins this school Monday 12/01/2026; the LA allows 15 school days: due Monday 02/02/2026.
  let id: number;
  beforeAll(() => {
    id = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2026-01-12', responsibleLaId: la15 }, { lastPepMeetingOn: '2025-12-01', lastPepStatus: 'approved' });
  });

  it.each([
    ['2026-01-30', [['pep-new-school-due', 'warning']]], // Friday before
    ['2026-02-01', [['pep-new-school-due', 'warning']]], // Sunday before
    ['2026-02-02', [['pep-new-school-due', 'warning']]], // on the day
    ['2026-02-03', [['pep-new-school-due', 'urgent']]], // after
  ] as const)('on %s (the previous school\'s PEP does not count)', (today, expected) => {
    expect(kinds(id, today)).toEqual(expected.map((e) => [...e]));
  });

  it('names the rule used', () => {
    expect(pepAlerts(id, '2026-02-03')[0]!.reason).toBe('New PEP within 15 school days of joining the school on 12/01/2026: it was due by 02/02/2026.');
  });

  it('the same child joining the Northshire school uses its 20 days', () => {
    const other = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2026-01-12' });
    expect(kinds(other, '2026-02-03')).toEqual([['pep-new-school-due', 'warning']]);
    expect(pepAlerts(other, '2026-02-03')[0]!.dueOn).toBe('2026-02-09');
  });

  it('then moves on to the termly review once the new PEP is held', () => {
    facts.set(id, { lastPepMeetingOn: '2026-01-26', lastPepStatus: 'submitted' });
    expect(kinds(id, '2026-02-03')).toEqual([]);
    // Next: the summer term, by its end (no cut-off recorded for this LA): 22/07/2026.
    expect(kinds(id, '2026-07-22')).toEqual([['pep-review-due', 'warning']]);
    expect(kinds(id, '2026-07-23')).toEqual([['pep-review-due', 'urgent']]);
    expect(pepAlerts(id, '2026-07-23')[0]!.reason).toBe('Termly PEP review for the Summer 2025-26 term: by the end of term, 22/07/2026: it was due by 22/07/2026.');
  });
});

describe('termly review by the Virtual School\'s cut-off', () => {
  // Last PEP in the autumn term; the Northshire cut-off for the spring term is Friday 20/03/2026.
  let id: number;
  beforeAll(() => {
    register.sqlite.prepare("INSERT INTO la_pep_deadlines (la_id, academic_year_id, term, cutoff_date) VALUES (?, ?, 'Spring', '2026-03-20')").run(laId, yearId);
    id = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2025-10-08', lastPepStatus: 'approved' });
  });

  it.each([
    ['2026-03-05', []], // 11 school days before
    ['2026-03-06', [['pep-review-due', 'warning']]], // 10 school days before
    ['2026-03-19', [['pep-review-due', 'warning']]], // day before
    ['2026-03-20', [['pep-review-due', 'warning']]], // on the cut-off
    ['2026-03-21', [['pep-review-due', 'urgent']]], // Saturday after
    ['2026-03-23', [['pep-review-due', 'urgent']]], // Monday after (before the end of term: the cut-off rules)
    ['2026-04-01', [['pep-review-due', 'urgent']]], // Easter holiday: still overdue
  ] as const)('on %s', (today, expected) => {
    expect(kinds(id, today)).toEqual(expected.map((e) => [...e]));
  });

  it('quotes the cut-off and keys the alert by term', () => {
    const [a] = pepAlerts(id, '2026-03-23');
    expect(a!.reason).toBe('Termly PEP review for the Spring 2025-26 term: the Virtual School\'s cut-off is 20/03/2026: it was due by 20/03/2026.');
    expect(a!.key).toBe(`pep-review-due:${id}:Spring 2025-26`);
  });

  it('a PEP held in a holiday counts for the coming term', () => {
    const h = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2025-12-22', lastPepStatus: 'approved' });
    expect(kinds(h, '2026-03-23')).toEqual([]);
    expect(kinds(h, '2026-07-23')).toEqual([['pep-review-due', 'urgent']]);
  });

  it('a PEP this term clears the alert', () => {
    const done = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2026-02-26', lastPepStatus: 'submitted' });
    expect(kinds(done, '2026-03-23')).toEqual([]);
  });
});

describe('the last PEP\'s paperwork', () => {
  it.each([
    // [status, today, expected]
    ['draft', '2026-03-05', []],
    ['draft', '2026-03-10', [['pep-not-submitted', 'warning']]],
    ['ready', '2026-03-20', [['pep-not-submitted', 'warning']]],
    ['ready', '2026-03-23', [['pep-not-submitted', 'urgent']]],
    ['submitted', '2026-03-23', []],
    ['approved', '2026-03-23', []],
    ['returned', '2026-03-10', [['pep-returned', 'warning']]],
  ] as const)('%s PEP from 25/02/2026 on %s', (status, today, expected) => {
    const id = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2026-02-25', lastPepStatus: status });
    expect(kinds(id, today)).toEqual(expected.map((e) => [...e]));
  });

  it('says what to do', () => {
    const id = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2026-02-25', lastPepStatus: 'draft' });
    expect(pepAlerts(id, '2026-03-23')[0]!.reason).toBe(
      'The PEP from the meeting on 25/02/2026 is still a draft; it was due by the Virtual School\'s cut-off for the Spring 2025-26 term, 20/03/2026.');
  });
});

describe('PEP targets not met at the last review', () => {
  it.each([[0, []], [1, [['pep-targets-not-met', 'warning']]], [3, [['pep-targets-not-met', 'warning']]]] as const)('%i not met', (n, expected) => {
    const id = child({ dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04' }, { lastPepMeetingOn: '2026-02-25', lastPepStatus: 'approved', targetsNotMetAtLastReview: n });
    expect(kinds(id, '2026-03-02')).toEqual(expected.map((e) => [...e]));
  });
});

describe('a previously looked-after child has no statutory PEP', () => {
  it('raises no PEP alert of any kind', () => {
    const id = child({ status: 'PLAC', legalStatus: null, placArrangement: 'ADOPTED', dateIntoCare: '2015-01-01', dateJoinedSchool: '2026-01-12' },
      { targetsNotMetAtLastReview: 2, lastPepMeetingOn: '2026-01-13', lastPepStatus: 'draft' });
    for (const today of ['2026-02-09', '2026-02-10', '2026-03-23', '2026-07-23']) expect(kinds(id, today)).toEqual([]);
  });
});

describe('careers / post-16 plan from Year 9', () => {
  it.each([
    // [date of birth, year group in 2025-26, careers plan, PEP has one, status, expected]
    ['2013-02-14', 'Y8', null, false, 'CLA', []],
    ['2012-02-14', 'Y9', null, false, 'CLA', [['careers-plan-missing', 'info']]],
    ['2012-02-14', 'Y9', 'Apprenticeship in engineering', false, 'CLA', []],
    ['2012-02-14', 'Y9', null, true, 'CLA', []],
    ['2010-02-14', 'Y11', null, false, 'CLA', [['careers-plan-missing', 'warning']]],
    ['2010-02-14', 'Y11', null, false, 'PLAC', []],
  ] as const)('born %s (%s), plan %s, in the PEP %s, %s', (dob, _y, plan, inPep, status, expected) => {
    const id = child({
      dateOfBirth: dob, careersPlan: plan, dateIntoCare: '2019-05-01', dateJoinedSchool: '2024-09-04',
      ...(status === 'PLAC' ? { status, legalStatus: null, placArrangement: 'SGO' } : {}),
    }, { hasCareersPlan: inPep, lastPepMeetingOn: '2026-02-25', lastPepStatus: 'approved' });
    const got = registerAlerts(register, '2026-03-16', { childId: id, pepFacts: source }).filter((a) => a.kind === 'careers-plan-missing');
    expect(got.map((a) => [a.kind, a.severity])).toEqual(expected.map((e) => [...e]));
    if (got[0]) expect(got[0].link).toEqual({ area: 'children', id, tab: 'education' });
  });
});

describe('the PEP due-soon threshold comes from the settings', () => {
  it('a wider window warns earlier', async () => {
    const { getAlertThresholds, updateAlertThresholds } = await import('../../../../main/services/alerts/thresholds.ts');
    const id = child({ dateJoinedSchool: '2024-09-04', dateIntoCare: '2026-01-12' });
    expect(kinds(id, '2026-01-19')).toEqual([]);
    const before = getAlertThresholds(register);
    updateAlertThresholds(register, { ...before, pepDueSoonSchoolDays: 20 });
    try {
      expect(kinds(id, '2026-01-19')).toEqual([['pep-initial-due', 'warning']]);
    } finally {
      updateAlertThresholds(register, before);
    }
  });
});

describe('the next PEP due, for the child\'s file', () => {
  it('gives the date and the rule, and nothing for a previously looked-after child', () => {
    const id = child({ dateJoinedSchool: '2024-09-04', dateIntoCare: '2026-01-12' });
    expect(nextPepDue(register, '2026-01-20', id, { pepFacts: source })).toEqual({
      date: '2026-02-09', reason: 'Initial PEP within 20 school days of entering care on 12/01/2026.',
    });
    const plac = child({ status: 'PLAC', legalStatus: null, placArrangement: 'SGO' });
    expect(nextPepDue(register, '2026-01-20', plac, { pepFacts: source })).toBeNull();
  });
});
