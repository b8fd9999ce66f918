// Subject access export (UK GDPR article 15): everything the register holds about one child, as a
// PDF a person can read. Pure data -> docDefinition; every section of the child's file, any other
// records linked to the child, and every audit entry about them (who did what and when).

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  type ActivityEntry, type ChildFile, CHILD_STATUSES, EXCLUSION_TYPES, GENDERS, LEGAL_STATUS_CODES, PLAC_ARRANGEMENTS,
  PLACEMENT_TYPE_CODES, SEN_PRIMARY_NEED_CODES, SEN_PROVISION_CODES, type VOICE_KINDS,
} from '../api/contract.ts';
import { formatDate, formatPercent } from './format.ts';
import { framedDocument, table } from './frame.ts';

export interface SubjectAccessAuditEntry extends ActivityEntry {
  recordId: string | null;
}

export interface SubjectAccessData {
  schoolName: string;
  generatedAt: Date;
  file: ChildFile;
  /** Every audit entry about the child, oldest first. */
  auditEntries: SubjectAccessAuditEntry[];
  /** Rows of tables linked to the child that the sections above do not cover (e.g. added by later versions). */
  otherRecords: { table: string; rows: Record<string, unknown>[] }[];
}

const orDash = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : String(v));
const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');
const coded = (codes: Record<string, string>, code: string | null): string => (code ? `${code}: ${codes[code] ?? 'unknown code'}` : '—');

function fields(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, style: 'muted' }, v]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

const h2 = (text: string): Content => ({ text, style: 'h2' });
/** Wide tables in a smaller type, so dates never wrap. */
const compact = (content: Content): Content => ({ stack: [content], fontSize: 8 });
const VOICE_SHORT: Record<keyof typeof VOICE_KINDS, string> = { esw_session: 'ESW session', conversation: 'Conversation', other: 'Other' };
const none = (what: string): Content => ({ text: `No ${what} recorded.`, style: 'muted', margin: [0, 0, 0, 8] });

export function subjectAccessDocument(d: SubjectAccessData): TDocumentDefinitions {
  const { child: c } = d.file;
  const f = d.file;
  const la = f.localAuthority;
  const content: Content[] = [
    { text: 'Subject access export', style: 'title' },
    {
      text: `Everything the Designated Teacher's register holds about ${c.legalFirstName} ${c.legalLastName}, as at ${formatDate(f.asOf)}.`,
      style: 'subtitle',
    },

    h2('Personal details'),
    fields([
      ['Legal name', `${c.legalFirstName} ${c.legalLastName}`],
      ['Preferred name', orDash(c.preferredName)],
      ['Date of birth', formatDate(c.dateOfBirth)],
      ['Gender', GENDERS[c.gender]],
      ['Ethnicity', orDash(c.ethnicity)],
      ['UPN', orDash(c.upn)],
      ['Year group', `${c.yearGroupLabel}${c.yearGroupOffset ? ` (taught ${c.yearGroupOffset > 0 ? '+' : ''}${c.yearGroupOffset} year from their age group)` : ''}`],
      ['Date joined the school', formatDate(c.dateJoinedSchool)],
      ['Leaving date', c.leavingDate ? formatDate(c.leavingDate) : '—'],
      ['Leaving destination', orDash(c.leavingDestination)],
      ['Retention review date', c.retentionReviewDate ? formatDate(c.retentionReviewDate) : '—'],
      ['Record created', formatDate(c.createdAt)],
      ['Record last updated', formatDate(c.updatedAt)],
    ]),

    h2('Care and contacts'),
    fields([
      ['Status', CHILD_STATUSES[c.status]],
      ['Previously looked-after arrangement', coded(PLAC_ARRANGEMENTS, c.placArrangement)],
      ['Legal status', coded(LEGAL_STATUS_CODES, c.legalStatus)],
      ['Date into care', c.dateIntoCare ? formatDate(c.dateIntoCare) : '—'],
      ['Responsible local authority', la ? la.name : '—'],
      ['Virtual School Head', orDash(la?.vshName)],
      ['Social worker', [c.socialWorkerName, c.socialWorkerEmail, c.socialWorkerPhone].filter(Boolean).join(' · ') || '—'],
      ['Independent Reviewing Officer', [c.iroName, c.iroEmail, c.iroPhone].filter(Boolean).join(' · ') || '—'],
      ['Key adult', orDash(c.keyAdult)],
      ['Education Support Worker', orDash(c.eswName)],
      ['Consent to share information', yesNo(c.consentInformationSharing)],
      ['Consent notes', orDash(c.consentNotes)],
      ['Pupil Premium Plus eligible', yesNo(c.ppPlusEligible)],
    ]),

    h2('Placements'),
    f.placements.items.length
      ? compact(table(['Type', 'Carer and contact', 'From', 'To', 'Notes'], f.placements.items.map((p) => [
        coded(PLACEMENT_TYPE_CODES, p.placementType),
        [p.carerName, p.carerEmail, p.carerPhone].filter(Boolean).join('\n') || '—',
        formatDate(p.startDate), p.endDate ? formatDate(p.endDate) : 'current', orDash(p.notes),
      ]), [140, '*', 48, 48, '*']))
      : none('placements'),

    h2('Education'),
    fields([
      ['SEN provision', coded(SEN_PROVISION_CODES, c.senProvision)],
      ['SEN primary need', coded(SEN_PRIMARY_NEED_CODES, c.senPrimaryNeed)],
      ['EHCP review date', c.ehcpReviewDate ? formatDate(c.ehcpReviewDate) : '—'],
      ['Transition notes', orDash(c.transitionNotes)],
      ['Careers plan', orDash(c.careersPlan)],
    ]),
    { text: 'Schools attended', style: 'h3' },
    f.educationHistory.length
      ? table(['School', 'URN', 'From', 'To', 'Reason for leaving'], f.educationHistory.map((e) => [
        e.schoolName, orDash(e.schoolUrn), e.startDate ? formatDate(e.startDate) : '—', e.endDate ? formatDate(e.endDate) : '—', orDash(e.reasonForLeaving),
      ]), ['*', 'auto', 'auto', 'auto', '*'])
      : none('previous schools'),
    { text: 'Prior attainment', style: 'h3' },
    f.priorAttainment.length
      ? table(['Measure', 'Subject', 'Result', 'Assessed', 'Notes'], f.priorAttainment.map((a) => [
        a.measure, orDash(a.subject), a.result, a.assessedOn ? formatDate(a.assessedOn) : '—', orDash(a.notes),
      ]), ['auto', '*', 'auto', 'auto', '*'])
      : none('prior attainment'),

    h2('Attendance'),
    f.attendance.periods.length
      ? table(['From', 'To', 'Possible', 'Present', 'Authorised absence', 'Unauthorised absence', 'Attendance'], f.attendance.periods.map((p) => [
        formatDate(p.periodStart), formatDate(p.periodEnd), p.possibleSessions, p.presentSessions, p.authorisedAbsence, p.unauthorisedAbsence, formatPercent(p.percent),
      ]), ['auto', 'auto', '*', '*', '*', '*', '*'])
      : none('attendance'),

    h2('Suspensions and exclusions'),
    f.exclusions.items.length
      ? compact(table(['Type', 'From', 'To', 'Days', 'Reason', 'VS told', 'Social worker told', 'Paperwork sent', 'Reintegration'], f.exclusions.items.map((e) => [
        EXCLUSION_TYPES[e.kind].split(' (')[0]!, formatDate(e.startDate), e.endDate ? formatDate(e.endDate) : '—', e.schoolDays, orDash(e.reason),
        e.vsInformedOn ? formatDate(e.vsInformedOn) : '—', e.socialWorkerInformedOn ? formatDate(e.socialWorkerInformedOn) : '—',
        e.paperworkSentOn ? formatDate(e.paperworkSentOn) : '—', e.reintegrationMeetingOn ? formatDate(e.reintegrationMeetingOn) : '—',
      ]), [45, 44, 44, 22, '*', 44, 44, 44, 50]))
      : none('suspensions or exclusions'),

    h2('Voice of the child'),
    f.voice.entries.length
      ? compact(table(['Date', 'Kind', 'Staff', 'Wishes and feelings', 'Concerns', 'Actions'], f.voice.entries.map((v) => [
        formatDate(v.heldOn), VOICE_SHORT[v.kind], orDash(v.staffName), orDash(v.wishesFeelings), orDash(v.concerns), orDash(v.actions),
      ]), [48, 45, 60, '*', '*', '*']))
      : none('voice log entries'),
  ];

  if (f.alerts.length) {
    content.push(h2('Open alerts'), table(['Alert', 'Detail', 'Since'], f.alerts.map((a) => [a.title, a.reason, formatDate(a.since)]), [120, '*', 'auto']));
  }

  for (const other of d.otherRecords) {
    content.push(h2(`Other records: ${other.table.replace(/_/g, ' ')}`));
    for (const row of other.rows) {
      content.push(fields(Object.entries(row).map(([k, v]) => [k.replace(/_/g, ' '), orDash(v === null || v === undefined ? null : String(v))])));
    }
  }

  content.push(
    h2('Audit entries about this record'),
    { text: 'Who added, changed, exported or deleted information about the child, and when (times in UTC). The audit log never holds the content itself.', style: 'note', margin: [0, 0, 0, 6] },
    d.auditEntries.length
      ? table(['When', 'What', 'Record', 'By'], d.auditEntries.map((a) => [
        `${formatDate(a.at)} ${a.at.slice(11, 16)}`, a.description, `${orDash(a.recordType)} ${a.recordId ?? ''}`.trim(), orDash(a.userName),
      ]), ['auto', '*', 110, 110])
      : none('audit entries'),
  );

  return framedDocument({ schoolName: d.schoolName, title: 'Subject access export', generatedAt: d.generatedAt }, content);
}
