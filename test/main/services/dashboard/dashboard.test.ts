// The dashboard on the demo register (through the API, as the UI calls it): alerts by urgency with
// links that resolve, PEPs due this half term, returns outstanding, the PP+ position, risks due for
// review and the calendar of deadlines. Its speed on a 1,000-child register is measured by npm run bench.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { AppContext } from '../../../../main/api/context.ts';
import type { Dashboard, RegisterAlert } from '../../../../main/api/contract.ts';
import { dispatch } from '../../../../main/api/dispatch.ts';
import { halfTermOf } from '../../../../main/services/dashboard/index.ts';
import { generateDemo } from '../../../../main/services/demo/index.ts';
import { hasPepsTable } from '../../../../main/services/alerts/pepSource.ts';
import { compareAlerts, registerAlerts } from '../../../../main/services/alerts/index.ts';

const TODAY = '2026-11-23';
let dir: string;
let ctx: AppContext;
let d: Dashboard;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-dashboard-'));
  ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  const created = await dispatch(ctx, 'createRegister', { schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT', role: 'dt', passphrase: 'fictitious demo register only' });
  expect(created.ok).toBe(true);
  generateDemo(ctx.requireRegister(), { children: 60, years: 3, seed: 7, today: TODAY });
  const res = await dispatch(ctx, 'getDashboard', { today: TODAY });
  if (!res.ok) throw new Error(res.error.message);
  d = res.value as Dashboard;
});
afterAll(() => {
  ctx.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = <T>(q: string, ...p: unknown[]) => ctx.requireRegister().sqlite.prepare(q).all(...p) as T[];

describe('alerts by urgency', () => {
  it('groups every alert once, by severity, each naming the child or risk', () => {
    const all = [...d.alerts.urgent, ...d.alerts.warning, ...d.alerts.info];
    expect(all.length).toBe(d.alerts.total);
    expect(d.alerts.urgent.every((a) => a.severity === 'urgent')).toBe(true);
    expect(d.alerts.warning.every((a) => a.severity === 'warning')).toBe(true);
    expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
    expect(Object.values(d.alerts.byKind).reduce((n, x) => n + (x ?? 0), 0)).toBe(all.length);
    for (const a of all) {
      expect(a.subject.name).not.toBe('');
      expect(a.reason.length).toBeGreaterThan(10);
      expect(a.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('raises the demo register\'s alerts: an overdue risk review, returns overdue, attendance, suspensions', () => {
    const kinds = new Set(Object.keys(d.alerts.byKind));
    for (const k of ['risk-review-due', 'returns-overdue', 'attendance-pep-review', 'suspension-vs-not-informed']) expect(kinds).toContain(k);
    const risk = [...d.alerts.warning, ...d.alerts.urgent].find((a) => a.kind === 'risk-review-due')!;
    expect(risk.subject).toMatchObject({ type: 'risk', name: 'Designated Teacher absent with no cover' });
  });

  it('links every alert to something that exists', () => {
    const children = new Set(sql<{ id: number }>('SELECT id FROM children WHERE leaving_date IS NULL').map((c) => c.id));
    const risks = new Set(sql<{ id: number }>('SELECT id FROM risks').map((x) => x.id));
    const windows = new Set(sql<{ id: number }>('SELECT id FROM assessment_windows').map((x) => x.id));
    const tabs: Record<string, (string | null)[]> = {
      children: ['overview', 'care', 'education', 'attendance', 'voice', 'pep', 'progress', 'interventions'], risks: ['review'], progress: ['returns'],
    };
    for (const a of [...d.alerts.urgent, ...d.alerts.warning, ...d.alerts.info] as RegisterAlert[]) {
      expect(tabs[a.link.area], a.key).toContain(a.link.tab);
      if (a.link.area === 'children') expect(children.has(a.link.id!), a.key).toBe(true);
      if (a.link.area === 'risks') expect(risks.has(a.link.id!), a.key).toBe(true);
      if (a.link.area === 'progress') expect(windows.has(a.link.id!), a.key).toBe(true);
    }
  });

  it('is the same list listAlerts gives, which can filter', async () => {
    const res = await dispatch(ctx, 'listAlerts', { today: TODAY, severity: 'urgent' });
    expect(res.ok && (res.value as RegisterAlert[]).map((a) => a.key)).toEqual(d.alerts.urgent.map((a) => a.key));
    const risk = await dispatch(ctx, 'listAlerts', { today: TODAY, kinds: ['risk-review-due'] });
    expect(risk.ok && (risk.value as RegisterAlert[]).every((a) => a.kind === 'risk-review-due')).toBe(true);
  });
});

describe('the other sections', () => {
  it('PEPs due this half term (Autumn 2 2026-27), overdue first', () => {
    expect(d.peps.halfTerm).toMatchObject({ label: 'Autumn 2 2026-27' });
    // Without PEP data every looked-after child's first PEP is due (the default "no PEP yet").
    if (!hasPepsTable(ctx.requireRegister())) expect(d.peps.dueThisHalfTerm.length).toBeGreaterThan(0);
    for (const p of d.peps.dueThisHalfTerm) {
      expect(p.dueOn <= d.peps.halfTerm!.endDate).toBe(true);
      expect(p.link).toEqual({ area: 'children', id: p.childId, tab: 'pep' });
    }
    const dates = d.peps.dueThisHalfTerm.map((p) => p.dueOn);
    expect([...dates].sort()).toEqual(dates);
  });

  it('returns outstanding by window and teacher', () => {
    expect(d.returns.outstanding).toBeGreaterThan(0);
    expect(d.returns.overdue).toBeGreaterThan(0);
    for (const w of d.returns.windows) {
      expect(w.byTeacher.reduce((n, t) => n + t.outstanding, 0)).toBe(w.outstanding);
      expect(w.link).toEqual({ area: 'progress', id: w.windowId, tab: 'returns' });
    }
  });

  it('the PP+ position per LA, with the demo\'s overspend', () => {
    expect(d.ppPlus.financialYear).toBe('2026-27');
    expect(d.ppPlus.byLa.length).toBeGreaterThanOrEqual(3);
    expect(d.ppPlus.totals.allocatedPence).toBeGreaterThan(0);
    expect(d.ppPlus.totals.spentPence).toBeGreaterThan(0);
    expect(d.ppPlus.warnings.some((w) => w.kind === 'overspend')).toBe(true);
  });

  it('risks due for review: the six template risks, one overdue', () => {
    expect(d.risks.open).toBe(6);
    expect(d.risks.dueForReview.filter((x) => x.reviewState === 'overdue').map((x) => x.category)).toEqual(['succession']);
  });

  it('a calendar of the next six weeks, in date order, with links', () => {
    expect(d.calendar).toMatchObject({ from: TODAY, to: '2027-01-04' });
    const items = d.calendar.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.date >= TODAY && i.date <= '2027-01-04')).toBe(true);
    expect([...items.map((i) => i.date)].sort()).toEqual(items.map((i) => i.date));
    expect(new Set(items.map((i) => i.kind))).toContain('la_cutoff');
  });

  it('half terms split at the break; in a holiday the next one is used', () => {
    const terms = [{ academicYearId: 1, academicYearLabel: '2025-26', name: 'Autumn' as const, startDate: '2025-09-01', endDate: '2025-12-19', halfTermStart: '2025-10-27', halfTermEnd: '2025-10-31' },
      { academicYearId: 1, academicYearLabel: '2025-26', name: 'Spring' as const, startDate: '2026-01-05', endDate: '2026-03-27', halfTermStart: null, halfTermEnd: null }];
    expect(halfTermOf(terms, '2025-10-24')).toEqual({ label: 'Autumn 1 2025-26', startDate: '2025-09-01', endDate: '2025-10-26' });
    expect(halfTermOf(terms, '2025-10-28')).toEqual({ label: 'Autumn 2 2025-26', startDate: '2025-11-01', endDate: '2025-12-19' });
    expect(halfTermOf(terms, '2025-12-25')).toEqual({ label: 'Spring 2025-26', startDate: '2026-01-05', endDate: '2026-03-27' });
    expect(halfTermOf(terms, '2026-04-01')).toBeNull();
  });
});


describe('one child at a time', () => {
  // The child's file asks the engine about one child, through narrower queries than the
  // dashboard's (issue 9): both must give the same answer.
  it("gives each child on roll exactly their alerts from the dashboard's register-wide set", () => {
    const all = [...d.alerts.urgent, ...d.alerts.warning, ...d.alerts.info];
    const onRoll = sql<{ id: number }>('SELECT id FROM children WHERE leaving_date IS NULL').map((c) => c.id);
    expect(onRoll.length).toBeGreaterThan(40);
    let compared = 0;
    for (const id of onRoll) {
      const mine = registerAlerts(ctx.requireRegister(), TODAY, { childId: id });
      expect(mine.map((a) => a.key)).toEqual(all.filter((a) => a.childId === id).sort(compareAlerts).map((a) => a.key));
      expect(mine).toEqual(all.filter((a) => a.childId === id).sort(compareAlerts));
      compared += mine.length;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
