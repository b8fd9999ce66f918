// PEPs: drafting one per child per term from the register, reading one for the editor, the PEP
// list, and every edit (text, targets, reviews of previous targets, actions, attendees). Status
// changes are in ./status.ts. Every change is one transaction with one audit entry, written with
// the child's audit reference (childAuditRef) so it shows in the child's recent activity:
//   record_type 'child.PEP' (or child.PEP_target, child.PEP_review, ...), record_id '<childId>:<pepId>'.

import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { AuditAction } from '../../../db/audit.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepActionsTable, PepAttendeesTable, PepsTable, PepTargetReviewsTable, PepTargetsTable } from '../../../db/schema.ts';
import {
  PEP_STATUS_LABELS, type PepAction, type PepAttendee, type PepContent, type PepDetail, type PepKind, type PepList, type PepListRow,
  type PepReview, type PepSnapshot, type PepStatus, type PepStatusChange, type PepTarget, type PepTermName, type PepTermRef, type PepText,
  type PepRag, type savePepTargetInput, type TargetOutcome,
} from '../../api/contract/peps.ts';
import { childAuditRef, describeAudit, toActivity } from '../children/audit.ts';
import { loadChild, requireEditableChild } from '../children/guard.ts';
import { childYearGroup } from '../children/mapping.ts';
import { initials } from '../progress/common.ts';
import { pepCompleteness, transitionApplies } from './completeness.ts';
import { getLaPepFormat } from './format.ts';
import { assertEditable, isEditableStatus, manualTransitions } from './lifecycle.ts';
import { checkSmart } from './smart.ts';
import {
  buildSnapshot, interventionLabel, loadChildSources, loadLookups, sameSnapshot, type SnapshotLookups, transitionPrefill, voicePrefill,
} from './snapshot.ts';
import { compareTerms, loadTermCalendar, type TermCalendar, termLabel } from './terms.ts';

export type PepRow = Selectable<PepsTable>;

export type PepAuditKind = 'PEP' | 'PEP_status' | 'PEP_quality' | 'PEP_target' | 'PEP_review' | 'PEP_action' | 'PEP_attendees';

export function auditPep(register: Register, action: AuditAction, childId: number, pepId: number, kind: PepAuditKind = 'PEP'): void {
  register.audit({ action, ...childAuditRef(childId, kind, pepId) });
}

const nowIso = (): string => new Date().toISOString();
const ref = (r: { academic_year: string; term: PepTermName }): PepTermRef => ({ academicYear: r.academic_year, term: r.term });

export function loadPepRow(register: Register, id: number): PepRow {
  const r = register.one(qb.selectFrom('peps').selectAll().where('id', '=', id));
  if (!r) throw new NotFoundError('That PEP');
  return r;
}

/** The PEP, if its content may change: draft or ready, for a child still on roll. Call inside the write transaction. */
export function requireEditablePep(register: Register, id: number): PepRow {
  const r = loadPepRow(register, id);
  requireEditableChild(register, r.child_id);
  assertEditable(r.status);
  return r;
}

function touch(register: Register, pepId: number): void {
  register.run(qb.updateTable('peps').set({ updated_at: nowIso() }).where('id', '=', pepId));
}

/** Subject names in the register: they count as "specific" in the SMART check. */
export function subjectTerms(register: Register): string[] {
  return register.all(qb.selectFrom('subjects').select('name')).map((s) => s.name);
}

// ---- reading ----------------------------------------------------------------------------------

interface Bundle {
  targets: Selectable<PepTargetsTable>[];
  links: Map<number, { interventionId: number | null; label: string }[]>;
  reviews: Selectable<PepTargetReviewsTable>[];
  actions: Selectable<PepActionsTable>[];
  attendees: Selectable<PepAttendeesTable>[];
}

/** Targets, reviews, actions and attendees of many PEPs, a few queries per 500 PEPs. */
export function loadBundles(register: Register, pepIds: readonly number[]): Map<number, Bundle> {
  const out = new Map<number, Bundle>(pepIds.map((id) => [id, { targets: [], links: new Map(), reviews: [], actions: [], attendees: [] }]));
  for (let i = 0; i < pepIds.length; i += 500) {
    const chunk = pepIds.slice(i, i + 500);
    const targets = register.all(qb.selectFrom('pep_targets').selectAll().where('pep_id', 'in', chunk).orderBy('position').orderBy('id'));
    for (const t of targets) out.get(t.pep_id)!.targets.push(t);
    const targetIds = targets.map((t) => t.id);
    const pepOfTarget = new Map(targets.map((t) => [t.id, t.pep_id]));
    for (let j = 0; j < targetIds.length; j += 500) {
      for (const l of register.all(qb.selectFrom('pep_target_interventions').selectAll().where('pep_target_id', 'in', targetIds.slice(j, j + 500)).orderBy('id'))) {
        const links = out.get(pepOfTarget.get(l.pep_target_id)!)!.links;
        links.set(l.pep_target_id, [...(links.get(l.pep_target_id) ?? []), { interventionId: l.intervention_id, label: l.label }]);
      }
    }
    for (const r of register.all(qb.selectFrom('pep_target_reviews').selectAll().where('pep_id', 'in', chunk).orderBy('position').orderBy('id'))) out.get(r.pep_id)!.reviews.push(r);
    for (const a of register.all(qb.selectFrom('pep_actions').selectAll().where('pep_id', 'in', chunk).orderBy('position').orderBy('id'))) out.get(a.pep_id)!.actions.push(a);
    for (const a of register.all(qb.selectFrom('pep_attendees').selectAll().where('pep_id', 'in', chunk).orderBy('position').orderBy('id'))) out.get(a.pep_id)!.attendees.push(a);
  }
  return out;
}

export function textOf(r: Pick<PepRow, 'child_voice' | 'child_voice_reason' | 'carer_views' | 'social_worker_views' | 'strengths' | 'barriers' | 'sen_notes'
  | 'transition_careers' | 'attendance_notes' | 'progress_notes'>): PepText {
  return {
    childVoice: r.child_voice, childVoiceReason: r.child_voice_reason, carerViews: r.carer_views, socialWorkerViews: r.social_worker_views,
    strengths: r.strengths, barriers: r.barriers, senNotes: r.sen_notes, transitionCareers: r.transition_careers,
    attendanceNotes: r.attendance_notes, progressNotes: r.progress_notes,
  };
}

const toReview = (r: Bundle['reviews'][number]): PepReview => ({
  id: r.id, sourceTargetId: r.source_target_id, sourceLabel: r.source_label, area: r.area, target: r.target, successCriteria: r.success_criteria,
  byWhen: r.by_when, who: r.who, outcome: r.outcome, note: r.note, carryForward: r.carry_forward === 1,
});

function toTarget(t: Bundle['targets'][number], b: Bundle, meetingDate: string | null, terms: readonly string[], later: PepTarget['laterReview']): PepTarget {
  const input = { area: t.area, target: t.target, successCriteria: t.success_criteria, byWhen: t.by_when, who: t.who };
  return {
    id: t.id, position: t.position, area: t.area, target: t.target, successCriteria: t.success_criteria, byWhen: t.by_when, who: t.who,
    ppPlusPence: t.pp_plus_pence, carriedFromReviewId: t.carried_from_review_id, interventions: b.links.get(t.id) ?? [],
    smart: checkSmart(input, { notBefore: meetingDate, extraTerms: terms }), laterReview: later,
  };
}

const toAction = (a: Bundle['actions'][number]): PepAction => ({ id: a.id, position: a.position, action: a.action, owner: a.owner, dueOn: a.due_on, doneOn: a.done_on });
const toAttendee = (a: Bundle['attendees'][number]): PepAttendee => ({ id: a.id, position: a.position, name: a.name, role: a.role, present: a.present === 1 });

export function contentOf(row: PepRow, b: Bundle, terms: readonly string[], laterReviews: Map<number, PepTarget['laterReview']> = new Map()): PepContent {
  const t = ref(row);
  return {
    id: row.id,
    childId: row.child_id,
    academicYear: row.academic_year,
    term: row.term,
    termLabel: termLabel(t),
    kind: row.kind,
    status: row.status,
    period: { start: row.period_start, end: row.period_end },
    meetingDate: row.meeting_date,
    submittedOn: row.submitted_on,
    approvedOn: row.approved_on,
    returnedOn: row.returned_on,
    returnedReason: row.returned_reason,
    supersededOn: row.superseded_on,
    qualityRating: row.quality_rating,
    qualityRag: row.quality_rag,
    vsFeedback: row.vs_feedback,
    snapshot: JSON.parse(row.snapshot) as PepSnapshot,
    snapshotTakenAt: row.snapshot_taken_at,
    text: textOf(row),
    previousTargets: b.reviews.map(toReview),
    targets: b.targets.map((x) => toTarget(x, b, row.meeting_date, terms, laterReviews.get(x.id) ?? null)),
    actions: b.actions.map(toAction),
    attendees: b.attendees.map(toAttendee),
  };
}

export function completenessOf(c: Pick<PepContent, 'snapshot' | 'meetingDate' | 'attendees' | 'text' | 'previousTargets' | 'targets' | 'actions'>, terms: readonly string[]) {
  return pepCompleteness({
    childStatus: c.snapshot.child.status,
    yearGroup: c.snapshot.child.yearGroup,
    senProvision: c.snapshot.sen.provision,
    meetingDate: c.meetingDate,
    attendeeCount: c.attendees.length,
    text: c.text,
    reviews: c.previousTargets,
    targets: c.targets,
    actions: c.actions,
    extraTerms: terms,
  });
}

/** A saved PEP's content (for the document and the copy-section text). */
export function loadPepContent(register: Register, id: number): PepContent {
  const row = loadPepRow(register, id);
  return contentOf(row, loadBundles(register, [id]).get(id)!, subjectTerms(register));
}

function laterReviewsOf(register: Register, targetIds: number[]): Map<number, PepTarget['laterReview']> {
  if (!targetIds.length) return new Map();
  const rows = register.all(qb.selectFrom('pep_target_reviews').innerJoin('peps', 'peps.id', 'pep_target_reviews.pep_id')
    .select(['pep_target_reviews.source_target_id', 'pep_target_reviews.outcome', 'pep_target_reviews.note', 'peps.id', 'peps.academic_year', 'peps.term'])
    .where('pep_target_reviews.source_target_id', 'in', targetIds));
  return new Map(rows.map((r) => [r.source_target_id!, {
    pepId: r.id, termLabel: termLabel({ academicYear: r.academic_year, term: r.term }), outcome: r.outcome as TargetOutcome | null, note: r.note,
  }]));
}

function suggestedAttendees(s: PepSnapshot): { name: string; role: string }[] {
  const out: { name: string; role: string }[] = [];
  if (s.school.dtName) out.push({ name: s.school.dtName, role: 'Designated Teacher' });
  out.push({ name: `${s.child.preferredName || s.child.legalFirstName} ${s.child.legalLastName}`, role: 'Child or young person' });
  if (s.child.status === 'CLA' && s.placement?.carerName) out.push({ name: s.placement.carerName, role: 'Carer' });
  if (s.child.socialWorker.name) out.push({ name: s.child.socialWorker.name, role: 'Social worker' });
  if (s.child.keyAdult) out.push({ name: s.child.keyAdult, role: 'Key adult' });
  if (s.child.eswName) out.push({ name: s.child.eswName, role: 'Education Support Worker' });
  return out;
}

function pepHistory(register: Register, childId: number, pepId: number) {
  const rows = register.sqlite.prepare(`
    SELECT a.id, a.at, a.action, a.record_type, a.record_id, u.name AS user_name
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.record_type >= 'child.PEP' AND a.record_type < 'child.PEQ' AND a.record_id = ?
    ORDER BY a.id DESC LIMIT 100`).all(`${childId}:${pepId}`) as Parameters<typeof toActivity>[0][];
  return rows.map((r) => ({ ...toActivity(r), description: describeAudit(r.action, r.record_type) }));
}

export function getPep(register: Register, id: number, today: string): PepDetail {
  const row = loadPepRow(register, id);
  const child = loadChild(register, row.child_id);
  const terms = subjectTerms(register);
  const bundle = loadBundles(register, [id]).get(id)!;
  const content = contentOf(row, bundle, terms, laterReviewsOf(register, bundle.targets.map((t) => t.id)));
  const laId = content.snapshot.localAuthority?.id ?? null;
  const laExists = laId !== null && register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', laId)) !== undefined;
  const format = getLaPepFormat(register, laExists ? laId : null);
  const editable = isEditableStatus(row.status) && child.leaving_date === null;
  const cal = loadTermCalendar(register);
  let changed = false;
  let prefill = voicePrefill(content.snapshot);
  if (editable) {
    const fresh = buildSnapshot(loadChildSources(register, row.child_id), loadLookups(register), ref(row), cal.period(ref(row)), today);
    changed = !sameSnapshot(fresh, content.snapshot);
    prefill = voicePrefill(fresh);
  }
  const interventions = register.all(qb.selectFrom('interventions as i').leftJoin('subjects as s', 's.id', 'i.subject_id')
    .select(['i.id', 'i.kind', 'i.kind_other', 'i.funding_source', 'i.cost_pence', 'i.start_date', 's.name as subject_name'])
    .where('i.child_id', '=', row.child_id).orderBy('i.start_date', 'desc'));
  const statusHistory: PepStatusChange[] = register.all(qb.selectFrom('pep_status_changes').selectAll().where('pep_id', '=', id).orderBy('id'))
    .map((s) => ({ from: s.from_status as PepStatus, to: s.to_status as PepStatus, on: s.on_date, note: s.note, at: s.changed_at }));
  const childName = `${child.preferred_name?.trim() || child.legal_first_name} ${child.legal_last_name}`;
  return {
    ...content,
    id,
    childName,
    initials: initials(child.legal_first_name, child.legal_last_name),
    laId: content.snapshot.localAuthority?.id ?? null,
    laName: content.snapshot.localAuthority?.name ?? null,
    statusLabel: PEP_STATUS_LABELS[row.status],
    editable,
    allowedTransitions: manualTransitions(row.status),
    dueBy: cal.dueBy(laExists ? laId : null, ref(row)).date,
    completeness: completenessOf(content, terms),
    registerChangedSinceSnapshot: changed,
    voicePrefill: prefill,
    suggestedAttendees: suggestedAttendees(content.snapshot),
    interventionOptions: interventions.map((i) => ({
      id: i.id, label: `${interventionLabel(i)} from ${i.start_date.split('-').reverse().join('/')}`, fundingSource: i.funding_source, costPence: i.cost_pence,
    })),
    qaScale: format.qaScale,
    format: format.sections.filter((s) => s.included).map((s) => ({ key: s.key, heading: s.heading })),
    statusHistory,
    history: pepHistory(register, row.child_id, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// ---- the list ---------------------------------------------------------------------------------

export interface PepFilter { childId: number | null; academicYear: string | null; term: PepTermName | null; status: PepStatus | null }

export function listPeps(register: Register, f: PepFilter, today: string): PepList {
  let q = qb.selectFrom('peps').innerJoin('children', 'children.id', 'peps.child_id')
    .selectAll('peps')
    .select(['children.legal_first_name', 'children.legal_last_name', 'children.preferred_name', 'children.date_of_birth', 'children.year_group_offset',
      'children.leaving_date', 'children.status as child_status']);
  if (f.childId !== null) q = q.where('peps.child_id', '=', f.childId);
  if (f.academicYear !== null) q = q.where('peps.academic_year', '=', f.academicYear);
  if (f.term !== null) q = q.where('peps.term', '=', f.term);
  if (f.status !== null) q = q.where('peps.status', '=', f.status);
  const rows = register.all(q);
  const cal = loadTermCalendar(register);
  const terms = subjectTerms(register);
  const bundles = loadBundles(register, rows.map((r) => r.id));
  const las = new Map(register.all(qb.selectFrom('local_authorities').select(['id', 'name'])).map((l) => [l.id, l.name]));
  const out: PepListRow[] = rows.map((r) => {
    const content = contentOf(r, bundles.get(r.id)!, terms);
    const c = completenessOf(content, terms);
    const laId = content.snapshot.localAuthority?.id ?? null;
    const due = cal.dueBy(laId !== null && las.has(laId) ? laId : null, ref(r)).date;
    return {
      id: r.id,
      childId: r.child_id,
      childName: `${r.preferred_name?.trim() || r.legal_first_name} ${r.legal_last_name}`,
      initials: initials(r.legal_first_name, r.legal_last_name),
      yearGroupLabel: content.snapshot.child.yearGroupLabel,
      childStatus: content.snapshot.child.status,
      laId,
      laName: content.snapshot.localAuthority?.name ?? null,
      academicYear: r.academic_year,
      term: r.term,
      termLabel: content.termLabel,
      kind: r.kind,
      status: r.status,
      statusLabel: PEP_STATUS_LABELS[r.status],
      meetingDate: r.meeting_date,
      submittedOn: r.submitted_on,
      dueBy: due,
      overdue: isEditableStatus(r.status) && due < today,
      qualityRating: r.quality_rating,
      qualityRag: r.quality_rag as PepRag | null,
      completenessPercent: c.percent,
      missing: c.missing,
      targets: content.targets.length,
      smartTargets: content.targets.filter((t) => t.smart.smart).length,
      updatedAt: r.updated_at,
    };
  }).sort((a, b) => compareTerms(b, a) || a.childName.localeCompare(b.childName) || a.id - b.id);

  const current = f.academicYear !== null && f.term !== null ? { academicYear: f.academicYear, term: f.term } : cal.termFor(today);
  const notStarted: PepList['notStarted'] = [];
  if (f.academicYear !== null && f.term !== null && f.status === null) {
    const period = cal.period(current);
    const have = new Set(register.all(qb.selectFrom('peps').select('child_id').where('academic_year', '=', current.academicYear).where('term', '=', current.term)).map((p) => p.child_id));
    let cq = qb.selectFrom('children').leftJoin('local_authorities', 'local_authorities.id', 'children.responsible_la_id')
      .select(['children.id', 'children.legal_first_name', 'children.legal_last_name', 'children.preferred_name', 'children.date_of_birth',
        'children.year_group_offset', 'children.leaving_date', 'children.responsible_la_id', 'local_authorities.name as la_name'])
      .where('children.status', '=', 'CLA')
      .where('children.date_joined_school', '<=', period.end)
      .where((eb) => eb.or([eb('children.leaving_date', 'is', null), eb('children.leaving_date', '>=', period.start)]))
      .orderBy('children.legal_last_name').orderBy('children.legal_first_name');
    if (f.childId !== null) cq = cq.where('children.id', '=', f.childId);
    for (const c of register.all(cq)) {
      if (have.has(c.id)) continue;
      const due = cal.dueBy(c.responsible_la_id, current).date;
      notStarted.push({
        childId: c.id, childName: `${c.preferred_name?.trim() || c.legal_first_name} ${c.legal_last_name}`, initials: initials(c.legal_first_name, c.legal_last_name),
        yearGroupLabel: childYearGroup(c, period.start > today ? today : period.start).yearGroupLabel, laName: c.la_name, dueBy: due, overdue: due < today,
      });
    }
  }
  return { currentTerm: { ...current, label: termLabel(current) }, rows: out, notStarted };
}

// ---- drafting ---------------------------------------------------------------------------------

interface Draft {
  period: { start: string; end: string };
  kind: PepKind;
  snapshot: PepSnapshot;
  text: PepText;
  previous: PepRow | null;
  previousTargets: Selectable<PepTargetsTable>[];
}

/** The latest PEP for the child before the given term. */
function previousPep(register: Register, childId: number, t: PepTermRef): PepRow | null {
  const rows = register.all(qb.selectFrom('peps').selectAll().where('child_id', '=', childId));
  return rows.filter((r) => compareTerms(ref(r), t) < 0).sort((a, b) => compareTerms(ref(b), ref(a)))[0] ?? null;
}

/** What a new PEP for the child and term would hold, worked out from the register (nothing written). */
export function draftFor(register: Register, childId: number, t: PepTermRef, kind: PepKind | null, today: string,
  ctx: { cal?: TermCalendar; look?: SnapshotLookups } = {}): Draft {
  const cal = ctx.cal ?? loadTermCalendar(register);
  const period = cal.period(t);
  const child = loadChild(register, childId);
  if (child.date_joined_school > period.end) throw InvalidError.field('term', `The child joined the school after the ${termLabel(t)} ended.`);
  if (child.leaving_date !== null && child.leaving_date < period.start) throw InvalidError.field('term', `The child left the school before the ${termLabel(t)} began.`);
  const snapshot = buildSnapshot(loadChildSources(register, childId), ctx.look ?? loadLookups(register), t, period, today);
  const previous = previousPep(register, childId, t);
  const previousTargets = previous ? register.all(qb.selectFrom('pep_targets').selectAll().where('pep_id', '=', previous.id).orderBy('position').orderBy('id')) : [];
  const transition = transitionApplies(snapshot.child.yearGroup) || snapshot.transition.transitionNotes ? transitionPrefill(snapshot) : null;
  return {
    period: { start: period.start, end: period.end },
    kind: kind ?? (previous ? 'review' : 'initial'),
    snapshot,
    text: {
      childVoice: voicePrefill(snapshot), childVoiceReason: null, carerViews: null, socialWorkerViews: null, strengths: null, barriers: null,
      senNotes: null, transitionCareers: transition, attendanceNotes: null, progressNotes: null,
    },
    previous,
    previousTargets,
  };
}

/** A PEP built from the register without saving it (the CLI's "no PEP yet" case). */
export function unsavedPep(register: Register, childId: number, t: PepTermRef, today: string): PepContent {
  const d = draftFor(register, childId, t, null, today);
  const label = d.previous ? termLabel(ref(d.previous)) : '';
  return {
    id: null, childId, academicYear: t.academicYear, term: t.term, termLabel: termLabel(t), kind: d.kind, status: 'draft', period: d.period,
    meetingDate: null, submittedOn: null, approvedOn: null, returnedOn: null, returnedReason: null, supersededOn: null,
    qualityRating: null, qualityRag: null, vsFeedback: null, snapshot: d.snapshot, snapshotTakenAt: nowIso(), text: d.text,
    previousTargets: d.previousTargets.map((p, i) => ({
      id: -(i + 1), sourceTargetId: p.id, sourceLabel: label, area: p.area, target: p.target, successCriteria: p.success_criteria,
      byWhen: p.by_when, who: p.who, outcome: null, note: null, carryForward: false,
    })),
    targets: [], actions: [], attendees: [],
  };
}

function insertReviews(register: Register, pepId: number, previous: PepRow, targets: Draft['previousTargets'], skip: Set<number> = new Set()): number {
  let n = 0;
  for (const [i, p] of targets.entries()) {
    if (skip.has(p.id)) continue;
    register.run(qb.insertInto('pep_target_reviews').values({
      pep_id: pepId, source_target_id: p.id, source_label: termLabel(ref(previous)), position: i, area: p.area, target: p.target,
      success_criteria: p.success_criteria, by_when: p.by_when, who: p.who,
    }));
    n++;
  }
  return n;
}

export interface CreatePepInput { childId: number; academicYear: string; term: PepTermName; kind: PepKind | null }

export function createPep(register: Register, input: CreatePepInput, today: string, ctx: { cal?: TermCalendar; look?: SnapshotLookups; at?: string } = {}): number {
  return register.transaction(() => {
    requireEditableChild(register, input.childId);
    const t: PepTermRef = { academicYear: input.academicYear, term: input.term };
    const clash = register.one(qb.selectFrom('peps').select('id').where('child_id', '=', input.childId).where('academic_year', '=', t.academicYear).where('term', '=', t.term));
    if (clash) throw new ConflictError(`This child already has a PEP for the ${termLabel(t)}: open that one instead.`);
    const d = draftFor(register, input.childId, t, input.kind, today, ctx);
    const at = ctx.at ?? nowIso();
    const id = register.run(qb.insertInto('peps').values({
      child_id: input.childId, academic_year: t.academicYear, term: t.term, kind: d.kind, status: 'draft', period_start: d.period.start, period_end: d.period.end,
      child_voice: d.text.childVoice, transition_careers: d.text.transitionCareers, snapshot: JSON.stringify(d.snapshot), snapshot_taken_at: at,
      created_at: at, updated_at: at,
    })).lastInsertRowid;
    if (d.previous) insertReviews(register, id, d.previous, d.previousTargets);
    auditPep(register, 'create', input.childId, id);
    return id;
  });
}

// ---- editing ----------------------------------------------------------------------------------

export type PepTextUpdate = Partial<PepText> & { kind?: PepKind; meetingDate?: string | null };

const TEXT_COLUMNS: Record<keyof PepText, keyof PepRow> = {
  childVoice: 'child_voice', childVoiceReason: 'child_voice_reason', carerViews: 'carer_views', socialWorkerViews: 'social_worker_views',
  strengths: 'strengths', barriers: 'barriers', senNotes: 'sen_notes', transitionCareers: 'transition_careers',
  attendanceNotes: 'attendance_notes', progressNotes: 'progress_notes',
};

export function updatePep(register: Register, id: number, u: PepTextUpdate, today: string): void {
  register.transaction(() => {
    const row = requireEditablePep(register, id);
    const set: Record<string, unknown> = { updated_at: nowIso() };
    for (const [k, col] of Object.entries(TEXT_COLUMNS) as [keyof PepText, string][]) if (u[k] !== undefined) set[col] = u[k];
    if (u.kind !== undefined) set.kind = u.kind;
    if (u.meetingDate !== undefined) {
      if (u.meetingDate !== null && u.meetingDate > today) {
        // A planned meeting is fine to record; only a date far ahead is a likely typing slip.
        const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
        if (u.meetingDate > yearAhead) throw InvalidError.field('meetingDate', 'The meeting date is more than a year ahead: check the year.');
      }
      set.meeting_date = u.meetingDate;
    }
    register.run(qb.updateTable('peps').set(set as never).where('id', '=', id));
    auditPep(register, 'update', row.child_id, id);
  });
}

export function refreshPepSnapshot(register: Register, id: number, today: string): void {
  register.transaction(() => {
    const row = requireEditablePep(register, id);
    const t = ref(row);
    const cal = loadTermCalendar(register);
    const period = cal.period(t);
    const snapshot = buildSnapshot(loadChildSources(register, row.child_id), loadLookups(register), t, period, today);
    register.run(qb.updateTable('peps').set({
      snapshot: JSON.stringify(snapshot), snapshot_taken_at: nowIso(), period_start: period.start, period_end: period.end, updated_at: nowIso(),
    }).where('id', '=', id));
    // Targets added to the previous PEP since this one was drafted join the review.
    const previous = previousPep(register, row.child_id, t);
    if (previous) {
      const have = new Set(register.all(qb.selectFrom('pep_target_reviews').select('source_target_id').where('pep_id', '=', id)).map((r) => r.source_target_id));
      const targets = register.all(qb.selectFrom('pep_targets').selectAll().where('pep_id', '=', previous.id).orderBy('position').orderBy('id'));
      insertReviews(register, id, previous, targets, new Set(targets.filter((x) => have.has(x.id)).map((x) => x.id)));
    }
    auditPep(register, 'update', row.child_id, id);
  });
}

export function deletePep(register: Register, id: number): void {
  register.transaction(() => {
    const row = loadPepRow(register, id);
    requireEditableChild(register, row.child_id);
    if (row.status !== 'draft') throw new ConflictError('Only a draft PEP can be deleted. A PEP that has been marked ready can be moved back to draft first; one sent to the Virtual School is kept.');
    register.run(qb.deleteFrom('peps').where('id', '=', id));
    auditPep(register, 'delete', row.child_id, id);
  });
}

// ---- targets ----------------------------------------------------------------------------------

/** savePepTarget's input as the contract parses it. */
export type TargetInput = z.output<typeof savePepTargetInput>;

export function savePepTarget(register: Register, input: TargetInput): void {
  register.transaction(() => {
    const row = requireEditablePep(register, input.pepId);
    const ids = [...new Set(input.interventionIds)];
    const interventions = ids.length ? register.all(qb.selectFrom('interventions as i').leftJoin('subjects as s', 's.id', 'i.subject_id')
      .select(['i.id', 'i.child_id', 'i.kind', 'i.kind_other', 's.name as subject_name']).where('i.id', 'in', ids)) : [];
    ids.forEach((iid, i) => {
      const found = interventions.find((x) => x.id === iid);
      if (!found || found.child_id !== row.child_id) throw InvalidError.field(['interventionIds', i], "Choose one of this child's interventions.");
    });
    const values = {
      area: input.area, target: input.target, success_criteria: input.successCriteria, by_when: input.byWhen, who: input.who,
      pp_plus_pence: input.ppPlusPence, updated_at: nowIso(),
    };
    let targetId = input.id;
    if (targetId !== undefined) {
      const existing = register.one(qb.selectFrom('pep_targets').select(['id', 'pep_id']).where('id', '=', targetId));
      if (!existing || existing.pep_id !== input.pepId) throw new NotFoundError('That target');
      register.run(qb.updateTable('pep_targets').set(values).where('id', '=', targetId));
    } else {
      const pos = register.one(qb.selectFrom('pep_targets').select((eb) => eb.fn.max('position').as('p')).where('pep_id', '=', input.pepId))?.p ?? -1;
      targetId = register.run(qb.insertInto('pep_targets').values({ ...values, pep_id: input.pepId, position: (pos ?? -1) + 1, created_at: values.updated_at })).lastInsertRowid;
    }
    // Links keep their label as at linking; unchanged links keep theirs.
    const old = register.all(qb.selectFrom('pep_target_interventions').selectAll().where('pep_target_id', '=', targetId));
    for (const l of old) if (l.intervention_id === null || !ids.includes(l.intervention_id)) register.run(qb.deleteFrom('pep_target_interventions').where('id', '=', l.id));
    for (const iid of ids) {
      if (old.some((l) => l.intervention_id === iid)) continue;
      register.run(qb.insertInto('pep_target_interventions').values({ pep_target_id: targetId, intervention_id: iid, label: interventionLabel(interventions.find((x) => x.id === iid)!) }));
    }
    touch(register, input.pepId);
    auditPep(register, input.id === undefined ? 'create' : 'update', row.child_id, input.pepId, 'PEP_target');
  });
}

export function deletePepTarget(register: Register, targetId: number): number {
  return register.transaction(() => {
    const t = register.one(qb.selectFrom('pep_targets').select(['id', 'pep_id', 'carried_from_review_id']).where('id', '=', targetId));
    if (!t) throw new NotFoundError('That target');
    const row = requireEditablePep(register, t.pep_id);
    register.run(qb.deleteFrom('pep_targets').where('id', '=', targetId));
    if (t.carried_from_review_id !== null) register.run(qb.updateTable('pep_target_reviews').set({ carry_forward: 0 }).where('id', '=', t.carried_from_review_id));
    touch(register, t.pep_id);
    auditPep(register, 'delete', row.child_id, t.pep_id, 'PEP_target');
    return t.pep_id;
  });
}

/** Records a previous target's outcome; the carried-forward copy in this PEP's targets follows `carryForward`. */
export function reviewPreviousTarget(register: Register, input: { id: number; outcome: TargetOutcome | null; note: string | null; carryForward: boolean | null }): number {
  return register.transaction(() => {
    const r = register.one(qb.selectFrom('pep_target_reviews').selectAll().where('id', '=', input.id));
    if (!r) throw new NotFoundError('That previous target');
    const row = requireEditablePep(register, r.pep_id);
    const carry = input.carryForward ?? (input.outcome === 'partly' || input.outcome === 'not_met');
    register.run(qb.updateTable('pep_target_reviews').set({ outcome: input.outcome, note: input.note, carry_forward: carry ? 1 : 0 }).where('id', '=', r.id));
    const carried = register.all(qb.selectFrom('pep_targets').select('id').where('carried_from_review_id', '=', r.id));
    if (carry && carried.length === 0) {
      const pos = register.one(qb.selectFrom('pep_targets').select((eb) => eb.fn.max('position').as('p')).where('pep_id', '=', r.pep_id))?.p ?? -1;
      const at = nowIso();
      // The wording carries over; the new date is for the DT to set (the SMART check will ask).
      register.run(qb.insertInto('pep_targets').values({
        pep_id: r.pep_id, position: (pos ?? -1) + 1, area: r.area, target: r.target, success_criteria: r.success_criteria, by_when: null, who: r.who,
        carried_from_review_id: r.id, created_at: at, updated_at: at,
      }));
    }
    if (!carry) for (const c of carried) register.run(qb.deleteFrom('pep_targets').where('id', '=', c.id));
    touch(register, r.pep_id);
    auditPep(register, 'update', row.child_id, r.pep_id, 'PEP_review');
    return r.pep_id;
  });
}

// ---- actions and attendees ----------------------------------------------------------------------

export function savePepAction(register: Register, input: { pepId: number; id?: number | undefined; action: string; owner: string | null; dueOn: string | null; doneOn: string | null }): void {
  register.transaction(() => {
    const row = requireEditablePep(register, input.pepId);
    const values = { action: input.action, owner: input.owner, due_on: input.dueOn, done_on: input.doneOn };
    if (input.id !== undefined) {
      const existing = register.one(qb.selectFrom('pep_actions').select(['id', 'pep_id']).where('id', '=', input.id));
      if (!existing || existing.pep_id !== input.pepId) throw new NotFoundError('That action');
      register.run(qb.updateTable('pep_actions').set(values).where('id', '=', input.id));
    } else {
      const pos = register.one(qb.selectFrom('pep_actions').select((eb) => eb.fn.max('position').as('p')).where('pep_id', '=', input.pepId))?.p ?? -1;
      register.run(qb.insertInto('pep_actions').values({ ...values, pep_id: input.pepId, position: (pos ?? -1) + 1 }));
    }
    touch(register, input.pepId);
    auditPep(register, input.id === undefined ? 'create' : 'update', row.child_id, input.pepId, 'PEP_action');
  });
}

export function deletePepAction(register: Register, actionId: number): number {
  return register.transaction(() => {
    const a = register.one(qb.selectFrom('pep_actions').select(['id', 'pep_id']).where('id', '=', actionId));
    if (!a) throw new NotFoundError('That action');
    const row = requireEditablePep(register, a.pep_id);
    register.run(qb.deleteFrom('pep_actions').where('id', '=', actionId));
    touch(register, a.pep_id);
    auditPep(register, 'delete', row.child_id, a.pep_id, 'PEP_action');
    return a.pep_id;
  });
}

export function setPepAttendees(register: Register, pepId: number, attendees: { name: string; role: string | null; present: boolean }[]): void {
  register.transaction(() => {
    const row = requireEditablePep(register, pepId);
    register.run(qb.deleteFrom('pep_attendees').where('pep_id', '=', pepId));
    attendees.forEach((a, i) => register.run(qb.insertInto('pep_attendees').values({ pep_id: pepId, position: i, name: a.name, role: a.role, present: a.present ? 1 : 0 })));
    touch(register, pepId);
    auditPep(register, 'update', row.child_id, pepId, 'PEP_attendees');
  });
}
