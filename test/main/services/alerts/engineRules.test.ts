// Issue 6's other rules (progress below target, returns overdue, risk reviews, ESW in school weeks)
// across their boundaries, the engine's shape (names, links, sorting), the thresholds setting and
// the default PEP facts source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { alertsFor, registerAlerts } from '../../../../main/services/alerts/index.ts';
import { defaultPepFactsSource, hasPepsTable, NO_PEP_YET, pepFactsSource, setPepFactsSource } from '../../../../main/services/alerts/pepSource.ts';
import { ALERT_RULES } from '../../../../main/services/alerts/registry.ts';
import { getAlertThresholds, updateAlertThresholds } from '../../../../main/services/alerts/thresholds.ts';
import { requestReturns, saveReturnCells } from '../../../../main/services/progress/index.ts';
import { DEFAULT_ALERT_THRESHOLDS } from '../../../../main/api/contract.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { DUE, type Fixture, progressFixture, STAGE1, STAGE2, STAGE3 } from '../progress/fixture.ts';

let f: Fixture;
let r: Register;

beforeAll(async () => {
  f = await progressFixture();
  r = f.register;
  requestReturns(r, f.windowId, '2025-12-01');
});
afterAll(() => {
  r.close();
  cleanupTempDirs();
});

const of = (kind: string, today: string, childId?: number) =>
  registerAlerts(r, today, childId === undefined ? {} : { childId }).filter((a) => a.kind === kind);

describe('progress returns overdue (SLA)', () => {
  it.each([
    ['2025-12-11', null],
    [DUE, null], // due today: not late
    ['2025-12-13', null], // Saturday: stage 1 starts on the next school day
    [STAGE1, 'warning'],
    [STAGE2, 'warning'],
    ['2026-01-06', 'warning'],
    [STAGE3, 'urgent'],
  ] as const)('on %s: %s', (today, severity) => {
    const a = of('returns-overdue', today, f.children.bf);
    expect(a.map((x) => x.severity)).toEqual(severity ? [severity] : []);
  });

  it('is one alert per child per window, listing the subjects, linking to the window\'s returns', () => {
    const [a] = of('returns-overdue', STAGE3, f.children.bf);
    expect(a).toMatchObject({
      key: `returns-overdue:${f.children.bf}:${f.windowId}`,
      title: 'Progress returns overdue',
      reason: '3 Autumn 2 returns are overdue (English, History, Maths), due by 12/12/2025; the SLA has reached escalation to senior leadership.',
      since: DUE, dueOn: DUE,
      subject: { type: 'child', id: f.children.bf, name: 'Barnaby Fennimore-Clough' },
      link: { area: 'progress', id: f.windowId, tab: 'returns' },
    });
    expect(a!.refs?.returnIds).toHaveLength(3);
  });

  it('never raises one for a leaver', () => {
    expect(of('returns-overdue', STAGE3).some((a) => a.childId === f.children.leaver)).toBe(false);
  });
});

describe('progress below target in core subjects', () => {
  beforeAll(() => {
    // Zephyrine (Y10, GCSE): Maths 2 below, English on target. Barnaby (Y9, KS3): History 1 step below (not core).
    saveReturnCells(r, f.windowId, [
      { childId: f.children.zq, subjectId: f.subjects.maths, current: '4', target: '6', predicted: '4' },
      { childId: f.children.zq, subjectId: f.subjects.english, current: '5', target: '5', predicted: '5' },
      { childId: f.children.bf, subjectId: f.subjects.history, current: '4', target: '4+', predicted: '4' },
    ], '2025-12-10');
  });

  it('flags the core subject below target, with the ids to start an intervention', () => {
    const a = of('progress-below-target', '2025-12-10', f.children.zq);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      severity: 'warning', title: 'Below target in Maths', since: '2025-12-05',
      reason: '2 grades below target in Maths at Autumn 2 (closed 05/12/2025): consider starting an intervention.',
      link: { area: 'children', id: f.children.zq, tab: 'progress' },
      refs: { subjectId: f.subjects.maths, windowId: f.windowId },
    });
  });

  it('leaves out non-core subjects unless the threshold says otherwise', () => {
    expect(of('progress-below-target', '2025-12-10', f.children.bf)).toEqual([]);
    const t = getAlertThresholds(r);
    updateAlertThresholds(r, { ...t, progressCoreSubjectsOnly: false });
    try {
      expect(of('progress-below-target', '2025-12-10', f.children.bf).map((a) => a.title)).toEqual(['Below target in History']);
    } finally {
      updateAlertThresholds(r, t);
    }
  });

  it('drops to information while an intervention in that subject is running', () => {
    const id = r.run(qb.insertInto('interventions').values({
      child_id: f.children.zq, kind: 'small_group_maths', delivered_by: 'Maths department', subject_id: f.subjects.maths,
      start_date: '2025-12-08', end_date: '2026-02-13', funding_source: 'school', created_at: 'x', updated_at: 'x',
    })).lastInsertRowid;
    try {
      expect(of('progress-below-target', '2025-12-07', f.children.zq).map((a) => a.severity)).toEqual(['warning']);
      expect(of('progress-below-target', '2025-12-08', f.children.zq).map((a) => a.severity)).toEqual(['info']);
      expect(of('progress-below-target', '2026-02-13', f.children.zq).map((a) => a.severity)).toEqual(['info']);
      expect(of('progress-below-target', '2026-02-14', f.children.zq).map((a) => a.severity)).toEqual(['warning']);
    } finally {
      r.run(qb.deleteFrom('interventions').where('id', '=', id));
    }
  });
});

describe('risk reviews due', () => {
  let riskId: number;
  beforeAll(() => {
    riskId = r.run(qb.insertInto('risks').values({
      category: 'data', title: 'Data breach', likelihood: 2, impact: 5, owner: 'DPO', next_review_date: '2026-03-16', created_at: 'x', updated_at: 'x',
    })).lastInsertRowid;
  });

  it.each([
    ['2026-03-01', null], // 15 days before
    ['2026-03-02', 'info'], // 14 days before: listed
    ['2026-03-15', 'info'], // Sunday before
    ['2026-03-16', 'info'], // due today
    ['2026-03-17', 'warning'], // overdue
    ['2026-04-15', 'warning'], // 30 days overdue
    ['2026-04-16', 'urgent'], // 31 days overdue
  ] as const)('on %s: %s', (today, severity) => {
    expect(of('risk-review-due', today).map((a) => a.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the risk and links to its review', () => {
    const [a] = of('risk-review-due', '2026-03-20');
    expect(a).toMatchObject({
      key: `risk-review-due:risk:${riskId}`, childId: null, riskId, subject: { type: 'risk', id: riskId, name: 'Data breach' },
      link: { area: 'risks', id: riskId, tab: 'review' }, since: '2026-03-16', dueOn: '2026-03-16',
      reason: 'The review of "Data breach" (score 10, high, owner DPO) was due on 16/03/2026, 4 days ago.',
    });
  });

  it('skips closed risks and per-child questions', () => {
    expect(of('risk-review-due', '2026-03-20', f.children.zq)).toEqual([]);
    r.run(qb.updateTable('risks').set({ status: 'closed' }).where('id', '=', riskId));
    try {
      expect(of('risk-review-due', '2026-03-20')).toEqual([]);
    } finally {
      r.run(qb.updateTable('risks').set({ status: 'open' }).where('id', '=', riskId));
    }
  });
});

describe('ESW sessions counted in school weeks (holidays do not count)', () => {
  const withEsw = (last: string): number => {
    const id = r.run(qb.insertInto('children').values({
      legal_first_name: 'Octavia', legal_last_name: 'Penhaligon', date_of_birth: '2012-05-05', gender: 'F', status: 'CLA', esw_name: 'Crispin Larkhall',
      date_joined_school: '2022-09-05', created_at: 'x', updated_at: 'x',
    })).lastInsertRowid;
    r.run(qb.insertInto('voice_log').values({ child_id: id, held_on: last, kind: 'esw_session', wishes_feelings: 'x' }));
    return id;
  };
  const esw = (id: number, today: string) => of('esw-session-overdue', today, id).map((a) => a.severity);

  it.each([
    // Last session Friday 10/07/2026; the summer holiday (from 23/07) to 31/08 is not counted, so 20
    // school days are used up only in September (8 in July, then weekdays, as 2026-27 is not configured).
    ['2026-07-22', []],
    ['2026-08-31', []],
    ['2026-09-04', []],
    ['2026-09-16', []],
    ['2026-09-17', ['warning']],
  ] as const)('last session 10/07/2026, on %s', (today, expected) => {
    expect(esw(withEsw('2026-07-10'), today)).toEqual([...expected]);
  });

  it('within term: more than 20 school days (half term skipped)', () => {
    // Session Friday 06/02/2026; half term 16–20/02; closure 02/03. 20 school days later: Monday 16/03
    // (calendar weeks would have made it overdue from 07/03).
    const id = withEsw('2026-02-06');
    expect(esw(id, '2026-03-16')).toEqual([]);
    expect(esw(id, '2026-03-17')).toEqual(['warning']);
    expect(of('esw-session-overdue', '2026-03-17', id)[0]).toMatchObject({ since: '2026-03-16', reason: expect.stringMatching(/4 school weeks ago; sessions should be at least every 4 school weeks\.$/) });
  });

  it('counts calendar weeks when the threshold says so', () => {
    const id = withEsw('2026-07-10');
    const t = getAlertThresholds(r);
    updateAlertThresholds(r, { ...t, eswCountSchoolWeeks: false });
    try {
      expect(esw(id, '2026-08-07')).toEqual([]);
      expect(esw(id, '2026-08-08')).toEqual(['warning']);
    } finally {
      updateAlertThresholds(r, t);
    }
  });
});

describe('EHCP review warning days from the thresholds', () => {
  it('warns from the configured number of days', () => {
    const id = r.run(qb.insertInto('children').values({
      legal_first_name: 'Rufus', legal_last_name: 'Ambleside', date_of_birth: '2012-05-05', gender: 'M', status: 'CLA', sen_provision: 'E',
      ehcp_review_date: '2026-04-30', date_joined_school: '2022-09-05', created_at: 'x', updated_at: 'x',
    })).lastInsertRowid;
    expect(of('ehcp-review', '2026-03-30', id)).toEqual([]);
    const t = getAlertThresholds(r);
    updateAlertThresholds(r, { ...t, ehcpReviewWarningDays: 31 });
    try {
      expect(of('ehcp-review', '2026-03-30', id).map((a) => a.severity)).toEqual(['warning']);
    } finally {
      updateAlertThresholds(r, t);
    }
  });
});

describe('the engine', () => {
  it('names every subject, links every alert, sorts urgent first then oldest, keys unique', () => {
    const all = registerAlerts(r, STAGE3);
    expect(all.length).toBeGreaterThan(0);
    const order = { urgent: 0, warning: 1, info: 2 };
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1]!;
      const b = all[i]!;
      expect(order[a.severity] < order[b.severity] || (a.severity === b.severity && a.since <= b.since)).toBe(true);
    }
    expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
    for (const a of all) {
      expect(a.subject.name.length).toBeGreaterThan(0);
      expect(a.link.area).toMatch(/^(children|risks|progress|interventions|ppplus)$/);
      expect(a.childId ?? a.riskId).not.toBeNull();
    }
    const declared = new Set(ALERT_RULES.flatMap((x) => x.kinds));
    for (const a of all) expect(declared.has(a.kind)).toBe(true);
  });

  it('alertsFor keeps the child file\'s shape and issue 4\'s kinds', () => {
    const legacy = alertsFor(r, STAGE3);
    for (const a of legacy) {
      expect(Object.keys(a).sort()).toEqual(['childId', 'key', 'kind', 'link', 'reason', 'severity', 'since', 'title']);
      expect(a.link).toEqual({ area: 'children', childId: a.childId, tab: a.link.tab });
      expect(a.kind).not.toMatch(/^(pep-|progress-|returns-|careers-|risk-)/);
    }
  });
});

describe('alert thresholds', () => {
  it('default, round-trip, and survive a damaged stored value', () => {
    expect(getAlertThresholds(r)).toEqual(DEFAULT_ALERT_THRESHOLDS);
    const changed = { ...DEFAULT_ALERT_THRESHOLDS, pepDueSoonSchoolDays: 5, careersPlanFromYear: 10 };
    expect(updateAlertThresholds(r, changed)).toEqual(changed);
    r.sqlite.prepare("UPDATE meta SET value = '{\"pepDueSoonSchoolDays\": \"lots\", \"careersPlanFromYear\": 10}' WHERE key = 'alert_thresholds'").run();
    expect(getAlertThresholds(r)).toEqual({ ...DEFAULT_ALERT_THRESHOLDS, careersPlanFromYear: 10 });
    r.sqlite.prepare("UPDATE meta SET value = 'not json' WHERE key = 'alert_thresholds'").run();
    expect(getAlertThresholds(r)).toEqual(DEFAULT_ALERT_THRESHOLDS);
    updateAlertThresholds(r, DEFAULT_ALERT_THRESHOLDS);
  });
});

describe('the PEP facts source', () => {
  it('reads the PEP tables by default: a child with no PEP yet has nulls', () => {
    expect(hasPepsTable(r)).toBe(true);
    expect(defaultPepFactsSource(r, [f.children.zq])).toEqual(new Map([[f.children.zq, NO_PEP_YET(f.children.zq)]]));
  });

  it('can be replaced by the PEP service, and restored', () => {
    const calls: number[][] = [];
    const days: (string | undefined)[] = [];
    setPepFactsSource((_reg, ids, today) => {
      calls.push([...ids]);
      days.push(today);
      return new Map(ids.map((id) => [id, { ...NO_PEP_YET(id), lastPepMeetingOn: '2025-11-20', lastPepStatus: 'approved' }]));
    });
    try {
      const pep = registerAlerts(r, '2025-12-10').filter((a) => a.kind.startsWith('pep-'));
      expect(pep).toEqual([]);
      expect(calls).toHaveLength(1);
      expect(calls[0]).not.toContain(f.children.leaver);
      expect(days).toEqual(['2025-12-10']);
    } finally {
      setPepFactsSource(null);
    }
    expect(pepFactsSource()).toBe(defaultPepFactsSource);
  });
});
