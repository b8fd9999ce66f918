// The PEP facts the alerts engine needs (main/services/alerts/pepSource.ts), from the PEP tables in
// a few batch queries (chunked by 500 children). The alerts engine reads them through pepSource.ts.
//
//   lastPepMeetingOn           the latest PEP meeting held (meeting date on or before the day asked about), any status
//   lastPepStatus              that PEP's status
//   targetsNotMetAtLastReview  previous targets reviewed at that PEP with outcome "not met"
//   hasCareersPlan             the latest PEP (by term) has its transition / careers section filled in
//
// Every child asked about gets an entry; a child with no PEP held yet has nulls and zero.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepFacts, PepFactsSource } from '../alerts/pepSource.ts';
import { localToday } from '../calendar/index.ts';
import { compareTerms } from './terms.ts';

export function pepFactsFor(register: Register, childIds: readonly number[], today = localToday()): Map<number, PepFacts> {
  const out = new Map<number, PepFacts>();
  for (let i = 0; i < childIds.length; i += 500) {
    const chunk = childIds.slice(i, i + 500);
    // Covered by the index peps_child_meeting (migration 7): the wide rows (snapshot, notes) are
    // read only for each child's latest PEP, below.
    const rows = register.all(qb.selectFrom('peps').select(['id', 'child_id', 'academic_year', 'term', 'status', 'meeting_date'])
      .where('child_id', 'in', chunk.length ? chunk : [-1]));
    const byChild = new Map<number, typeof rows>();
    for (const r of rows) {
      const list = byChild.get(r.child_id) ?? [];
      list.push(r);
      byChild.set(r.child_id, list);
    }
    const held = new Map<number, (typeof rows)[number]>();
    for (const [childId, peps] of byChild) {
      const last = peps.filter((p) => p.meeting_date !== null && p.meeting_date <= today)
        .sort((a, b) => b.meeting_date!.localeCompare(a.meeting_date!) || compareTerms({ academicYear: b.academic_year, term: b.term }, { academicYear: a.academic_year, term: a.term }) || b.id - a.id)[0];
      if (last) held.set(childId, last);
    }
    const heldIds = [...held.values()].map((p) => p.id);
    const notMet = new Map(heldIds.length ? register.all(qb.selectFrom('pep_target_reviews').select(['pep_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pep_id', 'in', heldIds).where('outcome', '=', 'not_met').groupBy('pep_id')).map((r) => [r.pep_id, r.n]) : []);
    const latest = new Map<number, number>();
    for (const [childId, peps] of byChild) {
      const newest = [...peps].sort((a, b) => compareTerms({ academicYear: b.academic_year, term: b.term }, { academicYear: a.academic_year, term: a.term }))[0];
      if (newest) latest.set(childId, newest.id);
    }
    const latestIds = [...latest.values()];
    const careers = new Set(latestIds.length ? register.all(qb.selectFrom('peps').select(['id', 'transition_careers']).where('id', 'in', latestIds))
      .filter((p) => !!p.transition_careers?.trim()).map((p) => p.id) : []);
    for (const childId of chunk) {
      const latestId = latest.get(childId);
      const h = held.get(childId);
      out.set(childId, {
        childId,
        lastPepMeetingOn: h?.meeting_date ?? null,
        lastPepStatus: h?.status ?? null,
        targetsNotMetAtLastReview: h ? notMet.get(h.id) ?? 0 : 0,
        hasCareersPlan: latestId !== undefined && careers.has(latestId),
      });
    }
  }
  return out;
}

/** The real source for the alerts engine: `(register, childIds, today?) => Map<childId, PepFacts>`. */
export const pepFactsSource: PepFactsSource = (register, childIds, today) => pepFactsFor(register, childIds, today ?? localToday());
