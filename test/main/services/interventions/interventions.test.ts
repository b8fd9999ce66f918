// Interventions: validation naming fields, leavers read-only, the list's filters and totals, quick
// session attendance (one intervention, and several on one day), impact ratings, the child's audit
// history, and "start an intervention" from a below-target flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { createInterventionInput, rateInterventionInput, recordDaySessionsInput, recordSessionsInput, updateInterventionInput } from '../../../../main/api/contract.ts';
import { childAuditEntries, describeAudit } from '../../../../main/services/children/audit.ts';
import {
  createIntervention, deleteIntervention, deleteSessions, getIntervention, listInterventions, listSessionsDue, rateInterventionImpact,
  recordDaySessions, recordSessions, startInterventionFromBelowTarget, updateIntervention,
} from '../../../../main/services/interventions/index.ts';
import { requestReturns, saveProvider, saveReturnCells } from '../../../../main/services/progress/index.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { fingerprint } from '../children/fixtures.ts';
import { type Fixture, progressFixture } from '../progress/fixture.ts';

const TODAY = '2026-03-16';
let f: Fixture;
let r: Register;
let providerId: number;
let leaverIntervention: number;

type In = z.input<typeof createInterventionInput>;
const input = (v: Partial<In> = {}) => createInterventionInput.parse({
  childId: f.children.zq, kind: 'small_group_maths', deliveredBy: 'Bartholomew Quayle', subjectId: f.subjects.maths,
  startDate: '2026-01-12', endDate: '2026-03-27', sessionsPlanned: 10, costPence: 45_000, fundingSource: 'pp_plus', ...v,
});
const add = (v: Partial<In> = {}) => createIntervention(r, input(v), TODAY);
/** The edit form's whole intervention (no childId: an intervention never moves to another child). */
const edit = (id: number, v: Partial<In> = {}) => {
  const { childId: _c, ...rest } = input(v);
  return updateInterventionInput.parse({ ...rest, id });
};

beforeAll(async () => {
  f = await progressFixture();
  r = f.register;
  providerId = saveProvider(r, {
    name: 'Brightpath Tutors (fictitious)', contactName: null, email: 'office@brightpath.example.org', phone: null, managerName: null,
    managerEmail: null, reportDueSchoolDays: 2, escalationGapSchoolDays: 3,
  }).id;
  // A leaver's intervention from before they left (written directly: the service would refuse now).
  leaverIntervention = r.run(qb.insertInto('interventions').values({
    child_id: f.children.leaver, kind: 'mentoring', delivered_by: 'Mentor', start_date: '2025-01-06', end_date: '2025-07-11',
    funding_source: 'school', created_at: 'x', updated_at: 'x',
  })).lastInsertRowid;
});
afterAll(() => {
  r.close();
  cleanupTempDirs();
});

describe('validation names the field', () => {
  it.each([
    [{ endDate: '2026-01-11' }, 'endDate', /end on or after/],
    [{ kind: 'other', kindOther: null }, 'kindOther', /Describe the intervention/],
    [{ kind: 'other', kindOther: '' }, 'kindOther', /Describe the intervention/],
    [{ deliveredBy: null, providerId: null }, 'deliveredBy', /provider, or say who delivers/],
    [{ costPence: -1 }, 'costPence', /cannot be negative/],
    [{ costPence: 12.5 }, 'costPence', /whole number of pence/],
    [{ impactRating: 'good_impact', evidenceNote: null }, 'evidenceNote', /evidence note/],
    [{ fundingSource: 'lottery' }, 'fundingSource', /PP\+, school or Virtual School/],
    [{ startDate: '2026-02-30' }, 'startDate', /does not exist/],
  ] as const)('%j → %s', (v, field, message) => {
    const res = createInterventionInput.safeParse({ ...input(), ...v });
    expect(res.success).toBe(false);
    const issue = res.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });

  it('accepts a provider instead of who delivers it, and an "other" with a description', () => {
    expect(createInterventionInput.safeParse({ ...input(), deliveredBy: null, providerId: 5 }).success).toBe(true);
    expect(createInterventionInput.safeParse({ ...input(), kind: 'other', kindOther: 'Forest school' }).success).toBe(true);
  });

  it('checks the provider and subject exist, and writes nothing when they do not', async () => {
    const before = fingerprint(r);
    const e = await expectRegisterError(() => add({ providerId: 9999, deliveredBy: null, subjectId: 9999 }), 'Invalid');
    expect(e.issues.map((i) => i.path[0])).toEqual(['providerId', 'subjectId']);
    expect(fingerprint(r)).toBe(before);
  });
});

describe('create, read, update, delete', () => {
  it('creates with everything the list shows', () => {
    const iv = add();
    expect(iv).toMatchObject({
      childId: f.children.zq, childName: 'Zephyrine Quarrington', yearGroup: 10, editable: true, kind: 'small_group_maths',
      kindLabel: 'Small-group maths', subjectName: 'Maths', providerName: null, state: 'active', sessionsRecorded: 0,
      attendanceRate: null, costPence: 45_000, fundingSource: 'pp_plus', financialYear: '2025-26', impactRating: 'not_assessed', sessions: [],
    });
    deleteIntervention(r, iv.id);
  });

  it('labels an "other" intervention by its description and a provider by name', () => {
    const iv = add({ kind: 'other', kindOther: 'Forest school', providerId, deliveredBy: null, subjectId: null });
    expect(iv).toMatchObject({ kindLabel: 'Forest school', providerName: 'Brightpath Tutors (fictitious)', subjectName: null });
    const changed = updateIntervention(r, edit(iv.id, { kind: 'mentoring', kindOther: 'ignored' }), TODAY);
    expect(changed).toMatchObject({ kind: 'mentoring', kindOther: null, kindLabel: 'Mentoring' });
    deleteIntervention(r, iv.id);
    return expectRegisterError(() => getIntervention(r, iv.id, TODAY), 'NotFound');
  });

  it('puts each change on the child\'s history (childAuditRef)', () => {
    const iv = add();
    recordSessions(r, recordSessionsInput.parse({ interventionId: iv.id, sessions: [{ date: '2026-01-13', attended: true }] }), TODAY);
    deleteIntervention(r, iv.id);
    const entries = childAuditEntries(r, f.children.zq).filter((e) => e.record_type?.startsWith('child.intervention') && e.record_id === `${f.children.zq}:${iv.id}`);
    // Newest first (an id freed by a delete can be used again, so older entries may share it).
    expect(entries.slice(0, 3).map((e) => [e.action, e.record_type, e.record_id])).toEqual([
      ['delete', 'child.intervention', `${f.children.zq}:${iv.id}`],
      ['update', 'child.intervention_sessions', `${f.children.zq}:${iv.id}`],
      ['create', 'child.intervention', `${f.children.zq}:${iv.id}`],
    ]);
    expect(describeAudit('create', 'child.intervention')).toBe('Intervention added');
  });
});

describe('leavers are read-only', () => {
  it('refuses every change with Conflict and writes nothing', async () => {
    const before = fingerprint(r);
    await expectRegisterError(() => add({ childId: f.children.leaver }), 'Conflict');
    await expectRegisterError(() => updateIntervention(r, edit(leaverIntervention), TODAY), 'Conflict');
    await expectRegisterError(() => deleteIntervention(r, leaverIntervention), 'Conflict');
    await expectRegisterError(() => recordSessions(r, recordSessionsInput.parse({ interventionId: leaverIntervention, sessions: [{ date: '2025-02-03', attended: true }] }), TODAY), 'Conflict');
    await expectRegisterError(() => rateInterventionImpact(r, rateInterventionInput.parse({ id: leaverIntervention, impactRating: 'no_impact', evidenceNote: 'x' }), TODAY), 'Conflict');
    expect(fingerprint(r)).toBe(before);
    expect(getIntervention(r, leaverIntervention, TODAY).editable).toBe(false);
  });
});

describe('sessions', () => {
  let id: number;
  beforeAll(() => {
    id = add({ startDate: '2026-01-12', endDate: '2026-03-20' }).id;
  });

  it('records attendance by date and gives the rate', () => {
    const iv = recordSessions(r, recordSessionsInput.parse({
      interventionId: id, sessions: [{ date: '2026-01-12', attended: true }, { date: '2026-01-19', attended: true }, { date: '2026-01-26', attended: false, note: 'Ill' }],
    }), TODAY);
    expect(iv).toMatchObject({ sessionsRecorded: 3, sessionsAttended: 2, attendanceRate: 66.7, lastSessionOn: '2026-01-26' });
    expect(iv.sessions.map((s) => [s.date, s.attended, s.note])).toEqual([['2026-01-12', true, null], ['2026-01-19', true, null], ['2026-01-26', false, 'Ill']]);
  });

  it('corrects a date already recorded rather than duplicating it', () => {
    const iv = recordSessions(r, recordSessionsInput.parse({ interventionId: id, sessions: [{ date: '2026-01-26', attended: true, note: null }] }), TODAY);
    expect(iv).toMatchObject({ sessionsRecorded: 3, sessionsAttended: 3, attendanceRate: 100 });
  });

  it.each([
    ['2026-01-09', /starts on 12\/01\/2026/],
    ['2026-03-23', /ends on 20\/03\/2026/],
    ['2026-03-17', /in the future/],
  ])('refuses a session on %s, naming the row', async (date, message) => {
    const before = fingerprint(r);
    const e = await expectRegisterError(() => recordSessions(r, recordSessionsInput.parse({
      interventionId: id, sessions: [{ date: '2026-02-02', attended: true }, { date, attended: true }],
    }), TODAY), 'Invalid');
    expect(e.issues).toEqual([{ path: ['sessions', 1, 'date'], message: expect.stringMatching(message) }]);
    expect(fingerprint(r)).toBe(before);
  });

  it('refuses the same date twice in one request', () => {
    const res = recordSessionsInput.safeParse({ interventionId: id, sessions: [{ date: '2026-02-02', attended: true }, { date: '2026-02-02', attended: false }] });
    expect(res.error?.issues[0]?.path).toEqual(['sessions', 1, 'date']);
  });

  it('allows a Saturday session (tutoring) and removes sessions by date', () => {
    expect(recordSessions(r, recordSessionsInput.parse({ interventionId: id, sessions: [{ date: '2026-01-31', attended: true }] }), TODAY).sessionsRecorded).toBe(4);
    expect(deleteSessions(r, id, ['2026-01-31'], TODAY).sessionsRecorded).toBe(3);
    return expectRegisterError(() => deleteSessions(r, id, ['2026-01-31'], TODAY), 'NotFound');
  });

  it('refuses to move the dates past recorded sessions', async () => {
    const e = await expectRegisterError(() => updateIntervention(r, edit(id, { startDate: '2026-01-20' }), TODAY), 'Invalid');
    expect(e.issues[0]).toMatchObject({ path: ['startDate'], message: expect.stringMatching(/12\/01\/2026, before this start date/) });
  });
});

describe('today\'s sessions for several interventions at once', () => {
  let a: number;
  let b: number;
  beforeAll(() => {
    a = add({ childId: f.children.bf, kind: 'mentoring', subjectId: null, startDate: '2026-03-02', endDate: null, fundingSource: 'school' }).id;
    b = add({ childId: f.children.im, kind: 'small_group_english', subjectId: f.subjects.english, startDate: '2026-03-02', endDate: '2026-03-31' }).id;
  });

  it('lists what is running on the day, with what is recorded', () => {
    const due = listSessionsDue(r, TODAY);
    const ids = due.rows.map((x) => x.interventionId);
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    expect(ids).not.toContain(leaverIntervention);
    expect(due.rows.find((x) => x.interventionId === a)).toMatchObject({ childName: 'Barnaby Fennimore-Clough', kindLabel: 'Mentoring', recorded: null });
    expect(listSessionsDue(r, '2026-03-01').rows.map((x) => x.interventionId)).not.toContain(a);
  });

  it('records them in one go, then corrections count as updates', () => {
    const res = recordDaySessions(r, recordDaySessionsInput.parse({ date: TODAY, entries: [{ interventionId: a, attended: true }, { interventionId: b, attended: false, note: 'Trip' }] }), TODAY);
    expect(res).toMatchObject({ added: 2, updated: 0 });
    expect(res.interventions.map((i) => [i.id, i.sessionsRecorded, i.attendanceRate])).toEqual(expect.arrayContaining([[a, 1, 100], [b, 1, 0]]));
    expect(listSessionsDue(r, TODAY).rows.find((x) => x.interventionId === b)!.recorded).toEqual({ attended: false, note: 'Trip' });
    expect(recordDaySessions(r, recordDaySessionsInput.parse({ date: TODAY, entries: [{ interventionId: b, attended: true }] }), TODAY)).toMatchObject({ added: 0, updated: 1 });
  });

  it('is all or nothing, naming each bad row', async () => {
    const before = fingerprint(r);
    const e = await expectRegisterError(() => recordDaySessions(r, recordDaySessionsInput.parse({
      date: '2026-03-13', entries: [{ interventionId: a, attended: true }, { interventionId: leaverIntervention, attended: true }, { interventionId: 99999, attended: true }],
    }), TODAY), 'Invalid');
    expect(e.issues.map((i) => i.path)).toEqual([['entries', 1, 'interventionId'], ['entries', 2, 'interventionId']]);
    expect(e.issues[0]!.message).toMatch(/left the school/);
    expect(fingerprint(r)).toBe(before);
  });

  it('takes marks off in the same transaction: all of the day lands, or none of it', async () => {
    // a and b both have a session on TODAY from the tests above.
    const before = fingerprint(r);
    const e = await expectRegisterError(() => recordDaySessions(r, recordDaySessionsInput.parse({
      date: TODAY, entries: [{ interventionId: a, attended: false, note: 'Ill' }], removals: [b, leaverIntervention],
    }), TODAY), 'Invalid');
    expect(e.issues.map((i) => i.path)).toEqual([['removals', 1]]);
    expect(fingerprint(r)).toBe(before);

    const res = recordDaySessions(r, recordDaySessionsInput.parse({ date: TODAY, entries: [{ interventionId: a, attended: false, note: 'Ill' }], removals: [b] }), TODAY);
    expect(res).toMatchObject({ added: 0, updated: 1, removed: 1 });
    const due = listSessionsDue(r, TODAY).rows;
    expect(due.find((x) => x.interventionId === a)!.recorded).toEqual({ attended: false, note: 'Ill' });
    expect(due.find((x) => x.interventionId === b)!.recorded).toBeNull();
    // Nothing left to take off: counted as nothing removed.
    expect(recordDaySessions(r, recordDaySessionsInput.parse({ date: TODAY, entries: [], removals: [b] }), TODAY)).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('refuses an empty day and an intervention listed twice', () => {
    expect(recordDaySessionsInput.safeParse({ date: TODAY, entries: [] }).error?.issues[0]).toMatchObject({ path: ['entries'], message: 'Record at least one session.' });
    expect(recordDaySessionsInput.safeParse({ date: TODAY, entries: [{ interventionId: 5, attended: true }], removals: [5] }).error?.issues[0]?.path).toEqual(['removals', 0]);
  });
});

describe('impact', () => {
  it('needs an evidence note to rate, and keeps the outcome', () => {
    const iv = add({ endDate: '2026-02-13', baselineMeasure: 'Times tables', baselineValue: '12', outcomeMeasure: 'Times tables' });
    expect(rateInterventionInput.safeParse({ id: iv.id, impactRating: 'good_impact', evidenceNote: '' }).error?.issues[0]?.path).toEqual(['evidenceNote']);
    const rated = rateInterventionImpact(r, rateInterventionInput.parse({ id: iv.id, impactRating: 'good_impact', evidenceNote: 'Score up 8 points', outcomeValue: '20' }), TODAY);
    expect(rated).toMatchObject({ impactRating: 'good_impact', evidenceNote: 'Score up 8 points', baselineValue: '12', outcomeValue: '20', state: 'ended' });
  });
});

describe('the list across all children', () => {
  let ids: Record<string, number>;
  beforeAll(() => {
    r.run(qb.deleteFrom('interventions').where('child_id', '!=', f.children.leaver));
    ids = {
      maths: add({ startDate: '2025-11-03', endDate: '2026-01-30', costPence: 30_000 }).id, // 2025-26, ended
      tutor: add({ childId: f.children.bf, kind: 'tuition_1to1', providerId, deliveredBy: null, startDate: '2026-03-02', endDate: null, costPence: 60_000 }).id,
      english: add({ childId: f.children.im, kind: 'small_group_english', subjectId: f.subjects.english, startDate: '2026-04-13', endDate: '2026-07-17', costPence: 20_000, fundingSource: 'school' }).id,
      counselling: add({ childId: f.children.im, kind: 'counselling', subjectId: null, deliveredBy: 'School counsellor', startDate: '2025-09-08', endDate: '2025-12-19', costPence: 90_000, fundingSource: 'virtual_school', impactRating: 'some_impact', evidenceNote: 'Calmer' }).id,
    };
    recordSessions(r, recordSessionsInput.parse({ interventionId: ids.tutor!, sessions: [{ date: '2026-03-02', attended: true }, { date: '2026-03-09', attended: false }] }), TODAY);
  });

  const list = (filter: Parameters<typeof listInterventions>[1]) => listInterventions(r, filter, TODAY);
  const idsOf = (filter: Parameters<typeof listInterventions>[1]) => list(filter).rows.map((x) => x.id).sort((a, b) => a - b);
  const sorted = (...xs: (number | undefined)[]) => (xs as number[]).sort((a, b) => a - b);

  it.each([
    ['all (leavers left out)', {}, ['maths', 'tutor', 'english', 'counselling']],
    ['a child', { childId: 0 }, ['english', 'counselling']],
    ['a kind', { kind: 'tuition_1to1' }, ['tutor']],
    ['a provider', { providerId: -1 }, ['tutor']],
    ['delivered in school', { inSchoolOnly: true }, ['maths', 'english', 'counselling']],
    ['a subject', { subjectId: -2 }, ['maths', 'tutor']],
    ['PP+ funded', { fundingSource: 'pp_plus' }, ['maths', 'tutor']],
    ['an impact rating', { impactRating: 'some_impact' }, ['counselling']],
    ['active on a date', { activeOn: '2026-01-15' }, ['maths']],
    ['state planned today', { state: 'planned' }, ['english']],
    ['state active today', { state: 'active' }, ['tutor']],
    ['a financial year', { financialYear: '2026-27' }, ['english']],
  ] as const)('%s', (_label, filter, expected) => {
    const fl = { ...filter } as Record<string, unknown>;
    if (fl.childId === 0) fl.childId = f.children.im;
    if (fl.providerId === -1) fl.providerId = providerId;
    if (fl.subjectId === -2) fl.subjectId = f.subjects.maths;
    expect(idsOf(fl)).toEqual(sorted(...expected.map((k) => ids[k])));
  });

  it('includes leavers when asked, or when listing one child', () => {
    expect(idsOf({ includeLeavers: true })).toContain(leaverIntervention);
    expect(idsOf({ childId: f.children.leaver })).toEqual([leaverIntervention]);
  });

  it('totals the rows it lists', () => {
    const t = list({}).totals;
    expect(t).toMatchObject({
      count: 4, costPence: 200_000, ppPlusCostPence: 90_000, sessionsRecorded: 2, sessionsAttended: 1, attendanceRate: 50,
      byFunding: { pp_plus: { count: 2, costPence: 90_000 }, school: { count: 1, costPence: 20_000 }, virtual_school: { count: 1, costPence: 90_000 } },
    });
    expect(t.byImpact).toMatchObject({ not_assessed: 3, some_impact: 1 });
    expect(t.byKind).toMatchObject({ small_group_maths: 1, tuition_1to1: 1, small_group_english: 1, counselling: 1, mentoring: 0 });
    expect(list({ fundingSource: 'school' }).totals).toMatchObject({ count: 1, costPence: 20_000 });
  });
});

describe('start an intervention from a below-target flag', () => {
  beforeAll(() => {
    requestReturns(r, f.windowId, '2025-12-01');
    saveReturnCells(r, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.maths, current: '4', target: '6', predicted: '4' }], '2025-12-10');
  });

  it('pre-fills the form from the return, without saving anything', () => {
    const before = fingerprint(r);
    const d = startInterventionFromBelowTarget(r, { childId: f.children.zq, subjectId: f.subjects.maths, windowId: f.windowId }, TODAY);
    expect(fingerprint(r)).toBe(before);
    expect(d.source).toMatchObject({ childName: 'Zephyrine Quarrington', subjectName: 'Maths', windowName: 'Autumn 2', target: '6', predicted: '4', steps: -2, flag: 'below' });
    expect(d.input).toMatchObject({
      childId: f.children.zq, kind: 'small_group_maths', deliveredBy: 'Bartholomew Quayle', subjectId: f.subjects.maths, startDate: TODAY,
      sessionsPlanned: 6, fundingSource: 'school', baselineValue: '4', impactRating: 'not_assessed',
      baselineMeasure: 'Maths predicted grade at Autumn 2 (GCSE 9–1)', outcomeMeasure: 'Maths grade at the next assessment window (target 6)',
    });
    expect(d.input.endDate! > TODAY).toBe(true);
    // Saving it is one step.
    const iv = createIntervention(r, createInterventionInput.parse(d.input), TODAY);
    expect(iv.state).toBe('active');
    expect(startInterventionFromBelowTarget(r, { childId: f.children.zq, subjectId: f.subjects.maths, windowId: f.windowId }, TODAY).source.activeInterventions).toBe(1);
  });

  it('funds it from PP+ for an eligible looked-after child', () => {
    r.run(qb.updateTable('children').set({ pp_plus_eligible: 1 }).where('id', '=', f.children.zq));
    expect(startInterventionFromBelowTarget(r, { childId: f.children.zq, subjectId: f.subjects.maths, windowId: f.windowId }, TODAY).input.fundingSource).toBe('pp_plus');
  });

  it('says when there is no return, and refuses a leaver', async () => {
    await expectRegisterError(() => startInterventionFromBelowTarget(r, { childId: f.children.zq, subjectId: f.subjects.history, windowId: f.windowId }, TODAY), 'NotFound');
    await expectRegisterError(() => startInterventionFromBelowTarget(r, { childId: f.children.leaver, subjectId: f.subjects.english, windowId: f.windowId }, TODAY), 'Conflict');
  });
});
