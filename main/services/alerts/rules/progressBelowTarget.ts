// Progress below target: in each subject, the latest window giving the child a judgement has their
// predicted (else current) grade below target (progress service `belowTarget`). Core subjects only
// by default (alert threshold progressCoreSubjectsOnly). A warning, or information only while an
// intervention in that subject is running, so the DT sees what still needs a plan. The alert
// carries the subject and window ids for startInterventionFromBelowTarget.

import { formatDate } from '../../../documents/format.ts';
import { qb } from '../../../../db/query.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';
import { belowTarget } from '../../progress/views.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const progressBelowTarget: AlertRule = {
  kinds: ['progress-below-target'],
  evaluate(ctx) {
    const rows = belowTarget(ctx.register, ctx.childId === null ? undefined : [ctx.childId]).filter((b) => ctx.childById.has(b.childId));
    if (rows.length === 0) return [];
    const core = new Set(ctx.register.all(qb.selectFrom('subjects').select('id').where('is_core', '=', 1)).map((s) => s.id));
    const closes = new Map(ctx.register.all(qb.selectFrom('assessment_windows').select(['id', 'close_date'])).map((w) => [w.id, w.close_date]));
    let q = qb.selectFrom('interventions').select(['child_id', 'subject_id'])
      .where('subject_id', 'is not', null).where('start_date', '<=', ctx.today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', ctx.today)]));
    if (ctx.childId !== null) q = q.where('child_id', '=', ctx.childId);
    const running = new Set(ctx.register.all(q).map((i) => `${i.child_id}:${i.subject_id}`));
    const out: RegisterAlert[] = [];
    for (const b of rows) {
      if (ctx.settings.progressCoreSubjectsOnly && !core.has(b.subjectId)) continue;
      const grades = -b.steps;
      const since = closes.get(b.windowId) ?? ctx.today;
      const supported = running.has(`${b.childId}:${b.subjectId}`);
      out.push(makeAlert('progress-below-target', b.childId, b.subjectId, supported ? 'info' : 'warning',
        `Below target in ${b.subjectName}`,
        `${grades} grade${grades === 1 ? '' : 's'} below target in ${b.subjectName} at ${b.windowName} (closed ${formatDate(since)})${
          supported ? '; an intervention in this subject is running.' : ': consider starting an intervention.'}`,
        since, 'progress', { link: { area: 'children', id: b.childId, tab: 'progress' }, refs: { subjectId: b.subjectId, windowId: b.windowId } }));
    }
    return out;
  },
};
