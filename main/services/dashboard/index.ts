// The dashboard (issue 6): alerts by urgency, PEPs due this half term, returns outstanding, the PP+
// position, risks due for review and a calendar of the next deadlines, in one call. Built from one
// alert context (children, calendar and PEP facts loaded once and shared with the rules) and a
// fixed number of batch queries: no query per child.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  AlertLink, Dashboard, DeadlineItem, PepDue, RegisterAlert, RegisterAlertKind, ReturnsWindowSummary,
} from '../../api/contract/dashboard.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { formatDate } from '../../documents/format.ts';
import { buildAlertContext, evaluateRules } from '../alerts/index.ts';
import { pepDataAvailable } from '../alerts/pepSource.ts';
import { loadPepCalendarData, pepSchedule, type PepScheduleEntry, type TermRow } from '../alerts/pepSchedule.ts';
import { displayName } from '../alerts/types.ts';
import { addDays } from '../children/dates.ts';
import { getPpPlusPosition } from '../ppplus/position.ts';
import { getTeacherChecklist, overdueInChecklists } from '../progress/views.ts';
import { listRisks } from '../risks/risks.ts';

export const DEFAULT_CALENDAR_WEEKS = 6;

export interface HalfTerm { label: string; startDate: string; endDate: string }

/** The half terms of the configured terms: each term split at its half-term break (if it has one). */
export function halfTerms(terms: readonly TermRow[]): HalfTerm[] {
  const out: HalfTerm[] = [];
  for (const t of terms) {
    const name = `${t.name} ${t.academicYearLabel}`;
    if (t.halfTermStart && t.halfTermEnd) {
      out.push({ label: `${t.name} 1 ${t.academicYearLabel}`, startDate: t.startDate, endDate: addDays(t.halfTermStart, -1) });
      out.push({ label: `${t.name} 2 ${t.academicYearLabel}`, startDate: addDays(t.halfTermEnd, 1), endDate: t.endDate });
    } else {
      out.push({ label: name, startDate: t.startDate, endDate: t.endDate });
    }
  }
  return out;
}

/** The half term containing the date, else the next to start (in a holiday). */
export function halfTermOf(terms: readonly TermRow[], date: string): HalfTerm | null {
  return halfTerms(terms).find((h) => h.endDate >= date) ?? null;
}

const childLink = (id: number, tab: AlertLink['tab']): AlertLink => ({ area: 'children', id, tab });

export function getDashboard(register: Register, opts: { today: string; calendarWeeks?: number }): Dashboard {
  const { today } = opts;
  const to = addDays(today, 7 * (opts.calendarWeeks ?? DEFAULT_CALENDAR_WEEKS));
  const ctx = buildAlertContext(register, today);
  // The teachers' checklists serve both the returns section and the returns-overdue rule (the same
  // derivation as progress `overdueReturns`), so they are read once.
  const checklist = getTeacherChecklist(register, { asOf: today });
  ctx.once('overdueReturns', () => overdueInChecklists(checklist));
  const alerts = evaluateRules(ctx);
  const byKind: Partial<Record<RegisterAlertKind, number>> = {};
  for (const a of alerts) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  const group = (s: RegisterAlert['severity']) => alerts.filter((a) => a.severity === s);

  // ---- PEPs
  const data = ctx.once('pepCalendarData', () => loadPepCalendarData(register));
  const schedule = pepSchedule(ctx);
  const halfTerm = halfTermOf(data.terms, today);
  const pepUntil = halfTerm?.endDate ?? to;
  const pepDue = (e: PepScheduleEntry): PepDue => {
    const c = ctx.childById.get(e.childId)!;
    return {
      childId: e.childId, childName: displayName(c), yearGroup: yearGroup(c.date_of_birth, today, c.year_group_offset),
      laId: e.laId, laName: e.laId === null ? null : data.las.get(e.laId)?.name ?? null,
      kind: e.kind, dueOn: e.dueOn, overdue: e.dueOn < today, basis: e.basis, lastPepMeetingOn: e.facts.lastPepMeetingOn, estimated: e.estimated,
      link: childLink(e.childId, 'pep'),
    };
  };
  const entries = [...schedule.values()];
  const dueThisHalfTerm = entries.filter((e) => e.dueOn <= pepUntil).map(pepDue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName));

  // ---- returns outstanding (requested, not yet in), by window and teacher
  const windowRows = new Map(register.all(qb.selectFrom('assessment_windows').innerJoin('academic_years', 'academic_years.id', 'assessment_windows.academic_year_id')
    .select(['assessment_windows.id', 'assessment_windows.name', 'assessment_windows.close_date', 'academic_years.label'])).map((w) => [w.id, w]));
  const windows = new Map<number, ReturnsWindowSummary>();
  for (const t of checklist) {
    for (const i of t.items) {
      if (!ctx.childById.has(i.childId)) continue;
      const w = windowRows.get(i.windowId)!;
      const s = windows.get(i.windowId) ?? {
        windowId: i.windowId, windowName: w.name, academicYearLabel: w.label, closeDate: w.close_date, outstanding: 0, overdue: 0,
        earliestDueOn: null, byTeacher: [], link: { area: 'progress', id: i.windowId, tab: 'returns' },
      };
      s.outstanding++;
      if (i.slaStage > 0) s.overdue++;
      if (s.earliestDueOn === null || i.dueOn < s.earliestDueOn) s.earliestDueOn = i.dueOn;
      let bt = s.byTeacher.find((x) => x.teacherId === t.teacherId);
      if (!bt) {
        bt = { teacherId: t.teacherId, teacherName: t.teacherName, outstanding: 0, overdue: 0, highestStage: 0 };
        s.byTeacher.push(bt);
      }
      bt.outstanding++;
      if (i.slaStage > 0) bt.overdue++;
      if (i.slaStage > bt.highestStage) bt.highestStage = i.slaStage;
      windows.set(i.windowId, s);
    }
  }
  const returnWindows = [...windows.values()].sort((a, b) => b.closeDate.localeCompare(a.closeDate));
  for (const w of returnWindows) w.byTeacher.sort((a, b) => b.overdue - a.overdue || b.outstanding - a.outstanding || a.teacherName.localeCompare(b.teacherName));

  // ---- PP+ and risks
  const pp = getPpPlusPosition(register, { asOf: today }, today);
  const risks = listRisks(register, { status: 'active', asOf: today }, today);

  // ---- the calendar of deadlines, today to `to`
  const items: DeadlineItem[] = [];
  const item = (d: Omit<DeadlineItem, 'childId' | 'riskId' | 'laId' | 'windowId' | 'count'> & Partial<DeadlineItem>) => items.push({
    childId: null, riskId: null, laId: null, windowId: null, count: 1, ...d,
  });
  const inRange = (d: string | null): d is string => d !== null && d >= today && d <= to;
  for (const e of entries) {
    if (!inRange(e.dueOn)) continue;
    const c = ctx.childById.get(e.childId)!;
    item({ date: e.dueOn, kind: 'pep', title: `${e.kind === 'termly' ? 'Termly PEP' : e.kind === 'initial' ? 'Initial PEP' : 'New-school PEP'}: ${displayName(c)}`,
      detail: e.basis, childId: e.childId, laId: e.laId, link: childLink(e.childId, 'pep') });
  }
  const dueReturns = register.all(qb.selectFrom('progress_returns').select(['window_id', 'due_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('requested_on', 'is not', null).where('returned_on', 'is', null).where('due_on', '>=', today).where('due_on', '<=', to)
    .groupBy(['window_id', 'due_on']));
  for (const r of dueReturns) {
    const w = windowRows.get(r.window_id);
    item({ date: r.due_on!, kind: 'returns', title: `${r.n} progress return${r.n === 1 ? '' : 's'} due: ${w?.name ?? 'window'}`,
      detail: `Returns for ${w ? `${w.name} ${w.label}` : 'the window'} are due by ${formatDate(r.due_on)}.`, windowId: r.window_id, count: r.n,
      link: { area: 'progress', id: r.window_id, tab: 'returns' } });
  }
  for (const c of ctx.children) {
    if (c.sen_provision === 'E' && inRange(c.ehcp_review_date)) {
      item({ date: c.ehcp_review_date, kind: 'ehcp_review', title: `EHCP annual review: ${displayName(c)}`, detail: `Due ${formatDate(c.ehcp_review_date)}.`,
        childId: c.id, link: childLink(c.id, 'education') });
    }
  }
  for (const r of risks.rows) {
    if (inRange(r.nextReviewDate)) {
      item({ date: r.nextReviewDate, kind: 'risk_review', title: `Risk review: ${r.title}`, detail: `Score ${r.score} (${r.band.replace('_', ' ')})${r.owner ? `, owner ${r.owner}` : ''}.`,
        riskId: r.id, link: { area: 'risks', id: r.id, tab: 'review' } });
    }
  }
  const claByLa = new Map<number, number>();
  for (const c of ctx.children) if (c.status === 'CLA' && c.responsible_la_id !== null) claByLa.set(c.responsible_la_id, (claByLa.get(c.responsible_la_id) ?? 0) + 1);
  const cutoffs = register.all(qb.selectFrom('la_pep_deadlines').innerJoin('academic_years', 'academic_years.id', 'la_pep_deadlines.academic_year_id')
    .select(['la_pep_deadlines.la_id', 'la_pep_deadlines.term', 'la_pep_deadlines.cutoff_date', 'academic_years.label'])
    .where('cutoff_date', '>=', today).where('cutoff_date', '<=', to));
  for (const d of cutoffs) {
    const n = claByLa.get(d.la_id) ?? 0;
    if (n === 0) continue;
    item({ date: d.cutoff_date, kind: 'la_cutoff', title: `PEP cut-off: ${data.las.get(d.la_id)?.name ?? 'Virtual School'}`,
      detail: `${d.term} ${d.label} PEPs for ${n} looked-after child${n === 1 ? '' : 'ren'} must be submitted by ${formatDate(d.cutoff_date)}.`,
      laId: d.la_id, count: n, link: null });
  }
  const reports = register.all(qb.selectFrom('provider_reports').innerJoin('providers', 'providers.id', 'provider_reports.provider_id')
    .select(['provider_reports.provider_id', 'providers.name', 'provider_reports.due_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_on', 'is', null).where('due_on', '>=', today).where('due_on', '<=', to).groupBy(['provider_reports.provider_id', 'provider_reports.due_on']));
  for (const r of reports) {
    item({ date: r.due_on, kind: 'provider_report', title: `${r.n} session report${r.n === 1 ? '' : 's'} due: ${r.name}`,
      detail: `From ${r.name} by ${formatDate(r.due_on)}.`, count: r.n, link: { area: 'interventions', id: null, tab: null } });
  }
  const KIND_ORDER = { la_cutoff: 0, pep: 1, ehcp_review: 2, returns: 3, provider_report: 4, risk_review: 5 } as const;
  items.sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title));

  return {
    asOf: today,
    alerts: { urgent: group('urgent'), warning: group('warning'), info: group('info'), total: alerts.length, byKind },
    peps: {
      halfTerm,
      dueThisHalfTerm,
      overdue: entries.filter((e) => e.dueOn < today).length,
      pepDataAvailable: pepDataAvailable(register),
    },
    returns: {
      outstanding: returnWindows.reduce((n, w) => n + w.outstanding, 0),
      overdue: returnWindows.reduce((n, w) => n + w.overdue, 0),
      windows: returnWindows,
    },
    ppPlus: { financialYear: pp.financialYear, totals: pp.totals, byLa: pp.byLa, warnings: pp.warnings },
    risks: {
      dueForReview: risks.rows.filter((r) => r.reviewState !== 'ok'),
      open: risks.counts.open + risks.counts.monitoring,
      byBand: risks.counts.byBand,
    },
    calendar: { from: today, to, items },
  };
}
