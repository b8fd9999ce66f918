// The PP+ rules, as pure functions (documented here because the DT will ask "why this figure?").
//
// Expected allocation (per child, per financial year, 1 April – 31 March):
//   The responsible LA's rule (local_authorities.ppplus_pence_per_year, the Virtual School's
//   amount per child per year) × eligible months ÷ 12, rounded to the penny.
//   A month is eligible when, for at least one day of it, the child is
//     - looked after (status CLA; in care from date_into_care, or throughout when that is unknown),
//     - marked PP+ eligible (children.pp_plus_eligible),
//     - on roll (joined on or before the month's end, not left before its start), and
//     - of PP+ age: 4 to 15 (reference pupil_premium_plus_age_range) on 31 August before the
//       academic year the month is in, i.e. Reception to Year 11 by age.
//   Pro-rating by months follows how Virtual Schools pay termly for the children on roll; where
//   an LA pays differently, record what it actually allocated (below).
//   Previously looked-after children: PP+ is paid to the school through the January census, not by
//   the Virtual School, so no LA allocation is expected (record one if the school wants it tracked).
// Recorded allocation: a pp_plus_allocations row for the child and year replaces the expected
//   figure (what the LA actually allocated or paid); `received_on` marks money received.
// Spent: the cost of the child's interventions funded by 'pp_plus' whose start date falls in the
//   year. A cost is committed when the intervention is agreed, so an intervention spanning two
//   financial years counts wholly in the year it starts (no apportioning): simple to check against
//   the Virtual School's approvals, which are made per request.
// Warnings (thresholds in the alert thresholds, see contract/dashboard.ts):
//   overspend           spent > allocated (per child and per LA)                       warning
//   unspent             less than 50% spent by the end of the autumn term, or less than  warning
//                       80% by 1 March (the later checkpoint passed applies)
//   unspent_at_year_end after 31 March, any of the allocation left unspent               warning
//   no_allocation_recorded  after the autumn checkpoint, an expected allocation with      info
//                       nothing recorded from the LA

import { ageOn } from '../children/dates.ts';
import { financialYearMonths } from './years.ts';

export const PP_PLUS_MIN_AGE = 4;
export const PP_PLUS_MAX_AGE = 15;

export interface EligibilityChild {
  status: 'CLA' | 'PLAC';
  pp_plus_eligible: number;
  date_of_birth: string;
  date_into_care: string | null;
  date_joined_school: string;
  leaving_date: string | null;
}

export interface Eligibility { months: number; text: string }

/** Age on 31 August before the academic year that `date` falls in. */
function censusAge(dob: string, date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return ageOn(dob, `${m >= 9 ? y : y - 1}-08-31`);
}

export function eligibility(c: EligibilityChild, financialYear: string): Eligibility {
  if (c.status !== 'CLA') return { months: 0, text: 'Previously looked after: PP+ is paid to the school through the census, not by the Virtual School.' };
  if (c.pp_plus_eligible !== 1) return { months: 0, text: 'Not marked as eligible for PP+ on the child\'s record.' };
  let months = 0;
  let inCare = 0;
  let onRoll = 0;
  for (const m of financialYearMonths(financialYear)) {
    const careOk = c.date_into_care === null || c.date_into_care <= m.end;
    const rollOk = c.date_joined_school <= m.end && (c.leaving_date === null || c.leaving_date >= m.start);
    // Eligible on some day of the month: the age test can change only at 1 September (a month start).
    const age = censusAge(c.date_of_birth, m.start);
    const ageOk = age >= PP_PLUS_MIN_AGE && age <= PP_PLUS_MAX_AGE;
    if (careOk) inCare++;
    if (rollOk) onRoll++;
    if (careOk && rollOk && ageOk) months++;
  }
  if (months === 12) return { months, text: 'In care, on roll and aged 4 to 15 all year.' };
  if (months > 0) return { months, text: `In care, on roll and aged 4 to 15 for ${months} of 12 months.` };
  if (onRoll === 0) return { months, text: 'Not on roll during this financial year.' };
  if (inCare === 0) return { months, text: 'Not in care during this financial year.' };
  return { months, text: 'Outside the PP+ age range (4 to 15 on 31 August) during this financial year.' };
}

export function expectedPence(pencePerYear: number, months: number): number {
  return Math.round((pencePerYear * months) / 12);
}

export const percentOf = (part: number, whole: number): number | null => (whole <= 0 ? null : Math.round((part / whole) * 1000) / 10);
