// PEP figures for the Designated Teacher's annual report to governors (issue 8), for one academic
// year, looked-after children only (a previously looked-after child has no statutory PEP):
//
//   lookedAfterChildren         looked-after children on roll at any time in the year
//   initialPepsDue              initial PEPs (entering care while on roll, or joining while in care)
//                               whose trigger fell in the year and whose deadline has passed
//   initialPepsWithinTimescale  of those, with a PEP meeting (else submission) between the trigger and
//                               the deadline: the LA's initial / new-school PEP school days
//   termlyReviewsDue            child × term of the year, on roll by the term's due date (the LA's
//                               cut-off, else the end of term), where that date has passed
//   termlyReviewsDone           of those, with the term's PEP sent to the Virtual School
//                               (submitted, approved, returned or superseded)
//   completenessAverage         mean completeness (%) of the year's PEPs sent to the Virtual School;
//                               null when none was sent
//   qualityRatings              the year's PEPs sent to the Virtual School by its quality rating, as
//                               red / amber / green (each LA's own scale mapped by ./format.ts):
//                               { Green, Amber, Red, 'Not rated' }
//
// Counts are raw: the report suppresses small numbers itself.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepTermRef } from '../../api/contract/peps.ts';
import { PEP_TERMS } from '../../api/contract/peps.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import { SENT_STATUSES } from './lifecycle.ts';
import { completenessOf, contentOf, loadBundles, subjectTerms } from './peps.ts';
import { loadTermCalendar } from './terms.ts';

export interface PepReportMetrics {
  lookedAfterChildren: number;
  initialPepsDue: number;
  initialPepsWithinTimescale: number;
  termlyReviewsDue: number;
  termlyReviewsDone: number;
  completenessAverage: number | null;
  qualityRatings: Record<string, number>;
}

const DEFAULT_DAYS = 20;

export function pepReportMetrics(register: Register, academicYearLabel: string, asOf = localToday()): PepReportMetrics {
  const startYear = Number(academicYearLabel.slice(0, 4));
  const year = register.one(qb.selectFrom('academic_years').select(['start_date', 'end_date']).where('label', '=', academicYearLabel));
  const yearStart = year?.start_date ?? `${startYear}-09-01`;
  const yearEnd = year?.end_date ?? `${startYear + 1}-08-31`;
  const children = register.all(qb.selectFrom('children')
    .select(['id', 'date_into_care', 'date_joined_school', 'leaving_date', 'responsible_la_id'])
    .where('status', '=', 'CLA')
    .where('date_joined_school', '<=', yearEnd)
    .where((eb) => eb.or([eb('leaving_date', 'is', null), eb('leaving_date', '>=', yearStart)])));
  const ids = new Set(children.map((c) => c.id));
  const las = new Map(register.all(qb.selectFrom('local_authorities').select(['id', 'initial_pep_school_days', 'new_school_pep_school_days'])).map((l) => [l.id, l]));
  const peps = register.all(qb.selectFrom('peps').selectAll()).filter((p) => ids.has(p.child_id));
  const pepsOf = new Map<number, typeof peps>();
  for (const p of peps) pepsOf.set(p.child_id, [...(pepsOf.get(p.child_id) ?? []), p]);
  const cal = loadSchoolCalendar(register);
  const terms = loadTermCalendar(register);

  // Initial PEPs.
  let initialDue = 0;
  let initialOnTime = 0;
  for (const c of children) {
    const la = c.responsible_la_id === null ? undefined : las.get(c.responsible_la_id);
    const newSchool = c.date_into_care !== null && c.date_into_care < c.date_joined_school;
    const trigger = c.date_into_care !== null && c.date_into_care > c.date_joined_school ? c.date_into_care : c.date_joined_school;
    if (trigger < yearStart || trigger > yearEnd) continue;
    const days = newSchool ? (la?.new_school_pep_school_days ?? DEFAULT_DAYS) : (la?.initial_pep_school_days ?? DEFAULT_DAYS);
    const due = cal.addSchoolDays(trigger, days);
    if (due > asOf) continue;
    initialDue++;
    const held = (pepsOf.get(c.id) ?? []).some((p) => {
      const on = p.meeting_date ?? p.submitted_on;
      return on !== null && on >= trigger && on <= due;
    });
    if (held) initialOnTime++;
  }

  // Termly reviews.
  let reviewsDue = 0;
  let reviewsDone = 0;
  for (const c of children) {
    for (const name of PEP_TERMS) {
      const t: PepTermRef = { academicYear: academicYearLabel, term: name };
      const period = terms.period(t);
      const due = terms.dueBy(c.responsible_la_id, t).date;
      if (due > asOf || c.date_joined_school > due || (c.leaving_date !== null && c.leaving_date < period.start)) continue;
      reviewsDue++;
      const pep = (pepsOf.get(c.id) ?? []).find((p) => p.academic_year === academicYearLabel && p.term === name);
      if (pep && SENT_STATUSES.includes(pep.status)) reviewsDone++;
    }
  }

  // Completeness and quality of the year's PEPs sent to the Virtual School.
  const sent = peps.filter((p) => p.academic_year === academicYearLabel && SENT_STATUSES.includes(p.status));
  const bundles = loadBundles(register, sent.map((p) => p.id));
  const subjects = subjectTerms(register);
  const percents = sent.map((p) => completenessOf(contentOf(p, bundles.get(p.id)!, subjects), subjects).percent);
  const qualityRatings: Record<string, number> = { Green: 0, Amber: 0, Red: 0, 'Not rated': 0 };
  for (const p of sent) {
    const key = p.quality_rag === 'green' ? 'Green' : p.quality_rag === 'amber' ? 'Amber' : p.quality_rag === 'red' ? 'Red' : 'Not rated';
    qualityRatings[key] = (qualityRatings[key] ?? 0) + 1;
  }
  return {
    lookedAfterChildren: children.length,
    initialPepsDue: initialDue,
    initialPepsWithinTimescale: initialOnTime,
    termlyReviewsDue: reviewsDue,
    termlyReviewsDone: reviewsDone,
    completenessAverage: percents.length ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10 : null,
    qualityRatings,
  };
}
