// Pupil Premium Plus: financial years, the eligibility rule (in care, on roll, PP+ eligible, aged 4
// to 15, pro-rated by month), recorded allocations overriding the rule, spend from PP+-funded
// interventions by start date, per-LA totals, and the overspend / unspent warnings at their dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { recordPpPlusAllocationInput } from '../../../../main/api/contract.ts';
import { childAuditEntries } from '../../../../main/services/children/audit.ts';
import { markChildLeft } from '../../../../main/services/children/children.ts';
import { saveLocalAuthority } from '../../../../main/services/localAuthorities.ts';
import {
  deletePpPlusAllocation, eligibility, expectedPence, financialYearBounds, financialYearMonths, financialYearOf, getPpPlusPosition,
  listPpPlusAllocations, recordPpPlusAllocation,
} from '../../../../main/services/ppplus/index.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { addChild, type ChildInput, fingerprint, freshRegister } from '../children/fixtures.ts';

const TODAY = '2026-03-16';
let register: Register;
let laId: number;
let la2: number;

beforeAll(async () => {
  const t = await freshRegister('ppplus');
  register = t.register;
  laId = t.laId;
  la2 = saveLocalAuthority(register, {
    name: 'Southmoor Borough Council (fictitious)', laCode: '992', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20,
    ppplusPencePerYear: 240_000, ppplusPayment: 'annual', contacts: [],
  }).id;
});
afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe('financial years run 1 April to 31 March', () => {
  it.each([
    ['2025-03-31', '2024-25'], ['2025-04-01', '2025-26'], ['2026-01-15', '2025-26'], ['2026-03-31', '2025-26'], ['1999-12-31', '1999-00'],
  ])('%s is in %s', (date, fy) => expect(financialYearOf(date)).toBe(fy));

  it('has twelve months, April first, with the right last days', () => {
    const m = financialYearMonths('2027-28');
    expect(m).toHaveLength(12);
    expect(m[0]).toEqual({ start: '2027-04-01', end: '2027-04-30' });
    expect(m[10]).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(m[11]).toEqual({ start: '2028-03-01', end: '2028-03-31' });
    expect(financialYearBounds('2025-26')).toEqual({ startDate: '2025-04-01', endDate: '2026-03-31', startYear: 2025 });
  });
});

describe('eligible months (pro-rated allocation)', () => {
  const base = { status: 'CLA' as const, pp_plus_eligible: 1, date_of_birth: '2013-02-14', date_into_care: '2019-05-01', date_joined_school: '2024-09-04', leaving_date: null };
  it.each([
    ['all year', {}, 12, 257_000],
    ['joined in September', { date_joined_school: '2025-09-03' }, 7, 149_917],
    ['joined on the last day of September', { date_joined_school: '2025-09-30' }, 7, 149_917],
    ['joined on 1 October', { date_joined_school: '2025-10-01' }, 6, 128_500],
    ['came into care in January', { date_into_care: '2026-01-10' }, 3, 64_250],
    ['unknown date into care', { date_into_care: null }, 12, 257_000],
    ['left in July', { leaving_date: '2025-07-18' }, 4, 85_667],
    ['Year 11 this year (15 on 31/08/2025)', { date_of_birth: '2010-03-01' }, 12, 257_000],
    ['Year 11 last year (16 on 31/08/2025)', { date_of_birth: '2009-06-01' }, 5, 107_083],
    ['starts Reception in September (4 on 31/08/2025)', { date_of_birth: '2021-06-01' }, 7, 149_917],
    ['previously looked after', { status: 'PLAC' as const }, 0, 0],
    ['not marked eligible', { pp_plus_eligible: 0 }, 0, 0],
  ])('%s', (_label, v, months, pence) => {
    const e = eligibility({ ...base, ...v }, '2025-26');
    expect(e.months).toBe(months);
    expect(expectedPence(257_000, e.months)).toBe(pence);
    expect(e.text.length).toBeGreaterThan(10);
  });

  it('explains why not', () => {
    expect(eligibility({ ...base, status: 'PLAC' }, '2025-26').text).toMatch(/paid to the school through the census/);
    expect(eligibility({ ...base, date_joined_school: '2026-04-01' }, '2025-26').text).toBe('Not on roll during this financial year.');
    expect(eligibility({ ...base, date_of_birth: '2008-01-01' }, '2025-26').text).toMatch(/age range/);
    expect(eligibility({ ...base, date_joined_school: '2025-09-03' }, '2025-26').text).toBe('In care, on roll and aged 4 to 15 for 7 of 12 months.');
  });
});

describe('the position for a year', () => {
  let a: number; // allocation recorded (less than spent): overspend
  let b: number; // expected only, little spent: unspent
  let c: number; // other LA, nothing spent
  let plac: number;
  const child = (v: Partial<ChildInput>) => addChild(register, { ppPlusEligible: true, responsibleLaId: laId, eswName: null, ...v });
  const pp = (childId: number, start: string, cost: number, funding: 'pp_plus' | 'school' = 'pp_plus') => register.run(qb.insertInto('interventions').values({
    child_id: childId, kind: 'mentoring', delivered_by: 'Mentor', start_date: start, end_date: null, cost_pence: cost, funding_source: funding, created_at: 'x', updated_at: 'x',
  }));
  const pos = (asOf: string, f: Parameters<typeof getPpPlusPosition>[1] = {}) => getPpPlusPosition(register, { financialYear: '2025-26', asOf, ...f }, TODAY);

  beforeAll(() => {
    a = child({ legalFirstName: 'Aurelia' });
    b = child({ legalFirstName: 'Benedict', preferredName: null });
    c = child({ legalFirstName: 'Cosima', preferredName: null, responsibleLaId: la2 });
    plac = child({ legalFirstName: 'Dashiell', preferredName: null, status: 'PLAC', legalStatus: null, placArrangement: 'ADOPTED' });
    recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: a, financialYear: '2025-26', amountPence: 200_000, receivedOn: '2025-06-30' }), TODAY);
    pp(a, '2025-05-06', 150_000);
    pp(a, '2026-03-02', 100_000);
    pp(a, '2025-03-31', 99_999); // previous financial year
    pp(a, '2026-04-01', 99_999); // next financial year
    pp(a, '2025-09-01', 55_555, 'school'); // not PP+
    pp(b, '2025-10-06', 50_000);
    pp(plac, '2025-10-06', 30_000);
  });

  it('shows each child: expected, recorded, allocated, spent', () => {
    const p = pos('2025-12-22');
    const row = (id: number) => p.children.find((x) => x.childId === id)!;
    expect(row(a)).toMatchObject({
      childName: 'Zeph Quarrington', eligible: true, eligibleMonths: 12, expectedPence: 257_000,
      recorded: { amountPence: 200_000, receivedOn: '2025-06-30', laId }, allocatedPence: 200_000, spentPence: 250_000, remainingPence: -50_000,
      spentPercent: 125, interventions: 2, laName: 'Northshire County Council (fictitious)',
    });
    expect(row(b)).toMatchObject({ recorded: null, allocatedPence: 257_000, spentPence: 50_000, spentPercent: 19.5 });
    expect(row(c)).toMatchObject({ laId: la2, expectedPence: 240_000, spentPence: 0 });
    expect(row(plac)).toMatchObject({ eligible: false, laId: null, expectedPence: 0, allocatedPence: 0, spentPence: 30_000 });
  });

  it('warns of overspend, and of unspent money after the autumn checkpoint (20 December without a calendar)', () => {
    const kinds = (asOf: string, id: number) => pos(asOf).children.find((x) => x.childId === id)!.warnings.map((w) => [w.kind, w.severity]);
    expect(kinds('2025-12-19', a)).toEqual([['overspend', 'warning']]);
    expect(kinds('2025-12-19', b)).toEqual([]);
    expect(kinds('2025-12-20', b)).toEqual([]);
    expect(kinds('2025-12-21', b)).toEqual([['unspent', 'warning'], ['no_allocation_recorded', 'info']]);
    expect(kinds('2026-04-01', b)).toEqual([['unspent_at_year_end', 'warning']]);
    expect(kinds('2025-12-21', plac)).toEqual([['overspend', 'warning']]);
    const p = pos('2025-12-21');
    expect(p.children.find((x) => x.childId === a)!.warnings[0]!.message).toBe('Zeph Quarrington: overspent by £500.00 (£2,500.00 spent of £2,000.00).');
    expect(p.children.find((x) => x.childId === b)!.warnings[0]!.message).toBe('Benedict Quarrington: only 19% of £2,570.00 spent; at least 50% is expected by end of the autumn term.');
  });

  it('uses the 1 March checkpoint from then on, with thresholds from the settings', async () => {
    const share = (asOf: string) => pos(asOf).checkpoints.map((cp) => [cp.label, cp.date, cp.minSpentPercent, cp.passed]);
    expect(share('2026-02-28')).toEqual([['End of the autumn term', '2025-12-20', 50, true], ['1 March', '2026-03-01', 80, false]]);
    expect(share('2026-03-01')[1]).toEqual(['1 March', '2026-03-01', 80, true]);
    expect(pos('2026-03-01').children.find((x) => x.childId === b)!.warnings[0]!.message).toMatch(/at least 80% is expected by 1 march/);
    const { getAlertThresholds, updateAlertThresholds } = await import('../../../../main/services/alerts/thresholds.ts');
    const t = getAlertThresholds(register);
    updateAlertThresholds(register, { ...t, ppPlusAutumnMinSpentPercent: 10, ppPlusMarchMinSpentPercent: 15 });
    try {
      expect(pos('2026-03-01').children.find((x) => x.childId === b)!.warnings.filter((w) => w.kind === 'unspent')).toEqual([]);
    } finally {
      updateAlertThresholds(register, t);
    }
  });

  it('totals per LA, and overall', () => {
    const p = pos('2025-12-22');
    const la = (id: number | null) => p.byLa.find((l) => l.laId === id)!;
    expect(la(laId)).toMatchObject({ children: 2, expectedPence: 514_000, allocatedPence: 457_000, receivedPence: 200_000, spentPence: 300_000, pencePerYear: 257_000, payment: 'termly' });
    expect(la(la2)).toMatchObject({ children: 1, allocatedPence: 240_000, spentPence: 0 });
    expect(la(null)).toMatchObject({ children: 1, spentPence: 30_000, laName: expect.stringMatching(/No Virtual School/) });
    expect(la(la2).warnings.map((w) => w.kind)).toEqual(['unspent']);
    expect(p.totals).toMatchObject({ allocatedPence: 697_000, spentPence: 330_000, remainingPence: 367_000 });
    expect(p.byLa.at(-1)!.laId).toBeNull();
    expect(p.warnings[0]!.severity).toBe('warning');
    expect(p.availableYears).toEqual(expect.arrayContaining(['2025-26', '2024-25', '2026-27']));
  });

  it('filters by LA and by child', () => {
    expect(pos('2025-12-22', { laId: la2 }).children.map((x) => x.childId)).toEqual([c]);
    expect(pos('2025-12-22', { childId: a }).children.map((x) => x.childId)).toEqual([a]);
  });

  it('defaults to the financial year of the date', () => {
    expect(getPpPlusPosition(register, {}, '2026-04-02').financialYear).toBe('2026-27');
    expect(getPpPlusPosition(register, {}, '2026-03-31').financialYear).toBe('2025-26');
  });
});

describe('recording allocations', () => {
  let id: number;
  beforeAll(() => {
    id = addChild(register, { ppPlusEligible: true, responsibleLaId: laId, legalFirstName: 'Evander', preferredName: null });
  });

  it('defaults to the child\'s LA, replaces an earlier record for the year, and is on the child\'s history', () => {
    const first = recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: id, financialYear: '2025-26', amountPence: 128_500 }), TODAY);
    expect(first).toMatchObject({ laId, amountPence: 128_500, receivedOn: null });
    const second = recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: id, financialYear: '2025-26', amountPence: 257_000, laId: la2, receivedOn: '2026-01-09', note: 'Full year' }), TODAY);
    expect(second).toMatchObject({ id: first.id, laId: la2, amountPence: 257_000, receivedOn: '2026-01-09', note: 'Full year' });
    expect(listPpPlusAllocations(register, { childId: id })).toHaveLength(1);
    const audit = childAuditEntries(register, id).filter((e) => e.record_type === 'child.pp_plus_allocation');
    expect(audit.map((e) => e.action)).toEqual(['update', 'create']);
    deletePpPlusAllocation(register, first.id);
    expect(listPpPlusAllocations(register, { childId: id })).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const noLa = addChild(register, { ppPlusEligible: true, legalFirstName: 'Fenella', preferredName: null });
    const before = fingerprint(register);
    const e1 = await expectRegisterError(() => recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: noLa, financialYear: '2025-26', amountPence: 1 }), TODAY), 'Invalid');
    expect(e1.issues[0]!.path).toEqual(['laId']);
    const e2 = await expectRegisterError(() => recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: id, financialYear: '2025-26', amountPence: 1, receivedOn: '2026-03-17' }), TODAY), 'Invalid');
    expect(e2.issues[0]!.path).toEqual(['receivedOn']);
    expect(recordPpPlusAllocationInput.safeParse({ childId: id, financialYear: '2025-27', amountPence: 1 }).error?.issues[0]?.path).toEqual(['financialYear']);
    expect(recordPpPlusAllocationInput.safeParse({ childId: id, financialYear: '2025-26', amountPence: -5 }).error?.issues[0]?.path).toEqual(['amountPence']);
    markChildLeft(register, { id: noLa, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    await expectRegisterError(() => recordPpPlusAllocation(register, recordPpPlusAllocationInput.parse({ childId: noLa, financialYear: '2025-26', amountPence: 1, laId }), TODAY), 'Conflict');
    await expectRegisterError(() => deletePpPlusAllocation(register, 99999), 'NotFound');
    // Only the leaving was written.
    expect(fingerprint(register)).not.toBe(before);
    expect(listPpPlusAllocations(register, { childId: noLa })).toEqual([]);
  });
});
