// Demo data for issue 6: interventions with their sessions (some PP+ funded, some rated for
// impact, one 1:1 tutoring delivered by the provider seedDemoProgress created), PP+ allocations
// for some looked-after children (one of them overspent), and the six template risks with their
// reviews (one overdue). Fictitious throughout; deterministic from the seed and `today`; never
// reads the clock; no audit entries of its own. Call after seedDemoProgress, inside generateDemo's
// transaction.

import { ConflictError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { FundingSource, ImpactRating, InterventionKind } from '../../api/contract/interventions.ts';
import { loadSchoolCalendar } from '../calendar/index.ts';
import { Rng } from '../demo/prng.ts';
import { eligibility, expectedPence } from '../ppplus/rules.ts';
import { financialYearBounds, financialYearOf } from '../ppplus/years.ts';
import { seedDemoRisks } from '../risks/demo.ts';

export interface DemoSupportSummary { interventions: number; sessions: number; allocations: number; risks: number; riskReviews: number }

const KINDS: readonly (readonly [InterventionKind, number])[] = [
  ['small_group_maths', 3], ['small_group_english', 3], ['mentoring', 2], ['counselling', 1], ['esw_sessions', 1], ['other', 1],
];
const OTHER = ['Forest school sessions', 'Lego therapy group', 'Homework club with a mentor', 'Drama therapy'];
const COST_POUNDS: Record<InterventionKind, [number, number]> = {
  small_group_maths: [150, 600], small_group_english: [150, 600], tuition_1to1: [400, 900], mentoring: [300, 900],
  esw_sessions: [0, 0], counselling: [600, 1500], other: [100, 400],
};
const BASELINE: Partial<Record<InterventionKind, [string, () => string, string]>> = {
  small_group_english: ['Reading age (months behind chronological age)', () => '', 'Reading age at the end of the block'],
  small_group_maths: ['Times-tables check score (out of 25)', () => '', 'Times-tables check score at the end'],
  mentoring: ['Self-reported school belonging (1–10)', () => '', 'Belonging score at the end'],
  counselling: ['SDQ total difficulties score', () => '', 'SDQ at the end'],
};
const EVIDENCE: Record<Exclude<ImpactRating, 'not_assessed'>, string[]> = {
  no_impact: ['Attendance at sessions was low and the end measure did not move; stopped and discussed at the PEP.'],
  some_impact: ['Measure improved a little; teacher reports more confidence in lessons.', 'Some progress, not yet at target; continuing next half term.'],
  good_impact: ['Measure improved clearly and class teacher reports better independent work.', 'Target met; child says the sessions helped.'],
  strong_impact: ['Well above the expected gain; now working at target in class assessments.'],
};

export function seedDemoSupport(register: Register, opts: { seed: number; today: string }): DemoSupportSummary {
  const { today } = opts;
  const rng = new Rng(opts.seed).fork('support');
  const cal = loadSchoolCalendar(register);
  const stamp = `${today}T09:00:00.000Z`;
  const summary: DemoSupportSummary = { interventions: 0, sessions: 0, allocations: 0, risks: 0, riskReviews: 0 };

  register.transaction(() => {
    if (register.one(qb.selectFrom('interventions').select('id').limit(1)) || register.one(qb.selectFrom('risks').select('id').limit(1))) {
      throw new ConflictError('Demo interventions and risks can only be added to a register without any.');
    }
    const subjects = new Map(register.all(qb.selectFrom('subjects').select(['id', 'name'])).map((s) => [s.name, s.id]));
    const staff = register.all(qb.selectFrom('teachers').select('name').where('is_senior_leader', '=', 0).orderBy('id')).map((t) => t.name);
    const deliverers = staff.length ? staff : ['Class teacher'];
    const children = register.all(qb.selectFrom('children').select([
      'id', 'status', 'pp_plus_eligible', 'date_of_birth', 'date_into_care', 'date_joined_school', 'leaving_date', 'responsible_la_id',
    ]).where('date_joined_school', '<=', today).where((eb) => eb.or([eb('leaving_date', 'is', null), eb('leaving_date', '>', today)])).orderBy('id'));
    const ppEligible = (c: (typeof children)[number]) => c.status === 'CLA' && c.pp_plus_eligible === 1;

    const addSessions = (interventionId: number, dates: string[], attendRate: number, r: Rng) => {
      for (const d of dates) {
        register.run(qb.insertInto('intervention_sessions').values({ intervention_id: interventionId, session_date: d, attended: r.chance(attendRate) ? 1 : 0, note: null }));
        summary.sessions++;
      }
    };
    const weekly = (start: string, end: string): string[] => {
      const out: string[] = [];
      for (let d = cal.addSchoolDays(start, 0); d <= end && d < today; d = cal.addSchoolDays(d, 5)) out.push(d);
      return out;
    };

    // ---- interventions for about 45% of the children on roll
    for (const c of rng.fork('who').shuffle(children).slice(0, Math.ceil(children.length * 0.45)).sort((a, b) => a.id - b.id)) {
      const r = rng.fork(`child:${c.id}`);
      for (let k = r.int(1, 2); k > 0; k--) {
        const kind = r.weighted(KINDS);
        const start = cal.addSchoolDays(today, -r.int(10, 130));
        if (start < c.date_joined_school) continue;
        const end = cal.addSchoolDays(start, r.int(25, 60));
        const funding: FundingSource = kind === 'esw_sessions' ? 'virtual_school'
          : ppEligible(c) && r.chance(0.7) ? 'pp_plus' : r.weighted([['school', 2], ['virtual_school', 1]] as const);
        const [lo, hi] = COST_POUNDS[kind];
        const ended = end < today;
        const rating: ImpactRating = !ended ? 'not_assessed' : r.weighted([['no_impact', 1], ['some_impact', 3], ['good_impact', 4], ['strong_impact', 1], ['not_assessed', 1]] as const);
        const base = BASELINE[kind];
        const id = register.run(qb.insertInto('interventions').values({
          child_id: c.id, kind, kind_other: kind === 'other' ? r.pick(OTHER) : null, provider_id: null,
          delivered_by: kind === 'esw_sessions' ? 'Education Support Worker' : kind === 'counselling' ? 'School counsellor' : r.pick(deliverers),
          subject_id: kind === 'small_group_maths' ? subjects.get('Maths') ?? null : kind === 'small_group_english' ? subjects.get('English') ?? null : null,
          start_date: start, end_date: end, sessions_planned: Math.ceil((cal.schoolDaysBetween(start, end) + 1) / 5),
          cost_pence: r.int(lo, hi) * 100, funding_source: funding,
          baseline_measure: base?.[0] ?? null, baseline_value: base ? String(r.int(3, 14)) : null,
          outcome_measure: base?.[2] ?? null, outcome_value: base && ended ? String(r.int(6, 20)) : null,
          impact_rating: rating, evidence_note: rating === 'not_assessed' ? null : r.pick(EVIDENCE[rating]),
          created_at: `${start}T09:00:00.000Z`, updated_at: stamp,
        })).lastInsertRowid;
        summary.interventions++;
        addSessions(id, weekly(start, end), r.weighted([[0.95, 3], [0.8, 2], [0.6, 1]] as const), r);
      }
    }

    // ---- 1:1 tutoring delivered by the demo provider, for a child it sends session reports about
    const provider = register.one(qb.selectFrom('providers').select('id').orderBy('id').limit(1));
    const onRoll = new Set(children.map((c) => c.id));
    if (provider) {
      const reports = register.all(qb.selectFrom('provider_reports').select(['child_id', 'session_date']).where('provider_id', '=', provider.id).orderBy('child_id').orderBy('session_date'));
      const childId = reports.find((x) => onRoll.has(x.child_id))?.child_id;
      if (childId !== undefined) {
        const c = children.find((x) => x.id === childId)!;
        const dates = reports.filter((x) => x.child_id === childId && x.session_date < today).map((x) => x.session_date);
        const start = dates[0] ?? today;
        const id = register.run(qb.insertInto('interventions').values({
          child_id: childId, kind: 'tuition_1to1', kind_other: null, provider_id: provider.id, delivered_by: null,
          subject_id: subjects.get('Maths') ?? null, start_date: start, end_date: cal.addSchoolDays(today, 20), sessions_planned: 15,
          cost_pence: 15 * 4500, funding_source: ppEligible(c) ? 'pp_plus' : 'virtual_school',
          baseline_measure: 'Maths predicted grade', baseline_value: '3', outcome_measure: 'Maths predicted grade at the next window', outcome_value: null,
          impact_rating: 'not_assessed', evidence_note: null, created_at: `${start}T09:00:00.000Z`, updated_at: stamp,
        })).lastInsertRowid;
        summary.interventions++;
        addSessions(id, dates, 0.9, rng.fork('tutoring'));
      }
    }

    // ---- PP+ allocations recorded for about a third of the eligible children, this year and last
    const las = new Map(register.all(qb.selectFrom('local_authorities').select(['id', 'ppplus_pence_per_year'])).map((l) => [l.id, l.ppplus_pence_per_year]));
    const fy = financialYearOf(today);
    const { startYear } = financialYearBounds(fy);
    const lastFy = `${startYear - 1}-${String(startYear % 100).padStart(2, '0')}`;
    const spend = new Map(register.all(qb.selectFrom('interventions').select(['child_id', (eb) => eb.fn.sum<number>('cost_pence').as('spent')])
      .where('funding_source', '=', 'pp_plus').where('start_date', '>=', financialYearBounds(fy).startDate).groupBy('child_id')).map((s) => [s.child_id, Number(s.spent)]));
    let overspentShown = false;
    for (const c of children.filter(ppEligible)) {
      const r = rng.fork(`ppplus:${c.id}`);
      const perYear = c.responsible_la_id === null ? undefined : las.get(c.responsible_la_id);
      if (perYear === undefined || !r.chance(0.35)) continue;
      for (const year of [lastFy, fy]) {
        const expected = expectedPence(perYear, eligibility(c, year).months);
        if (expected === 0) continue;
        let amount = expected;
        let note: string | null = null;
        const spent = spend.get(c.id) ?? 0;
        if (year === fy && !overspentShown && spent > 20_000) {
          // One child whose LA allocated less than was spent: the overspend warning.
          amount = Math.max(0, spent - 15_000 - (spent % 100));
          note = 'Part allocation agreed at the PEP; the rest to be requested next term.';
          overspentShown = true;
        }
        const received = year === lastFy ? financialYearBounds(year).startDate.replace(/-04-01$/, '-06-30')
          : r.chance(0.6) ? cal.addSchoolDays(financialYearBounds(year).startDate, 15) : null;
        register.run(qb.insertInto('pp_plus_allocations').values({
          child_id: c.id, la_id: c.responsible_la_id!, financial_year: year, amount_pence: amount,
          received_on: received !== null && received <= today ? received : null, note,
        }));
        summary.allocations++;
      }
    }

    const risks = seedDemoRisks(register, opts);
    summary.risks = risks.risks;
    summary.riskReviews = risks.reviews;
  });
  return summary;
}
