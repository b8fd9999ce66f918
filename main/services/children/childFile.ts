// The child's file: everything every tab shows, in one call (a handful of indexed queries).

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { AttendancePeriod, ChildFile, Placement, RegisterAlert } from '../../api/contract.ts';
import { nextPepDue, registerAlerts } from '../alerts/index.ts';
import { listLocalAuthorities } from '../localAuthorities.ts';
import { getSchoolSettings } from '../settings.ts';
import { childAuditEntries, toActivity } from './audit.ts';
import { academicYearStartDate, addDays, daysBetween } from './dates.ts';
import { loadChild } from './guard.ts';
import {
  attendancePercent, toAttainment, toAttendance, toChild, toEducation, toExclusion, toPlacement, toVoice, type Thresholds,
} from './mapping.ts';

const RECENT_ACTIVITY = 20;

export function getChildFile(register: Register, id: number, today: string): ChildFile {
  const row = loadChild(register, id);
  const settings = getSchoolSettings(register);
  const thresholds: Thresholds = { actionPlanPercent: settings.attendanceActionPlanPercent, pepReviewPercent: settings.attendancePepReviewPercent };
  const placements = register.all(qb.selectFrom('placements').selectAll().where('child_id', '=', id).orderBy('start_date', 'desc').orderBy('id', 'desc')).map((p) => toPlacement(p, today));
  const attendance = register.all(qb.selectFrom('attendance_periods').selectAll().where('child_id', '=', id).orderBy('period_start').orderBy('period_end')).map((a) => toAttendance(a, thresholds));
  const exclusions = register.all(qb.selectFrom('exclusions').selectAll().where('child_id', '=', id).orderBy('start_date', 'desc').orderBy('id', 'desc')).map(toExclusion);
  const alerts = registerAlerts(register, today, { childId: id });
  const yearStart = academicYearStartDate(today);

  return {
    asOf: today,
    child: toChild(row, today),
    editable: row.leaving_date === null,
    canDelete: register.session.role === 'dt' && register.session.userId !== null,
    localAuthority: row.responsible_la_id === null ? null : listLocalAuthorities(register).find((l) => l.id === row.responsible_la_id) ?? null,
    placements: placementSummary(placements, today),
    educationHistory: register.all(qb.selectFrom('education_history').selectAll().where('child_id', '=', id).orderBy('start_date', 'desc').orderBy('id', 'desc')).map(toEducation),
    priorAttainment: register.all(qb.selectFrom('prior_attainment').selectAll().where('child_id', '=', id).orderBy('measure').orderBy('subject').orderBy('id')).map(toAttainment),
    attendance: {
      periods: attendance,
      latest: latestPeriod(attendance),
      yearToDatePercent: combinedPercent(attendance.filter((a) => a.periodStart >= yearStart && a.periodStart <= today)),
      thresholds,
    },
    exclusions: {
      items: exclusions,
      suspensionDaysThisYear: exclusions.filter((e) => e.kind === 'SUSP' && e.startDate >= yearStart && e.startDate <= today).reduce((n, e) => n + e.schoolDays, 0),
    },
    voice: voiceSummary(register, id, today, settings.eswSessionWeeks, alerts),
    alerts,
    // Looked-after children only (a PLAC child has no statutory PEP): null then, or with no schedule yet.
    nextPepDue: row.status === 'CLA' && row.leaving_date === null ? nextPepDue(register, today, id) : null,
    recentActivity: childAuditEntries(register, id, RECENT_ACTIVITY).map(toActivity),
  };
}

function placementSummary(items: Placement[], today: string): ChildFile['placements'] {
  const first = items[items.length - 1];
  const yearAgo = addDays(today, -365);
  return {
    items,
    current: items.find((p) => p.current) ?? null,
    moves: Math.max(0, items.length - 1),
    movesLast12Months: items.filter((p) => p !== first && p.startDate > yearAgo && p.startDate <= today).length,
  };
}

function latestPeriod(periods: AttendancePeriod[]): AttendancePeriod | null {
  let latest: AttendancePeriod | null = null;
  for (const p of periods) {
    if (!latest || p.periodEnd > latest.periodEnd || (p.periodEnd === latest.periodEnd && p.periodStart > latest.periodStart)) latest = p;
  }
  return latest;
}

function combinedPercent(periods: AttendancePeriod[]): number | null {
  const possible = periods.reduce((n, p) => n + p.possibleSessions, 0);
  const present = periods.reduce((n, p) => n + p.presentSessions, 0);
  return attendancePercent(present, possible);
}

function voiceSummary(register: Register, id: number, today: string, eswSessionWeeks: number, alerts: RegisterAlert[]): ChildFile['voice'] {
  const rows = register.all(qb.selectFrom('voice_log').selectAll().where('child_id', '=', id).orderBy('held_on').orderBy('id'));
  let previousEsw: string | null = null;
  const entries = rows.map((v) => {
    if (v.kind !== 'esw_session') return toVoice(v, null);
    const gap = previousEsw === null ? null : daysBetween(previousEsw, v.held_on);
    previousEsw = v.held_on;
    return toVoice(v, gap);
  }).reverse();
  const lastEsw = rows.filter((v) => v.kind === 'esw_session' && v.held_on <= today).at(-1)?.held_on ?? null;
  return {
    entries,
    lastEswSessionOn: lastEsw,
    daysSinceLastEswSession: lastEsw === null ? null : daysBetween(lastEsw, today),
    eswSessionWeeks,
    eswOverdue: alerts.some((a) => a.kind === 'esw-session-overdue'),
  };
}
