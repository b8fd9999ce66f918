// Demo risks: the six templates, each added some months ago and reviewed on its cycle since, with
// the succession risk left overdue for review so the dashboard has something to show. Owners are
// roles, not people. Deterministic from the seed and `today`; never reads the clock; no audit
// entries (the demo's one 'import' entry covers it).

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { Rng } from '../demo/prng.ts';
import { addDays } from '../children/dates.ts';
import { INITIAL_ASSESSMENT_NOTE } from './risks.ts';
import { RISK_TEMPLATES } from './templates.ts';

const OWNERS: Record<string, string> = {
  statutory_compliance: 'Designated Teacher',
  information_sharing: 'Designated Teacher',
  succession: 'Headteacher',
  spending: 'School business manager',
  policy_validation: 'Designated governor',
  data: 'Data protection officer',
};

const NOTES = [
  'Checked against the dashboard: no PEPs overdue; score unchanged.',
  'One Virtual School changed its cut-off dates; calendar updated and staff told.',
  'Deputy DT shadowed two PEP meetings this term; likelihood reduced.',
  'PP+ position reviewed with the business manager; two requests submitted.',
  'Policy reviewed against the latest guidance; governors to approve next meeting.',
  'Staff reminded not to email PEPs outside the ePEP system after a near miss.',
  'No change since the last review.',
];

const clamp = (n: number): number => Math.max(1, Math.min(5, n));

export function seedDemoRisks(register: Register, opts: { seed: number; today: string }): { risks: number; reviews: number } {
  const { today } = opts;
  const rng = new Rng(opts.seed).fork('risks');
  let reviews = 0;
  for (const t of RISK_TEMPLATES) {
    const r = rng.fork(t.key);
    const created = addDays(today, -r.int(200, 420));
    const id = register.run(qb.insertInto('risks').values({
      category: t.key, title: t.title, description: t.description, likelihood: t.likelihood, impact: t.impact, owner: OWNERS[t.key] ?? null,
      mitigations: t.mitigations, review_every_days: t.reviewEveryDays, next_review_date: addDays(created, t.reviewEveryDays), status: 'open',
      created_at: `${created}T09:00:00.000Z`, updated_at: `${created}T09:00:00.000Z`,
    })).lastInsertRowid;
    const add = (on: string, l: number, i: number, note: string) => {
      register.run(qb.insertInto('risk_reviews').values({ risk_id: id, reviewed_on: on, likelihood: l, impact: i, note, reviewed_by: OWNERS[t.key] ?? null }));
      reviews++;
    };
    add(created, t.likelihood, t.impact, INITIAL_ASSESSMENT_NOTE);
    let likelihood = t.likelihood;
    let impact = t.impact;
    let last = created;
    // Reviews on (or a few days after) each due date up to today; the succession risk's last review
    // was a full cycle before its (missed) next review 12 days ago.
    const overdue = t.key === 'succession';
    const until = overdue ? addDays(today, -12 - t.reviewEveryDays) : today;
    for (;;) {
      const on = addDays(last, t.reviewEveryDays + r.int(0, 6));
      if (on >= until) break;
      likelihood = clamp(likelihood + r.weighted([[-1, 2], [0, 5], [1, 1]] as const));
      impact = clamp(impact + r.weighted([[0, 6], [-1, 1]] as const));
      add(on, likelihood, impact, r.pick(NOTES));
      last = on;
    }
    let next = addDays(last, t.reviewEveryDays);
    if (overdue) next = addDays(today, -12);
    else if (next < today) {
      // Keep every other risk in date: a review just done.
      const on = addDays(today, -r.int(1, 10));
      add(on, likelihood, impact, r.pick(NOTES));
      last = on;
      next = addDays(on, t.reviewEveryDays);
    }
    register.run(qb.updateTable('risks').set({ likelihood, impact, next_review_date: next, updated_at: `${last}T09:00:00.000Z` }).where('id', '=', id));
  }
  return { risks: RISK_TEMPLATES.length, reviews };
}
