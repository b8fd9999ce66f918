// Sessions of an intervention: attendance recorded quickly, by date. Recording a date that is
// already recorded corrects it (the table keeps one row per intervention per date). Sessions must
// fall within the intervention's dates and not in the future; weekends and holidays are allowed
// (tutoring often happens on a Saturday).

import type { z } from 'zod';
import { type FieldIssue, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  Intervention, InterventionDetail, recordDaySessionsInput, RecordSessionsResult, recordSessionsInput, SessionsDue,
} from '../../api/contract/interventions.ts';
import { formatDate } from '../../documents/format.ts';
import { LEAVER_READ_ONLY, requireEditableChild, throwIfIssues, touchChild } from '../children/guard.ts';
import { displayName } from '../alerts/types.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { type InterventionRow, interventionQuery, loadInterventionRow, sessionStats, toIntervention } from './common.ts';
import { auditIntervention, getIntervention, nowIso } from './interventions.ts';

function dateProblem(row: Pick<InterventionRow, 'start_date' | 'end_date'>, date: string, today: string): string | null {
  if (date < row.start_date) return `The intervention starts on ${formatDate(row.start_date)}: this session is before it.`;
  if (row.end_date !== null && date > row.end_date) return `The intervention ends on ${formatDate(row.end_date)}: this session is after it.`;
  if (date > today) return 'A session cannot be recorded for a date in the future.';
  return null;
}

/** Inserts or corrects one session; true when it was new. */
function upsertSession(register: Register, interventionId: number, date: string, attended: boolean, note: string | null): boolean {
  const existing = register.one(qb.selectFrom('intervention_sessions').select('id').where('intervention_id', '=', interventionId).where('session_date', '=', date));
  if (existing) {
    register.run(qb.updateTable('intervention_sessions').set({ attended: attended ? 1 : 0, note }).where('id', '=', existing.id));
    return false;
  }
  register.run(qb.insertInto('intervention_sessions').values({ intervention_id: interventionId, session_date: date, attended: attended ? 1 : 0, note }));
  return true;
}

export function recordSessions(register: Register, input: z.output<typeof recordSessionsInput>, today: string): InterventionDetail {
  register.transaction(() => {
    const row = loadInterventionRow(register, input.interventionId);
    requireEditableChild(register, row.child_id);
    const issues: FieldIssue[] = [];
    input.sessions.forEach((s, i) => {
      const p = dateProblem(row, s.date, today);
      if (p) issues.push({ path: ['sessions', i, 'date'], message: p });
    });
    throwIfIssues(issues);
    for (const s of input.sessions) upsertSession(register, row.id, s.date, s.attended, s.note);
    auditIntervention(register, 'update', row.child_id, row.id, 'intervention_sessions');
    touchChild(register, row.child_id);
  });
  return getIntervention(register, input.interventionId, today);
}

export function deleteSessions(register: Register, interventionId: number, dates: readonly string[], today: string): InterventionDetail {
  register.transaction(() => {
    const row = loadInterventionRow(register, interventionId);
    requireEditableChild(register, row.child_id);
    const removed = register.run(qb.deleteFrom('intervention_sessions').where('intervention_id', '=', interventionId).where('session_date', 'in', [...dates])).changes;
    if (removed === 0) throw new NotFoundError('No session on those dates');
    auditIntervention(register, 'delete', row.child_id, row.id, 'intervention_sessions');
    touchChild(register, row.child_id);
  });
  return getIntervention(register, interventionId, today);
}

/** Interventions running on the date for children on roll, with what is already recorded for it. */
export function listSessionsDue(register: Register, date: string): SessionsDue {
  const rows = register.all(interventionQuery()
    .where('c.leaving_date', 'is', null)
    .where('i.start_date', '<=', date)
    .where((eb) => eb.or([eb('i.end_date', 'is', null), eb('i.end_date', '>=', date)])));
  const ids = rows.map((r) => r.id);
  const stats = sessionStats(register, ids);
  const recorded = new Map<number, { attended: boolean; note: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of register.all(qb.selectFrom('intervention_sessions').select(['intervention_id', 'attended', 'note'])
      .where('session_date', '=', date).where('intervention_id', 'in', ids.slice(i, i + 500)))) {
      recorded.set(s.intervention_id, { attended: s.attended === 1, note: s.note });
    }
  }
  const out = rows.map((r) => {
    const iv = toIntervention(r, stats.get(r.id), date);
    return {
      interventionId: r.id, childId: r.child_id, childName: displayName(r), yearGroup: yearGroup(r.date_of_birth, date, r.year_group_offset),
      kindLabel: iv.kindLabel, subjectName: r.subject_name, deliveredBy: r.delivered_by, providerName: r.provider_name,
      sessionsPlanned: r.sessions_planned, sessionsRecorded: iv.sessionsRecorded, recorded: recorded.get(r.id) ?? null,
    };
  });
  out.sort((a, b) => a.childName.localeCompare(b.childName) || a.kindLabel.localeCompare(b.kindLabel) || a.interventionId - b.interventionId);
  return { date, rows: out };
}

/** One session each for several interventions on one date: all or nothing, in one transaction. */
export function recordDaySessions(register: Register, input: z.output<typeof recordDaySessionsInput>, today: string): RecordSessionsResult {
  const ids = [...input.entries.map((e) => e.interventionId), ...input.removals];
  let added = 0;
  let updated = 0;
  let removed = 0;
  // The whole day in one transaction: marks recorded and marks taken off land together or not at all.
  register.transaction(() => {
    const rows = new Map<number, InterventionRow>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of register.all(interventionQuery().where('i.id', 'in', ids.slice(i, i + 500)))) rows.set(r.id, r);
    }
    const issues: FieldIssue[] = [];
    const check = (interventionId: number, path: (string | number)[], datesMatter: boolean) => {
      const r = rows.get(interventionId);
      if (!r) issues.push({ path, message: 'That intervention was not found. It may have been deleted.' });
      else if (r.leaving_date !== null) issues.push({ path, message: LEAVER_READ_ONLY });
      else if (datesMatter) {
        const p = dateProblem(r, input.date, today);
        if (p) issues.push({ path, message: p });
      }
    };
    input.entries.forEach((e, i) => check(e.interventionId, ['entries', i, 'interventionId'], true));
    input.removals.forEach((id, i) => check(id, ['removals', i], false));
    throwIfIssues(issues);
    const at = nowIso();
    const touched = new Set<number>();
    for (const e of input.entries) {
      const r = rows.get(e.interventionId)!;
      if (upsertSession(register, r.id, input.date, e.attended, e.note)) added++;
      else updated++;
      auditIntervention(register, 'update', r.child_id, r.id, 'intervention_sessions');
      touched.add(r.child_id);
    }
    for (const id of input.removals) {
      const r = rows.get(id)!;
      // Nothing recorded on the date already: nothing to take off, and nothing to audit.
      if (register.run(qb.deleteFrom('intervention_sessions').where('intervention_id', '=', id).where('session_date', '=', input.date)).changes === 0) continue;
      removed++;
      auditIntervention(register, 'delete', r.child_id, r.id, 'intervention_sessions');
      touched.add(r.child_id);
    }
    for (const childId of touched) touchChild(register, childId, at);
  });
  const stats = sessionStats(register, ids);
  const interventions: Intervention[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of register.all(interventionQuery().where('i.id', 'in', ids.slice(i, i + 500)))) interventions.push(toIntervention(r, stats.get(r.id), today));
  }
  return { added, updated, removed, interventions };
}
