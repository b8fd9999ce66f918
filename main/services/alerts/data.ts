// Data several rules share, loaded in bulk (one query each, not one per child) and memoised.

import type { Selectable } from 'kysely';
import { qb } from '../../../db/query.ts';
import type { AttendancePeriodsTable, ExclusionsTable } from '../../../db/schema.ts';
import type { AlertContext } from './types.ts';

/** Suspensions and exclusions of children on roll with something still outstanding. */
export function outstandingExclusions(ctx: AlertContext): Selectable<ExclusionsTable>[] {
  return ctx.once('outstandingExclusions', () => {
    let q = qb.selectFrom('exclusions').selectAll()
      .where((eb) => eb.or([eb('vs_informed_on', 'is', null), eb('social_worker_informed_on', 'is', null), eb('paperwork_sent_on', 'is', null)]))
      .orderBy('start_date').orderBy('id');
    if (ctx.childId !== null) q = q.where('child_id', '=', ctx.childId);
    return ctx.register.all(q).filter((e) => ctx.childById.has(e.child_id));
  });
}

/** Each child's most recent attendance period (latest end date, then latest start). */
export function latestAttendance(ctx: AlertContext): Map<number, Selectable<AttendancePeriodsTable>> {
  return ctx.once('latestAttendance', () => {
    let q = qb.selectFrom('attendance_periods').selectAll().orderBy('child_id').orderBy('period_end').orderBy('period_start');
    if (ctx.childId !== null) q = q.where('child_id', '=', ctx.childId);
    const out = new Map<number, Selectable<AttendancePeriodsTable>>();
    // Ordered ascending, so the last row seen for a child is their latest.
    for (const row of ctx.register.all(q)) if (ctx.childById.has(row.child_id)) out.set(row.child_id, row);
    return out;
  });
}

/** Each child's most recent ESW session date. */
export function lastEswSession(ctx: AlertContext): Map<number, string> {
  return ctx.once('lastEswSession', () => {
    let q = qb.selectFrom('voice_log').select(['child_id', (eb) => eb.fn.max('held_on').as('last')])
      .where('kind', '=', 'esw_session').groupBy('child_id');
    if (ctx.childId !== null) q = q.where('child_id', '=', ctx.childId);
    return new Map(ctx.register.all(q).map((r) => [r.child_id, r.last]));
  });
}
