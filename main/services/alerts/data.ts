// Data several rules share, loaded in bulk (one query each, not one per child) and memoised.

import type { Selectable } from 'kysely';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
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

/**
 * Each child's most recent attendance period (latest end date, then latest start), for the children
 * on roll or, with `onRollOnly: false`, every child. One index seek per child (attendance_periods'
 * UNIQUE (child_id, period_start, period_end)), not a read of every period ever recorded.
 */
export function latestAttendancePeriods(register: Register, opts: { onRollOnly: boolean; childId?: number | null }): Map<number, Selectable<AttendancePeriodsTable>> {
  let q = qb.selectFrom('children')
    .innerJoin('attendance_periods as a', (join) => join.on((eb) => eb('a.id', '=', eb.selectFrom('attendance_periods as x').select('x.id')
      .whereRef('x.child_id', '=', 'children.id').orderBy('x.period_end', 'desc').orderBy('x.period_start', 'desc').limit(1))))
    .selectAll('a');
  if (opts.onRollOnly) q = q.where('children.leaving_date', 'is', null);
  if (opts.childId != null) q = q.where('children.id', '=', opts.childId);
  return new Map(register.all(q).map((row) => [row.child_id, row]));
}

/** latestAttendancePeriods for the context's children, loaded once per evaluation. */
export function latestAttendance(ctx: AlertContext): Map<number, Selectable<AttendancePeriodsTable>> {
  return ctx.once('latestAttendance', () => {
    const out = new Map<number, Selectable<AttendancePeriodsTable>>();
    for (const [childId, row] of latestAttendancePeriods(ctx.register, { onRollOnly: true, childId: ctx.childId })) {
      if (ctx.childById.has(childId)) out.set(childId, row);
    }
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
