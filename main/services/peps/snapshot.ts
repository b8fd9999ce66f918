// The PEP's snapshot of the register: what the register said about the child for the term when
// the PEP was drafted (or last refreshed). Taken from the same tables and with the same mappings
// as the child's file (main/services/children/mapping.ts) and the child's progress view
// (main/services/progress), but without the alerts the child's file works out, which a PEP does
// not need (and which would make drafting every PEP of a large register slow).
//
// Loading is split from building: `loadChildSources` reads one child's rows once; `buildSnapshot`
// is a pure function of those rows, the term's period and the date, so the demo can draft several
// terms' PEPs per child from one load.

import type { Selectable } from 'kysely';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  AttendancePeriodsTable, InterventionsTable, PlacementsTable, ProgressReturnsTable, VoiceLogTable,
} from '../../../db/schema.ts';
import {
  CHILD_STATUSES, GENDERS, LEGAL_STATUS_CODES, PLAC_ARRANGEMENTS, PLACEMENT_TYPE_CODES, SEN_PRIMARY_NEED_CODES, SEN_PROVISION_CODES, VOICE_KINDS,
} from '../../api/contract/codes.ts';
import type { PepSnapshot, PepTermRef, PepProgressTrend } from '../../api/contract/peps.ts';
import { formatDate } from '../../documents/format.ts';
import { loadChild } from '../children/guard.ts';
import {
  attendancePercent, type ChildRow, childYearGroup, toAttainment, toAttendance, toEducation, toExclusion, toPlacement, type Thresholds,
} from '../children/mapping.ts';
import { addDays } from '../children/dates.ts';
import { flagFor, initials, loadScales, loadWindow, type Scale, scaleIdFor, stepsFromTarget, type WindowRow, yearGroupOf } from '../progress/common.ts';
import { getSchoolSettings } from '../settings.ts';
import type { TermPeriod } from './terms.ts';

// ---- shared lookups (loaded once per operation) -----------------------------------------------

export interface SnapshotLookups {
  school: PepSnapshot['school'];
  thresholds: Thresholds;
  las: Map<number, { id: number; name: string; laCode: string | null; vshName: string | null; vsEmail: string | null; epepSystem: string | null; ppplusPencePerYear: number }>;
  scales: Map<number, Scale>;
  windows: Map<number, WindowRow & { label: string }>;
  subjects: Map<number, { name: string; isCore: boolean; order: number }>;
}

export function loadLookups(register: Register): SnapshotLookups {
  const s = getSchoolSettings(register);
  const windows = register.all(qb.selectFrom('assessment_windows').innerJoin('academic_years', 'academic_years.id', 'assessment_windows.academic_year_id')
    .select(['assessment_windows.id', 'academic_years.label']));
  return {
    school: { name: s.name, urn: s.urn, dtName: s.dtName, deputyDtName: s.deputyDtName },
    thresholds: { actionPlanPercent: s.attendanceActionPlanPercent, pepReviewPercent: s.attendancePepReviewPercent },
    las: new Map(register.all(qb.selectFrom('local_authorities').selectAll()).map((l) => [l.id, {
      id: l.id, name: l.name, laCode: l.la_code, vshName: l.vsh_name, vsEmail: l.vs_email, epepSystem: l.epep_system, ppplusPencePerYear: l.ppplus_pence_per_year,
    }])),
    scales: loadScales(register),
    windows: new Map(windows.map((w) => [w.id, { ...loadWindow(register, w.id), label: w.label }])),
    subjects: new Map(register.all(qb.selectFrom('subjects').selectAll()).map((x) => [x.id, { name: x.name, isCore: x.is_core === 1, order: x.sort_order }])),
  };
}

// ---- one child's rows -------------------------------------------------------------------------

type InterventionSource = Selectable<InterventionsTable> & { provider_name: string | null; subject_name: string | null; sessions: { date: string; attended: boolean }[] };

export interface ChildSources {
  child: ChildRow;
  placements: Selectable<PlacementsTable>[];
  education: ReturnType<typeof toEducation>[];
  attainment: ReturnType<typeof toAttainment>[];
  attendance: Selectable<AttendancePeriodsTable>[];
  exclusions: ReturnType<typeof toExclusion>[];
  voice: Selectable<VoiceLogTable>[];
  returns: Selectable<ProgressReturnsTable>[];
  interventions: InterventionSource[];
  allocations: Map<string, number>;
}

export function loadChildSources(register: Register, childId: number): ChildSources {
  const child = loadChild(register, childId);
  const interventions = register.all(qb.selectFrom('interventions as i').leftJoin('providers as p', 'p.id', 'i.provider_id').leftJoin('subjects as s', 's.id', 'i.subject_id')
    .selectAll('i').select(['p.name as provider_name', 's.name as subject_name']).where('i.child_id', '=', childId).orderBy('i.start_date').orderBy('i.id'));
  const sessions = interventions.length ? register.all(qb.selectFrom('intervention_sessions').select(['intervention_id', 'session_date', 'attended'])
    .where('intervention_id', 'in', interventions.map((i) => i.id))) : [];
  return {
    child,
    placements: register.all(qb.selectFrom('placements').selectAll().where('child_id', '=', childId).orderBy('start_date', 'desc').orderBy('id', 'desc')),
    education: register.all(qb.selectFrom('education_history').selectAll().where('child_id', '=', childId).orderBy('start_date', 'desc').orderBy('id', 'desc')).map(toEducation),
    attainment: register.all(qb.selectFrom('prior_attainment').selectAll().where('child_id', '=', childId).orderBy('measure').orderBy('subject').orderBy('id')).map(toAttainment),
    attendance: register.all(qb.selectFrom('attendance_periods').selectAll().where('child_id', '=', childId).orderBy('period_start').orderBy('period_end')),
    exclusions: register.all(qb.selectFrom('exclusions').selectAll().where('child_id', '=', childId).orderBy('start_date').orderBy('id')).map(toExclusion),
    voice: register.all(qb.selectFrom('voice_log').selectAll().where('child_id', '=', childId).orderBy('held_on').orderBy('id')),
    returns: register.all(qb.selectFrom('progress_returns').selectAll().where('child_id', '=', childId)),
    interventions: interventions.map((i) => ({
      ...i, sessions: sessions.filter((s) => s.intervention_id === i.id).map((s) => ({ date: s.session_date, attended: s.attended === 1 })),
    })),
    allocations: new Map(register.all(qb.selectFrom('pp_plus_allocations').select(['financial_year', 'amount_pence']).where('child_id', '=', childId))
      .map((a) => [a.financial_year, a.amount_pence])),
  };
}

// ---- building ---------------------------------------------------------------------------------

export const INTERVENTION_LABELS: Record<string, string> = {
  small_group_maths: 'Small-group maths',
  small_group_english: 'Small-group English',
  tuition_1to1: 'One-to-one tuition',
  mentoring: 'Mentoring',
  esw_sessions: 'Education Support Worker sessions',
  counselling: 'Counselling',
  other: 'Other',
};

export const IMPACT_LABELS: Record<string, string> = {
  not_assessed: 'Not yet assessed', no_impact: 'No impact', some_impact: 'Some impact', good_impact: 'Good impact', strong_impact: 'Strong impact',
};

/** "2025-26" for 1 April 2025 – 31 March 2026 (PP+ is paid by financial year). */
export function financialYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function interventionLabel(i: { kind: string; kind_other: string | null; subject_name?: string | null }): string {
  const base = i.kind === 'other' ? (i.kind_other ?? 'Other') : (INTERVENTION_LABELS[i.kind] ?? i.kind);
  return i.subject_name && !base.toLowerCase().includes(i.subject_name.toLowerCase()) ? `${base} (${i.subject_name})` : base;
}

const yearStartOf = (academicYear: string): string => `${academicYear.slice(0, 4)}-09-01`;

export function buildSnapshot(src: ChildSources, look: SnapshotLookups, term: PepTermRef, period: TermPeriod, today: string): PepSnapshot {
  const c = src.child;
  const asOf = today < period.end ? (today < period.start ? period.start : today) : period.end;
  const la = c.responsible_la_id === null ? null : look.las.get(c.responsible_la_id) ?? null;
  const yg = childYearGroup(c, asOf);
  const yearStart = yearStartOf(term.academicYear);

  // Placement as at the snapshot date, and moves in the year before it.
  const placements = src.placements.map((p) => toPlacement(p, asOf));
  const current = placements.find((p) => p.current) ?? null;
  const first = placements[placements.length - 1];
  const yearAgo = addDays(asOf, -365);

  // Attendance: the periods starting in the term; year to date from 1 September.
  const periods = src.attendance.map((a) => toAttendance(a, look.thresholds));
  const inTerm = periods.filter((p) => p.periodStart >= period.start && p.periodStart <= period.end);
  const sum = (ps: typeof periods, k: 'possibleSessions' | 'presentSessions' | 'authorisedAbsence' | 'unauthorisedAbsence') => ps.reduce((n, p) => n + p[k], 0);
  const ytd = periods.filter((p) => p.periodStart >= yearStart && p.periodStart <= period.end);

  const exclusionsInTerm = src.exclusions.filter((e) => e.startDate >= period.start && e.startDate <= period.end);

  return {
    version: 1,
    asOf,
    school: look.school,
    localAuthority: la && { id: la.id, name: la.name, laCode: la.laCode, vshName: la.vshName, vsEmail: la.vsEmail, epepSystem: la.epepSystem },
    child: {
      legalFirstName: c.legal_first_name,
      legalLastName: c.legal_last_name,
      preferredName: c.preferred_name,
      initials: initials(c.legal_first_name, c.legal_last_name),
      dateOfBirth: c.date_of_birth,
      gender: GENDERS[c.gender],
      ethnicity: c.ethnicity,
      upn: c.upn,
      yearGroup: yg.yearGroup,
      yearGroupLabel: yg.yearGroupLabel,
      status: c.status,
      statusLabel: CHILD_STATUSES[c.status],
      placArrangement: c.plac_arrangement ? PLAC_ARRANGEMENTS[c.plac_arrangement] : null,
      legalStatus: c.legal_status ? `${c.legal_status}: ${LEGAL_STATUS_CODES[c.legal_status as keyof typeof LEGAL_STATUS_CODES] ?? 'unknown code'}` : null,
      dateIntoCare: c.date_into_care,
      dateJoinedSchool: c.date_joined_school,
      socialWorker: { name: c.social_worker_name, email: c.social_worker_email, phone: c.social_worker_phone },
      iro: { name: c.iro_name, email: c.iro_email, phone: c.iro_phone },
      keyAdult: c.key_adult,
      eswName: c.esw_name,
      ppPlusEligible: c.pp_plus_eligible === 1,
      consentInformationSharing: c.consent_information_sharing === 1,
    },
    placement: current && {
      type: PLACEMENT_TYPE_CODES[current.placementType as keyof typeof PLACEMENT_TYPE_CODES] ?? current.placementType,
      carerName: current.carerName,
      startDate: current.startDate,
    },
    placementMovesLast12Months: placements.filter((p) => p !== first && p.startDate > yearAgo && p.startDate <= asOf).length,
    educationHistory: src.education.map((e) => ({ schoolName: e.schoolName, startDate: e.startDate, endDate: e.endDate, reasonForLeaving: e.reasonForLeaving })),
    priorAttainment: src.attainment.map((a) => ({ measure: a.measure, subject: a.subject, result: a.result, assessedOn: a.assessedOn })),
    attendance: {
      periods: inTerm.map((p) => ({
        start: p.periodStart, end: p.periodEnd, possible: p.possibleSessions, present: p.presentSessions,
        authorised: p.authorisedAbsence, unauthorised: p.unauthorisedAbsence, percent: p.percent,
      })),
      term: inTerm.length ? {
        possible: sum(inTerm, 'possibleSessions'), present: sum(inTerm, 'presentSessions'), authorised: sum(inTerm, 'authorisedAbsence'),
        unauthorised: sum(inTerm, 'unauthorisedAbsence'), percent: attendancePercent(sum(inTerm, 'presentSessions'), sum(inTerm, 'possibleSessions')),
      } : null,
      yearToDatePercent: attendancePercent(sum(ytd, 'presentSessions'), sum(ytd, 'possibleSessions')),
      thresholds: look.thresholds,
    },
    exclusions: {
      items: exclusionsInTerm.map((e) => ({ kind: e.kind, startDate: e.startDate, endDate: e.endDate, schoolDays: e.schoolDays, reason: e.reason })),
      termDays: exclusionsInTerm.reduce((n, e) => n + e.schoolDays, 0),
      suspensionDaysThisYear: src.exclusions.filter((e) => e.kind === 'SUSP' && e.startDate >= yearStart && e.startDate <= period.end).reduce((n, e) => n + e.schoolDays, 0),
    },
    progress: progressOf(src, look, term, period),
    sen: {
      provision: c.sen_provision,
      provisionLabel: SEN_PROVISION_CODES[c.sen_provision],
      primaryNeed: c.sen_primary_need,
      primaryNeedLabel: c.sen_primary_need ? (SEN_PRIMARY_NEED_CODES[c.sen_primary_need as keyof typeof SEN_PRIMARY_NEED_CODES] ?? c.sen_primary_need) : null,
      ehcpReviewDate: c.ehcp_review_date,
    },
    interventions: interventionsOf(src, la, period),
    voiceLog: voiceOf(src, period, asOf),
    transition: { transitionNotes: c.transition_notes, careersPlan: c.careers_plan },
  };
}

function progressOf(src: ChildSources, look: SnapshotLookups, term: PepTermRef, period: TermPeriod): PepSnapshot['progress'] {
  const returns = src.returns.filter((r) => {
    const w = look.windows.get(r.window_id);
    return w !== undefined && w.close_date <= period.end;
  });
  const windowIds = [...new Set(returns.map((r) => r.window_id))]
    .map((id) => look.windows.get(id)!)
    .sort((a, b) => a.close_date.localeCompare(b.close_date) || a.id - b.id)
    .slice(-3);
  const shown = new Set(windowIds.map((w) => w.id));
  const child = { id: src.child.id, name: '', initials: '', dateOfBirth: src.child.date_of_birth, yearGroupOffset: src.child.year_group_offset, joined: src.child.date_joined_school, leaving: src.child.leaving_date };
  const scaleOf = (w: WindowRow) => look.scales.get(scaleIdFor(w, yearGroupOf(child, w.close_date)));
  const subjectIds = [...new Set(returns.filter((r) => shown.has(r.window_id)).map((r) => r.subject_id))]
    .sort((a, b) => {
      const x = look.subjects.get(a);
      const y = look.subjects.get(b);
      return Number(y?.isCore ?? 0) - Number(x?.isCore ?? 0) || (x?.order ?? 0) - (y?.order ?? 0) || (x?.name ?? '').localeCompare(y?.name ?? '');
    });
  const subjects = subjectIds.map((sid) => {
    const entries = windowIds.map((w) => {
      const r = returns.find((x) => x.window_id === w.id && x.subject_id === sid);
      if (!r) return null;
      const scale = scaleOf(w);
      const g = { current: r.current_grade, target: r.target_grade, predicted: r.predicted_grade };
      return { ...g, effort: r.effort, flag: scale ? flagFor(stepsFromTarget(scale, g)) : null };
    });
    // Trend: the last two windows with a current grade, when both are on the same scale.
    const graded = windowIds.flatMap((w, i) => (entries[i]?.current ? [{ w, current: entries[i].current }] : []));
    let trend: PepProgressTrend | null = null;
    const a = graded[graded.length - 2];
    const b = graded[graded.length - 1];
    if (a && b) {
      const sa = scaleOf(a.w);
      const sb = scaleOf(b.w);
      const ra = sa?.rank.get(a.current.toLowerCase());
      const rb = sb?.rank.get(b.current.toLowerCase());
      if (sa && sb && sa.id === sb.id && ra !== undefined && rb !== undefined) trend = rb > ra ? 'up' : rb < ra ? 'down' : 'same';
    }
    const latest = [...entries].reverse().find((e) => e !== null && (e.current !== null || e.target !== null)) ?? null;
    const subject = look.subjects.get(sid);
    return {
      name: subject?.name ?? 'Subject',
      isCore: subject?.isCore ?? false,
      entries,
      latestTarget: latest?.target ?? null,
      trend,
      latestFlag: [...entries].reverse().find((e) => e?.flag != null)?.flag ?? null,
    };
  });
  return {
    windows: windowIds.map((w) => ({ id: w.id, name: w.name, closeDate: w.close_date, academicYearLabel: w.label })),
    subjects,
    hasReturnsThisPeriod: returns.some((r) => r.current_grade !== null && look.windows.get(r.window_id)?.label === term.academicYear),
  };
}

function interventionsOf(src: ChildSources, la: { ppplusPencePerYear: number } | null, period: TermPeriod): PepSnapshot['interventions'] {
  const items = src.interventions.filter((i) => i.start_date <= period.end && (i.end_date === null || i.end_date >= period.start)).map((i) => ({
    id: i.id,
    label: interventionLabel(i),
    deliveredBy: i.provider_name ?? i.delivered_by,
    subject: i.subject_name,
    startDate: i.start_date,
    endDate: i.end_date,
    sessionsPlanned: i.sessions_planned,
    sessionsAttended: i.sessions.filter((s) => s.attended && s.date <= period.end).length,
    costPence: i.cost_pence,
    fundingSource: i.funding_source,
    impactRating: IMPACT_LABELS[i.impact_rating] ?? i.impact_rating,
  }));
  const cost = (f: string) => items.filter((i) => i.fundingSource === f).reduce((n, i) => n + i.costPence, 0);
  const fy = financialYearOf(period.start);
  const recorded = src.allocations.get(fy);
  const eligible = src.child.pp_plus_eligible === 1;
  const rule = eligible && src.child.status === 'CLA' && la ? la.ppplusPencePerYear : null;
  return {
    items,
    ppPlusPence: cost('pp_plus'),
    schoolPence: cost('school'),
    virtualSchoolPence: cost('virtual_school'),
    financialYear: fy,
    ppPlusAllocationPence: recorded ?? rule,
    ppPlusAllocationSource: recorded !== undefined ? 'recorded' : rule !== null ? 'la_rule' : null,
  };
}

function voiceOf(src: ChildSources, period: TermPeriod, asOf: string): PepSnapshot['voiceLog'] {
  const useful = src.voice.filter((v) => v.wishes_feelings || v.concerns);
  let entries = useful.filter((v) => v.held_on >= period.start && v.held_on <= asOf);
  // Nothing this term: the latest three from the six months before it.
  if (!entries.length) entries = useful.filter((v) => v.held_on <= asOf && v.held_on >= addDays(period.start, -183)).slice(-3);
  return entries.map((v) => ({ heldOn: v.held_on, kind: VOICE_KINDS[v.kind], wishesFeelings: v.wishes_feelings, concerns: v.concerns }));
}

/** The child's voice as the voice log gives it, to prefill the PEP (the DT edits it). Null when the log has nothing. */
export function voicePrefill(s: PepSnapshot): string | null {
  if (!s.voiceLog.length) return null;
  return s.voiceLog.map((v) => {
    const said = [v.wishesFeelings, v.concerns ? `Worries: ${v.concerns}` : null].filter(Boolean).join(' ');
    return `${formatDate(v.heldOn)} (${v.kind}): ${said}`;
  }).join('\n');
}

/** Transition and careers as the child's record gives them, to prefill the PEP. */
export function transitionPrefill(s: PepSnapshot): string | null {
  const parts = [s.transition.transitionNotes, s.child.yearGroup >= 8 ? s.transition.careersPlan : null].filter((x): x is string => !!x && !!x.trim());
  return parts.length ? parts.join('\n') : null;
}

/** Whether two snapshots say the same (ignoring the date they are as at). */
export function sameSnapshot(a: PepSnapshot, b: PepSnapshot): boolean {
  return JSON.stringify({ ...a, asOf: '' }) === JSON.stringify({ ...b, asOf: '' });
}
