// Builds a whole demo register as plain rows, without touching a database: a pure function of
// the options, so the same seed always gives the same register (tests compare two runs).

import { InvalidError } from '../../../db/errors.ts';
import { schoolYear, SchoolDays } from './calendar.ts';
import { type ChildPlan, type ChildRows, makeChild } from './child.ts';
import type { DemoContext, Row } from './context.ts';
import { localToday } from './dates.ts';
import { Rng } from './prng.ts';
import { calendarRows, laRows, makeLas, makeStaff, type SchoolUpdate } from './setting.ts';
import { academicYearStart } from '../../api/contract/yearGroup.ts';

export interface DemoOptions {
  children: number;
  years: number;
  seed: number;
  /** ISO date the demo is "as at"; defaults to today. */
  today?: string;
}

export const DEMO_LIMITS = { children: { min: 1, max: 5000 }, years: { min: 1, max: 10 } } as const;

export interface DemoData {
  /** created_at/updated_at for rows that need one, derived from `today` (reproducible). */
  stamp: string;
  school: SchoolUpdate;
  academicYears: Row<'academic_years'>[];
  terms: Row<'terms'>[];
  closures: Row<'calendar_closures'>[];
  localAuthorities: Row<'local_authorities'>[];
  laContacts: Row<'la_contacts'>[];
  laPepDeadlines: Row<'la_pep_deadlines'>[];
  children: ChildRows[];
}

export function checkDemoOptions(opts: DemoOptions): void {
  const { children, years, seed, today } = opts;
  const int = (n: number): boolean => Number.isSafeInteger(n);
  const { children: c, years: y } = DEMO_LIMITS;
  if (!int(children) || children < c.min || children > c.max) {
    throw InvalidError.field('children', `The number of demo children must be a whole number from ${c.min} to ${c.max}.`);
  }
  if (!int(years) || years < y.min || years > y.max) {
    throw InvalidError.field('years', `The number of demo years must be a whole number from ${y.min} to ${y.max}.`);
  }
  if (!int(seed)) throw InvalidError.field('seed', 'The demo seed must be a whole number.');
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))) {
    throw InvalidError.field('today', 'The demo date must be an ISO date (YYYY-MM-DD).');
  }
}

export function buildDemo(opts: DemoOptions): DemoData {
  checkDemoOptions(opts);
  const root = new Rng(opts.seed);
  const today = opts.today ?? localToday();
  const ayStart = academicYearStart(today);
  const years = Array.from({ length: opts.years }, (_, i) => schoolYear(ayStart - opts.years + 1 + i));
  // Histories (primary school, KS2, care) reach back up to 14 years before the window.
  const history = Array.from({ length: opts.years + 14 }, (_, i) => schoolYear(ayStart - opts.years - 13 + i));

  const staff = makeStaff(root.fork('staff'));
  const ctx: DemoContext = {
    today,
    ayStart,
    years,
    windowStart: years[0]!.startDate,
    days: new SchoolDays(history),
    las: makeLas(root.fork('las'), staff.used),
    keyAdults: staff.keyAdults,
    esws: staff.esws,
    upns: new Set(),
    stamp: `${today}T09:00:00.000Z`,
  };
  const calendar = calendarRows(years);
  const la = laRows(ctx, root.fork('la-rows'));
  const plans = planCohort(opts.children, root.fork('plans'));
  const children = plans.map((p) => makeChild(ctx, p, root.fork(`child:${p.id}`)));
  ensureAnUninformedSuspension(children);

  return {
    stamp: ctx.stamp,
    school: staff.school,
    academicYears: calendar.years,
    terms: calendar.terms,
    closures: calendar.closures,
    localAuthorities: la.las,
    laContacts: la.contacts,
    laPepDeadlines: la.deadlines,
    children,
  };
}

/**
 * Shares out the situations a DT must see (PLAC, SEN, poor attendance, suspensions, leavers) by
 * quota rather than by chance, so even a 10-child demo has every alert to look at.
 */
function planCohort(n: number, rng: Rng): ChildPlan[] {
  const quota = (share: number, min: number): number => Math.min(n, Math.max(n >= 5 ? min : 0, Math.round(n * share)));
  const tag = <T extends string>(fallback: T, parts: [T, number][]): T[] => {
    const out: T[] = [];
    for (const [v, k] of parts) for (let i = 0; i < k && out.length < n; i++) out.push(v);
    while (out.length < n) out.push(fallback);
    return rng.shuffle(out);
  };
  const status = tag<'CLA' | 'PLAC'>('CLA', [['PLAC', quota(0.25, 1)]]);
  const sen = tag<'N' | 'K' | 'E'>('N', [['E', quota(0.15, 1)], ['K', quota(0.3, 1)]]);
  const attendance = tag<ChildPlan['attendance']>('good', [['below85', quota(0.08, 1)], ['below90', quota(0.1, 1)]]);
  const suspended = tag<'y' | 'n'>('n', [['y', quota(0.12, 1)]]);
  const leaver = tag<ChildPlan['leaver']>('none', [['y11', quota(0.06, 1)], ['moved', quota(0.05, 1)]]);
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    status: status[i]!,
    sen: sen[i]!,
    attendance: attendance[i]!,
    suspended: suspended[i] === 'y',
    leaver: leaver[i]!,
  }));
}

/** The "VS not yet informed" alert needs at least one suspension without vs_informed_on. */
function ensureAnUninformedSuspension(children: ChildRows[]): void {
  const all = children.flatMap((c) => c.exclusions);
  if (all.length === 0 || all.some((e) => e.vs_informed_on == null)) return;
  const latest = all.reduce((a, b) => (b.start_date > a.start_date ? b : a));
  latest.vs_informed_on = null;
}
