// The alert rules, table-driven across their boundary dates and thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { alertCounts, alertsFor } from '../../../../main/services/alerts/index.ts';
import { ALERT_RULES } from '../../../../main/services/alerts/registry.ts';
import { markChildLeft } from '../../../../main/services/children/children.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { addChild, type ChildInput, freshRegister } from '../children/fixtures.ts';

let register: Register;

beforeAll(async () => {
  register = (await freshRegister('alerts')).register;
});
afterAll(() => {
  register.close();
  cleanupTempDirs();
});

/** A child with no ESW and no SEN, so only the data a case adds raises alerts. */
function quietChild(overrides: Partial<ChildInput> = {}): number {
  return addChild(register, { eswName: null, senProvision: 'N', ...overrides });
}

function suspension(childId: number, v: { start: string; vs?: string | null; sw?: string | null; paperwork?: string | null; kind?: 'SUSP' | 'PERM' }): void {
  register.sqlite.prepare(`INSERT INTO exclusions (child_id, kind, start_date, school_days, vs_informed_on, social_worker_informed_on, paperwork_sent_on)
    VALUES (?, ?, ?, 1, ?, ?, ?)`).run(childId, v.kind ?? 'SUSP', v.start, v.vs ?? null, v.sw ?? null, v.paperwork ?? null);
}

const kinds = (today: string, childId: number) => alertsFor(register, today, childId).map((a) => [a.kind, a.severity]);

describe('suspension: Virtual School and social worker told the same day', () => {
  it.each([
    // [status, vs informed, sw informed, expected]
    ['CLA', null, null, [['suspension-social-worker-not-informed', 'urgent'], ['suspension-vs-not-informed', 'urgent']]],
    ['CLA', '2026-03-10', null, [['suspension-social-worker-not-informed', 'urgent']]],
    ['CLA', null, '2026-03-10', [['suspension-vs-not-informed', 'urgent']]],
    ['CLA', '2026-03-11', '2026-03-12', []],
    ['PLAC', null, null, []],
  ] as const)('%s child, VS told %s, social worker told %s', (status, vs, sw, expected) => {
    const id = quietChild(status === 'PLAC' ? { status, legalStatus: null, placArrangement: 'ADOPTED' } : {});
    suspension(id, { start: '2026-03-10', vs, sw, paperwork: '2026-03-10' });
    expect(kinds('2026-03-10', id).sort()).toEqual([...expected].map((e) => [...e]).sort());
  });

  it('says what to do and links to the attendance and exclusions tab', () => {
    const id = quietChild();
    suspension(id, { start: '2026-03-10', sw: '2026-03-10', paperwork: '2026-03-10' });
    const [a] = alertsFor(register, '2026-03-10', id);
    expect(a).toMatchObject({
      title: 'Virtual School not yet informed', since: '2026-03-10', link: { area: 'children', childId: id, tab: 'attendance' },
      reason: 'Suspension from 10/03/2026: the Virtual School should be told the same day. Record the date you told them.',
    });
    expect(a!.key).toMatch(new RegExp(`^suspension-vs-not-informed:${id}:\\d+$`));
  });
});

describe('suspension paperwork within 48 hours', () => {
  it.each([
    ['2026-03-10', null, 'warning'],
    ['2026-03-12', null, 'warning'],
    ['2026-03-13', null, 'urgent'],
    ['2026-04-30', null, 'urgent'],
    ['2026-03-13', '2026-03-11', null],
    ['2026-03-13', '2026-03-13', null],
  ] as const)('on %s with paperwork sent %s: %s', (today, sent, severity) => {
    const id = quietChild({ status: 'PLAC', legalStatus: null });
    suspension(id, { start: '2026-03-10', paperwork: sent });
    const a = alertsFor(register, today, id).filter((x) => x.kind === 'suspension-paperwork');
    expect(a.map((x) => x.severity)).toEqual(severity ? [severity] : []);
    if (severity) expect(a[0]!.reason).toMatch(/due by 12\/03\/2026/);
  });
});

describe('attendance in the latest period', () => {
  const withPeriods = (periods: [string, string, number, number][]): number => {
    const id = quietChild();
    const insert = register.sqlite.prepare('INSERT INTO attendance_periods (child_id, period_start, period_end, possible_sessions, present_sessions) VALUES (?, ?, ?, ?, ?)');
    for (const [s, e, possible, present] of periods) insert.run(id, s, e, possible, present);
    return id;
  };

  it.each([
    [1000, 1000, []],
    [1000, 901, []],
    [1000, 900, [['attendance-action-plan', 'warning']]],
    [1000, 850, [['attendance-action-plan', 'warning']]],
    [1000, 849, [['attendance-pep-review', 'urgent']]],
    [1000, 400, [['attendance-pep-review', 'urgent']]],
    [0, 0, []],
  ] as const)('%i possible, %i present', (possible, present, expected) => {
    const id = withPeriods([['2026-01-05', '2026-02-13', possible, present]]);
    expect(kinds('2026-03-16', id)).toEqual(expected.map((e) => [...e]));
  });

  it('looks only at the latest period', () => {
    expect(kinds('2026-03-16', withPeriods([['2025-09-03', '2025-10-24', 100, 70], ['2026-01-05', '2026-02-13', 100, 96]]))).toEqual([]);
    expect(kinds('2026-03-16', withPeriods([['2026-01-05', '2026-02-13', 100, 70], ['2025-09-03', '2025-10-24', 100, 96]]))).toEqual([['attendance-pep-review', 'urgent']]);
  });

  it('uses the school\'s thresholds', () => {
    const id = withPeriods([['2026-01-05', '2026-02-13', 100, 93]]);
    register.sqlite.prepare('UPDATE school SET attendance_action_plan_percent = 95, attendance_pep_review_percent = 94').run();
    try {
      expect(kinds('2026-03-16', id)).toEqual([['attendance-pep-review', 'urgent']]);
      expect(alertsFor(register, '2026-03-16', id)[0]!.reason).toMatch(/93\.0% for 05\/01\/2026 to 13\/02\/2026, below 94%/);
    } finally {
      register.sqlite.prepare('UPDATE school SET attendance_action_plan_percent = 90, attendance_pep_review_percent = 85').run();
    }
  });
});

describe('ESW sessions at least every N weeks', () => {
  const withSessions = (joined: string, sessions: [string, string][], esw: string | null = 'Crispin Larkhall'): number => {
    const id = quietChild({ eswName: esw, dateJoinedSchool: joined });
    const insert = register.sqlite.prepare("INSERT INTO voice_log (child_id, held_on, kind, wishes_feelings) VALUES (?, ?, ?, 'x')");
    for (const [on, kind] of sessions) insert.run(id, on, kind);
    return id;
  };

  it.each([
    ['last session 28 days ago', '2025-09-03', [['2026-02-16', 'esw_session']], false],
    ['last session 29 days ago', '2025-09-03', [['2026-02-15', 'esw_session']], true],
    ['only a conversation recently', '2025-09-03', [['2026-01-05', 'esw_session'], ['2026-03-13', 'conversation']], true],
    ['none yet, joined 28 days ago', '2026-02-16', [], false],
    ['none yet, joined 29 days ago', '2026-02-15', [], true],
  ] as const)('%s', (_label, joined, sessions, overdue) => {
    const id = withSessions(joined, sessions.map((s) => [...s]));
    expect(kinds('2026-03-16', id)).toEqual(overdue ? [['esw-session-overdue', 'warning']] : []);
  });

  it('is silent for a child without an ESW', () => {
    expect(kinds('2026-03-16', withSessions('2025-09-03', [], null))).toEqual([]);
  });

  it('follows the school\'s setting for the number of weeks', () => {
    const id = withSessions('2025-09-03', [['2026-02-09', 'esw_session']]);
    expect(kinds('2026-03-16', id)).toEqual([['esw-session-overdue', 'warning']]);
    register.sqlite.prepare('UPDATE school SET esw_session_weeks = 6').run();
    try {
      expect(kinds('2026-03-16', id)).toEqual([]);
    } finally {
      register.sqlite.prepare('UPDATE school SET esw_session_weeks = 4').run();
    }
  });
});

describe('EHCP review', () => {
  it.each([
    ['2026-04-16', []],
    ['2026-04-15', [['ehcp-review', 'warning']]],
    ['2026-03-16', [['ehcp-review', 'warning']]],
    ['2026-03-15', [['ehcp-review', 'urgent']]],
    [null, [['ehcp-review', 'info']]],
  ] as const)('review date %s', (review, expected) => {
    const id = quietChild({ senProvision: 'E', senPrimaryNeed: 'ASD', ehcpReviewDate: review });
    expect(kinds('2026-03-16', id)).toEqual(expected.map((e) => [...e]));
  });

  it('is silent for SEN support', () => {
    expect(kinds('2026-03-16', quietChild({ senProvision: 'K', senPrimaryNeed: 'SPLD' }))).toEqual([]);
  });
});

describe('the engine', () => {
  it('gives leavers no alerts', () => {
    const id = quietChild({ senProvision: 'E', senPrimaryNeed: 'ASD' });
    suspension(id, { start: '2026-03-02' });
    expect(alertsFor(register, '2026-03-16', id).length).toBeGreaterThan(0);
    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, '2026-03-16');
    expect(alertsFor(register, '2026-03-16', id)).toEqual([]);
  });

  it('sorts urgent first, then oldest, and counts per child for the grid', () => {
    const all = alertsFor(register, '2026-03-16');
    const order = { urgent: 0, warning: 1, info: 2 };
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1]!;
      const b = all[i]!;
      expect(order[a.severity] < order[b.severity] || (a.severity === b.severity && a.since <= b.since)).toBe(true);
    }
    const counts = alertCounts(all);
    expect([...counts.values()].reduce((n, c) => n + c.all, 0)).toBe(all.length);
    expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
  });

  it('has one module per rule in the registry, each naming the kinds it raises', () => {
    expect(ALERT_RULES.length).toBeGreaterThanOrEqual(6);
    const raised = new Set(alertsFor(register, '2026-03-16').map((a) => a.kind));
    const declared = new Set(ALERT_RULES.flatMap((r) => r.kinds));
    for (const k of raised) expect(declared.has(k)).toBe(true);
  });
});
