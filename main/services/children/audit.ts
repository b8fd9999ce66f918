// How audit entries point at a child, so the child's recent activity and their subject access
// export can find every entry about them. The log never holds content, only type and id:
//   the child itself:          record_type 'child',          record_id '<childId>'
//   a record hanging off them: record_type 'child.<kind>',   record_id '<childId>:<recordId>'
//   their leaving:             record_type 'child.leaving',  record_id '<childId>'
// Other areas that keep records about one child (PEPs, returns, interventions) should use
// childAuditRef so their entries show up too.

import type { AuditAction } from '../../../db/audit.ts';
import type { Register } from '../../../db/register.ts';
import type { ActivityEntry } from '../../api/contract.ts';

export type ChildRecordKind =
  | 'placement' | 'education_history' | 'prior_attainment' | 'attendance_period' | 'exclusion' | 'voice_entry' | 'leaving';

export function childAuditRef(childId: number, kind?: ChildRecordKind | string, recordId?: number): { recordType: string; recordId: string } {
  if (!kind) return { recordType: 'child', recordId: String(childId) };
  return { recordType: `child.${kind}`, recordId: recordId === undefined ? String(childId) : `${childId}:${recordId}` };
}

export function auditChild(register: Register, action: AuditAction, childId: number, kind?: ChildRecordKind, recordId?: number): void {
  register.audit({ action, ...childAuditRef(childId, kind, recordId) });
}

export interface ChildAuditRow {
  id: number;
  at: string;
  action: string;
  record_type: string | null;
  record_id: string | null;
  user_name: string | null;
}

/** Every audit entry about one child, newest first. */
export function childAuditEntries(register: Register, childId: number, limit = -1): ChildAuditRow[] {
  const id = String(childId);
  // 'child.' ≤ type < 'child/' and `id:` ≤ record_id < `id;` are prefix matches that can use the index.
  return register.sqlite.prepare(`
    SELECT a.id, a.at, a.action, a.record_type, a.record_id, u.name AS user_name
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE (a.record_type = 'child' AND a.record_id = ?)
       OR (a.record_type >= 'child.' AND a.record_type < 'child/'
           AND (a.record_id = ? OR (a.record_id >= ? AND a.record_id < ?)))
    ORDER BY a.id DESC LIMIT ?`).all(id, id, `${id}:`, `${id};`, limit) as ChildAuditRow[];
}

const KIND_LABELS: Record<string, string> = {
  placement: 'Placement',
  education_history: 'School history entry',
  prior_attainment: 'Prior attainment result',
  attendance_period: 'Attendance period',
  exclusion: 'Suspension or exclusion',
  voice_entry: 'Voice log entry',
  intervention: 'Intervention',
  intervention_sessions: 'Intervention sessions',
  pp_plus_allocation: 'PP+ allocation',
  survey_response: 'Pupil survey response',
  PEP: 'PEP',
  PEP_status: 'PEP status',
  PEP_quality: 'PEP quality rating',
  PEP_target: 'PEP target',
  PEP_review: 'PEP target review',
  PEP_action: 'PEP action',
  PEP_attendees: 'PEP attendees',
};

const VERBS: Record<string, string> = { create: 'added', update: 'updated', delete: 'deleted', import: 'imported', export: 'exported' };

/** Plain-English description of one entry, e.g. "Placement added". */
export function describeAudit(action: string, recordType: string | null): string {
  const kind = recordType?.startsWith('child.') ? recordType.slice(6) : null;
  if (kind === 'leaving') return action === 'delete' ? 'Leaving cancelled' : 'Marked as left';
  if (kind) return `${KIND_LABELS[kind] ?? kind.replace(/_/g, ' ')} ${VERBS[action] ?? action}`;
  switch (action) {
    case 'create': return 'Record created';
    case 'update': return 'Record updated';
    case 'delete': return 'Record deleted';
    case 'export': return 'Subject access export';
    default: return action;
  }
}

export function toActivity(r: ChildAuditRow): ActivityEntry {
  return { at: r.at, action: r.action, recordType: r.record_type, description: describeAudit(r.action, r.record_type), userName: r.user_name };
}
