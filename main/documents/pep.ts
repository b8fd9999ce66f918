// The Personal Education Plan (DESIGN.md "Documents"): A4, the school and the child's Virtual School
// in the header, OFFICIAL-SENSITIVE, page X of Y, sections in the Virtual School's order with its
// headings, tables that break cleanly across pages, and a signature block. Pure: data -> definition.
//
// Each section is first built as a small model of blocks (fields, paragraphs, tables), which
// becomes pdfmake content for the PDF, or plain text for pasting into a Virtual School's online
// ePEP form ("copy section"), so both always say the same.
//
// A previously looked-after child (adopted, special guardianship or child arrangements order) has
// no statutory PEP: for them the document is the optional "Personal Education Plan (previously
// looked-after child)", with parents' or guardians' wording and no social worker sign-off.

import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  DEFAULT_PEP_SECTIONS, PEP_KINDS, PEP_STATUS_LABELS, type PepContent, type PepSectionKey, TARGET_OUTCOMES,
} from '../api/contract/peps.ts';
import { formatDate, formatPercent, formatPounds } from './format.ts';
import { framedDocument } from './frame.ts';

export const PEP_TITLE = 'Personal Education Plan';
export const PLAC_PEP_TITLE = 'Personal Education Plan (previously looked-after child)';
/** What a previously looked-after child's plan is, in place of "Initial PEP" / "Termly review". */
export const PLAC_KIND = 'Optional plan (no statutory PEP)';
export const NO_RETURNS_YET = 'No progress returns recorded yet for this period.';
export const PLAC_NOTE = 'This is an optional plan. A child who was previously looked after (adopted from care, or under a special '
  + 'guardianship or child arrangements order) does not have a statutory Personal Education Plan. The school offers this plan, with the '
  + "agreement of the child's parents or guardians, to support the child's education; the Virtual School may give advice and information about it.";
export const CLA_NOTE = "The Personal Education Plan is part of the child's care plan. It is reviewed each term at a meeting with the child, "
  + 'their carer and social worker, and sent to the Virtual School of the local authority that looks after them.';

// ---- the model --------------------------------------------------------------------------------

export type Cell = string | { text: string; bold?: boolean; color?: string };

export type Block =
  /** Label-value pairs; `columns: 2` sets them side by side (for the long details list). */
  | { kind: 'fields'; rows: [string, string][]; columns?: 1 | 2 }
  | { kind: 'para'; text: string; muted?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'note'; text: string }
  /** `text`: 'lines' puts each row on one line of "Header: value; …"; 'blocks' puts each cell on its own line. */
  | { kind: 'table'; headers: string[]; rows: Cell[][]; widths?: (string | number)[]; small?: boolean; text?: 'lines' | 'blocks' };

export interface PepDocumentData {
  content: PepContent;
  /** Sections in the Virtual School's order, with its headings (hidden ones left out). */
  sections: { key: PepSectionKey; heading: string }[];
  generatedAt: Date;
  /** Optional password to open the PDF. */
  userPassword?: string;
  /** A draft built from the register for the CLI, not saved in it. */
  unsaved?: boolean;
}

const dash = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : String(v));
const date = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '—');
/** A person and how to reach them, one per line. */
const contact = (...parts: (string | null | undefined)[]): string => parts.filter((p) => p && p.trim()).join('\n') || '—';
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const isPlac = (c: PepContent): boolean => c.snapshot.child.status === 'PLAC';
const OUTCOME_COLOUR = { met: '#1b5e20', partly: '#8a5a00', not_met: '#b00020' } as const;
const TREND = { up: 'Up', same: 'Steady', down: 'Down' } as const;
const FLAG = { above: 'Above target', on_track: 'On track', below: 'Below target' } as const;
const FUNDING = { pp_plus: 'PP+', school: 'School', virtual_school: 'Virtual School' } as const;

function textOr(text: string | null, missing: string): Block {
  return text && text.trim() ? { kind: 'para', text: text.trim() } : { kind: 'para', text: missing, muted: true };
}

/** The heading a section shows: the LA's, except that the default views heading reads right for PLAC. */
export function sectionHeading(c: PepContent, key: PepSectionKey, heading: string): string {
  const def = DEFAULT_PEP_SECTIONS.find((s) => s.key === key)?.heading;
  if (isPlac(c) && key === 'views' && heading === def) return "Parents' or guardians' views";
  return heading;
}

export function sectionBlocks(c: PepContent, key: PepSectionKey): Block[] {
  const s = c.snapshot;
  const ch = s.child;
  const plac = isPlac(c);
  switch (key) {
    case 'details': {
      const rows: [string, string][] = [
        ['Legal name', `${ch.legalFirstName} ${ch.legalLastName}`],
        ['Preferred name', dash(ch.preferredName)],
        ['Date of birth', date(ch.dateOfBirth)],
        ['Gender', ch.gender],
        ['Ethnicity', dash(ch.ethnicity)],
        ['UPN', dash(ch.upn)],
        ['Year group', ch.yearGroupLabel],
        ['Status', plac && ch.placArrangement ? `${ch.statusLabel}: ${ch.placArrangement}` : ch.statusLabel],
      ];
      if (!plac) {
        rows.push(['Legal status', dash(ch.legalStatus)], ['Date into care', date(ch.dateIntoCare)]);
      }
      rows.push([plac ? 'Local authority' : 'Responsible local authority', dash(s.localAuthority?.name)]);
      if (!plac) rows.push(['Virtual School Head', dash(s.localAuthority?.vshName)]);
      rows.push(['Date joined this school', date(ch.dateJoinedSchool)]);
      if (!plac) {
        rows.push(
          ['Placement', s.placement ? `${s.placement.type}, since ${date(s.placement.startDate)}` : '—'],
          ['Carer', dash(s.placement?.carerName)],
          ['Placement moves (last 12 months)', String(s.placementMovesLast12Months)],
        );
      }
      if (!plac || ch.socialWorker.name) rows.push(['Social worker', contact(ch.socialWorker.name, ch.socialWorker.email, ch.socialWorker.phone)]);
      if (!plac) rows.push(['Independent Reviewing Officer', contact(ch.iro.name, ch.iro.email, ch.iro.phone)]);
      rows.push(
        ['Designated Teacher', dash(s.school.dtName)],
        ['Key adult in school', dash(ch.keyAdult)],
        ['Education Support Worker', dash(ch.eswName)],
        ['Pupil Premium Plus', ch.ppPlusEligible ? 'Eligible' : 'Not eligible'],
        ['Consent to share information', ch.consentInformationSharing ? 'Given' : 'Not recorded'],
      );
      return [{ kind: 'fields', rows, columns: 2 }];
    }
    case 'meeting': {
      const blocks: Block[] = [{
        kind: 'fields', rows: [
          ['Type of PEP', plac ? PLAC_KIND : PEP_KINDS[c.kind]],
          ['Term', c.termLabel],
          ['Meeting date', c.meetingDate ? formatDate(c.meetingDate) : 'Not yet held'],
          ['Period covered', `${formatDate(c.period.start)} to ${formatDate(c.period.end)}`],
        ],
      }];
      blocks.push(c.attendees.length
        ? { kind: 'table', headers: ['Name', 'Role', 'Attended'], rows: c.attendees.map((a) => [a.name, dash(a.role), a.present ? 'Yes' : 'Apologies']), widths: ['*', '*', 70], text: 'lines' }
        : { kind: 'para', text: 'No attendees recorded yet.', muted: true });
      return blocks;
    }
    case 'voice':
      if (c.text.childVoice && c.text.childVoice.trim()) return [{ kind: 'para', text: c.text.childVoice.trim() }];
      if (c.text.childVoiceReason && c.text.childVoiceReason.trim()) {
        return [{ kind: 'para', text: `The child's voice was not recorded for this PEP. Reason: ${c.text.childVoiceReason.trim()}` }];
      }
      return [{ kind: 'para', text: 'Not yet recorded.', muted: true }];
    case 'views': {
      const blocks: Block[] = [
        { kind: 'subheading', text: plac ? "Parent's or guardian's views" : "Carer's views" },
        textOr(c.text.carerViews, 'Not yet recorded.'),
      ];
      if (!plac || c.text.socialWorkerViews) {
        blocks.push({ kind: 'subheading', text: "Social worker's views" }, textOr(c.text.socialWorkerViews, 'Not yet recorded.'));
      }
      return blocks;
    }
    case 'education_history': {
      const blocks: Block[] = [{ kind: 'subheading', text: 'Schools attended' }];
      blocks.push(s.educationHistory.length
        ? { kind: 'table', headers: ['School', 'From', 'To', 'Reason for leaving'], rows: s.educationHistory.map((e) => [e.schoolName, date(e.startDate), date(e.endDate), dash(e.reasonForLeaving)]), widths: ['*', 62, 62, '*'], text: 'lines' }
        : { kind: 'para', text: 'No previous schools recorded.', muted: true });
      blocks.push({ kind: 'subheading', text: 'Prior attainment' });
      blocks.push(s.priorAttainment.length
        ? { kind: 'table', headers: ['Measure', 'Subject', 'Result', 'Assessed'], rows: s.priorAttainment.map((a) => [a.measure, dash(a.subject), a.result, date(a.assessedOn)]), widths: [90, '*', 70, 70], text: 'lines' }
        : { kind: 'para', text: 'No prior attainment recorded.', muted: true });
      return blocks;
    }
    case 'attendance': {
      const a = s.attendance;
      const t = a.term;
      const rows: [string, string][] = [
        ['Attendance this term', t ? `${formatPercent(t.percent)} (${t.present} of ${t.possible} sessions)` : 'No attendance recorded for this term yet'],
      ];
      if (t) rows.push(['Authorised absence', plural(t.authorised, 'session')], ['Unauthorised absence', plural(t.unauthorised, 'session')]);
      rows.push(
        ['Attendance this academic year', formatPercent(a.yearToDatePercent)],
        ['Suspensions this term', s.exclusions.items.length ? `${s.exclusions.items.length} (${plural(s.exclusions.termDays, 'school day')})` : 'None'],
        ['Suspension days this academic year', String(s.exclusions.suspensionDaysThisYear)],
      );
      const blocks: Block[] = [{ kind: 'fields', rows }];
      if (t?.percent != null && t.percent < a.thresholds.pepReviewPercent) {
        blocks.push({ kind: 'note', text: `Attendance is below ${a.thresholds.pepReviewPercent}%: the PEP should set out how it will be improved.` });
      } else if (t?.percent != null && t.percent <= a.thresholds.actionPlanPercent) {
        blocks.push({ kind: 'note', text: `Attendance is at or below ${a.thresholds.actionPlanPercent}%: an attendance action plan is expected.` });
      }
      if (a.periods.length) {
        blocks.push({
          kind: 'table', headers: ['From', 'To', 'Possible', 'Present', 'Authorised', 'Unauthorised', 'Attendance'],
          rows: a.periods.map((p) => [formatDate(p.start), formatDate(p.end), String(p.possible), String(p.present), String(p.authorised), String(p.unauthorised), formatPercent(p.percent)]),
          widths: [62, 62, '*', '*', '*', '*', '*'], text: 'lines',
        });
      }
      if (s.exclusions.items.length) {
        blocks.push({ kind: 'subheading', text: 'Suspensions and exclusions this term' }, {
          kind: 'table', headers: ['Type', 'From', 'To', 'School days', 'Reason'],
          rows: s.exclusions.items.map((e) => [e.kind === 'SUSP' ? 'Suspension' : 'Permanent exclusion', formatDate(e.startDate), date(e.endDate), String(e.schoolDays), dash(e.reason)]),
          widths: [80, 58, 58, 50, '*'], text: 'lines',
        });
      }
      if (c.text.attendanceNotes?.trim()) blocks.push({ kind: 'subheading', text: 'Comment' }, { kind: 'para', text: c.text.attendanceNotes.trim() });
      return blocks;
    }
    case 'progress': {
      const p = s.progress;
      const blocks: Block[] = [];
      if (!p.hasReturnsThisPeriod) blocks.push({ kind: 'para', text: NO_RETURNS_YET });
      if (p.windows.length && p.subjects.length) {
        if (!p.hasReturnsThisPeriod) blocks.push({ kind: 'subheading', text: 'Earlier returns' });
        const windowHead = p.windows.map((w) => `${w.name} ${w.academicYearLabel}`);
        blocks.push({
          kind: 'table',
          headers: ['Subject', ...windowHead, 'Target', 'Trend', 'Latest'],
          rows: p.subjects.map((sub) => [
            { text: sub.name, bold: sub.isCore },
            ...sub.entries.map((e) => (e === null ? '—' : e.current ? (e.predicted && e.predicted !== e.current ? `${e.current} (pred. ${e.predicted})` : e.current) : 'Not returned')),
            dash(sub.latestTarget),
            sub.trend ? TREND[sub.trend] : '—',
            sub.latestFlag ? { text: FLAG[sub.latestFlag], color: sub.latestFlag === 'below' ? '#b00020' : undefined } as Cell : '—',
          ]),
          widths: ['*', ...p.windows.map(() => 62), 40, 42, 64],
          small: true,
          text: 'lines',
        });
        blocks.push({ kind: 'note', text: "Current working grades from teachers' progress returns at each assessment point (predicted grade in brackets where different). Trend compares the last two grades on the same scale." });
      }
      if (c.text.progressNotes?.trim()) blocks.push({ kind: 'subheading', text: 'Comment' }, { kind: 'para', text: c.text.progressNotes.trim() });
      return blocks;
    }
    case 'sen': {
      const rows: [string, string][] = [['SEN provision', s.sen.provisionLabel]];
      if (s.sen.provision !== 'N') rows.push(['Primary need', dash(s.sen.primaryNeedLabel)]);
      if (s.sen.provision === 'E') rows.push(['EHC plan annual review', date(s.sen.ehcpReviewDate)]);
      const blocks: Block[] = [{ kind: 'fields', rows }];
      if (s.sen.provision !== 'N' || c.text.senNotes) {
        blocks.push({ kind: 'subheading', text: s.sen.provision === 'E' ? 'How this PEP links to the EHC plan' : 'How this PEP links to SEN support' },
          textOr(c.text.senNotes, 'Not yet recorded.'));
      }
      return blocks;
    }
    case 'strengths':
      return [
        { kind: 'subheading', text: 'Strengths and interests' }, textOr(c.text.strengths, 'Not yet recorded.'),
        { kind: 'subheading', text: 'Barriers to learning' }, textOr(c.text.barriers, 'Not yet recorded.'),
      ];
    case 'transition':
      return [textOr(c.text.transitionCareers, ch.yearGroup >= 9 ? 'Not yet recorded: careers guidance and post-16 plans are part of the PEP from Year 9.' : 'Nothing recorded for this term.')];
    case 'previous_targets': {
      if (!c.previousTargets.length) {
        return [{ kind: 'para', text: c.kind === 'initial' && !plac ? 'This is an initial PEP: there are no previous targets to review.' : 'No targets were set at the previous PEP recorded in this register.', muted: true }];
      }
      const count = (o: keyof typeof TARGET_OUTCOMES) => c.previousTargets.filter((r) => r.outcome === o).length;
      const pending = c.previousTargets.filter((r) => !r.outcome).length;
      const summary = `${plural(c.previousTargets.length, 'target')} from the ${c.previousTargets[0]!.sourceLabel} PEP: ${count('met')} met, ${count('partly')} partly met, ${count('not_met')} not met${pending ? `, ${pending} not yet reviewed` : ''}.`;
      return [
        { kind: 'para', text: summary },
        {
          kind: 'table', headers: ['Area', 'Target and success criteria', 'By when', 'Outcome', 'Review note'],
          rows: c.previousTargets.map((r) => [
            dash(r.area),
            r.successCriteria ? `${r.target}\nSuccess criteria: ${r.successCriteria}` : r.target,
            date(r.byWhen),
            r.outcome ? { text: `${TARGET_OUTCOMES[r.outcome]}${r.carryForward ? ' (carried forward)' : ''}`, bold: true, color: OUTCOME_COLOUR[r.outcome] } : 'Not yet reviewed',
            dash(r.note),
          ]),
          widths: [62, '*', 56, 62, 120], small: true, text: 'blocks',
        },
      ];
    }
    case 'targets': {
      if (!c.targets.length) return [{ kind: 'para', text: 'No targets set yet.', muted: true }];
      const total = c.targets.reduce((n, t) => n + t.ppPlusPence, 0);
      return [
        {
          kind: 'table', headers: ['#', 'Area', 'Target and success criteria', 'By when', 'Who', 'PP+'],
          rows: c.targets.map((t, i) => [
            String(i + 1),
            dash(t.area),
            [t.target, t.successCriteria ? `Success criteria: ${t.successCriteria}` : null,
              t.interventions.length ? `Provision: ${t.interventions.map((x) => x.label).join('; ')}` : null,
              t.carriedFromReviewId !== null ? '(Carried forward from the previous PEP.)' : null].filter(Boolean).join('\n'),
            date(t.byWhen),
            dash(t.who),
            t.ppPlusPence ? formatPounds(t.ppPlusPence) : '—',
          ]),
          widths: [14, 62, '*', 56, 80, 52], small: true, text: 'blocks',
        },
        { kind: 'para', text: `Pupil Premium Plus requested for these targets: ${formatPounds(total)}.` },
      ];
    }
    case 'interventions': {
      const iv = s.interventions;
      const blocks: Block[] = [];
      blocks.push(iv.items.length
        ? {
          kind: 'table', headers: ['Intervention', 'Delivered by', 'Dates', 'Sessions', 'Cost', 'Funded by', 'Impact'],
          rows: iv.items.map((i) => [i.label, dash(i.deliveredBy), `${formatDate(i.startDate)} to ${i.endDate ? formatDate(i.endDate) : 'ongoing'}`,
            `${i.sessionsAttended} of ${i.sessionsPlanned}`, formatPounds(i.costPence), FUNDING[i.fundingSource], i.impactRating]),
          widths: ['*', 70, 74, 44, 50, 48, 56], small: true, text: 'lines',
        }
        : { kind: 'para', text: 'No interventions recorded for this term.', muted: true });
      const rows: [string, string][] = [
        ['PP+ spent on interventions this term', formatPounds(iv.ppPlusPence)],
        ['School-funded interventions', formatPounds(iv.schoolPence)],
        ['Virtual School-funded interventions', formatPounds(iv.virtualSchoolPence)],
      ];
      if (iv.ppPlusAllocationPence !== null) {
        rows.push([`PP+ allocation ${iv.financialYear} (financial year)`, `${formatPounds(iv.ppPlusAllocationPence)}${iv.ppPlusAllocationSource === 'la_rule' ? " (the local authority's yearly rate)" : ''}`]);
      }
      rows.push(['PP+ requested in this PEP', formatPounds(c.targets.reduce((n, t) => n + t.ppPlusPence, 0))]);
      blocks.push({ kind: 'fields', rows });
      return blocks;
    }
    case 'actions':
      return c.actions.length
        ? [{ kind: 'table', headers: ['Action', 'Owner', 'By', 'Done'], rows: c.actions.map((a) => [a.action, dash(a.owner), date(a.dueOn), a.doneOn ? formatDate(a.doneOn) : '—']), widths: ['*', 110, 60, 60], text: 'lines' }]
        : [{ kind: 'para', text: 'No actions recorded yet.', muted: true }];
  }
}

// ---- plain text (copy section) ----------------------------------------------------------------

const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);

/** Plain text of a section's blocks, for pasting into an online form: no markup, dates dd/mm/yyyy. */
export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'fields': out.push(b.rows.map(([k, v]) => `${k}: ${v}`).join('\n')); break;
      case 'para': out.push(b.text); break;
      case 'note': out.push(b.text); break;
      case 'subheading': out.push(`${b.text}:`); break;
      case 'table':
        if (b.text === 'blocks') {
          out.push(b.rows.map((r) => r.map((c, i) => `${b.headers[i]}: ${cellText(c).replace(/\n/g, '\n  ')}`).join('\n')).join('\n\n'));
        } else {
          out.push(b.rows.map((r) => r.map((c, i) => `${b.headers[i]}: ${cellText(c)}`).join('; ')).join('\n'));
        }
        break;
    }
  }
  // A subheading runs straight into its text; other blocks are separated by a blank line.
  return out.reduce((acc, part, i) => (i === 0 ? part : acc + (out[i - 1]!.endsWith(':') && !out[i - 1]!.includes('\n') ? '\n' : '\n\n') + part), '').trim();
}

export function sectionText(c: PepContent, key: PepSectionKey): string {
  return blocksToText(sectionBlocks(c, key));
}

// ---- the PDF ----------------------------------------------------------------------------------

function cellContent(c: Cell): Content {
  return typeof c === 'string' ? { text: c } : { text: c.text, bold: c.bold ?? false, ...(c.color ? { color: c.color } : {}) };
}

function blockContent(b: Block): Content {
  switch (b.kind) {
    case 'fields': {
      if (b.columns === 2) {
        const half = Math.ceil(b.rows.length / 2);
        // width '*' on each column: without it pdfmake sizes the table by its content and long
        // values (an email address, a placement description) run past the right margin.
        const column = (rows: [string, string][]): ContentTable & { width: '*' } => ({
          width: '*',
          table: { widths: [98, '*'], dontBreakRows: true, body: rows.map(([k, v]) => [{ text: k, style: 'muted' }, { text: v }]) },
          layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 4, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
        });
        return { columns: [column(b.rows.slice(0, half)), column(b.rows.slice(half))], columnGap: 16, fontSize: 9, margin: [0, 0, 0, 6] };
      }
      return {
        table: { widths: [170, '*'], dontBreakRows: true, body: b.rows.map(([k, v]) => [{ text: k, style: 'muted' }, { text: v }]) },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      };
    }
    case 'para': return { text: b.text, margin: [0, 0, 0, 6], ...(b.muted ? { style: 'muted', italics: true } : {}) };
    case 'subheading': return { text: b.text, style: 'h3' };
    case 'note': return { text: b.text, style: 'note', margin: [0, 0, 0, 6] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          // The header row never sits alone at the foot of a page.
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: b.widths ?? b.headers.map(() => '*'),
          body: [b.headers.map((h) => ({ text: h, style: 'th' })), ...b.rows.map((r) => r.map(cellContent))],
        },
        layout: 'lightHorizontalLines',
        fontSize: b.small ? 8.5 : 9,
        margin: [0, 2, 0, 8],
      };
  }
}

function statusLine(c: PepContent, unsaved: boolean): string {
  if (unsaved) return 'Draft built from the register on request: not saved in the register and not yet agreed at a PEP meeting.';
  switch (c.status) {
    case 'draft': return 'Draft: not yet submitted to the Virtual School.';
    case 'ready': return 'Ready to submit: not yet submitted to the Virtual School.';
    case 'submitted': return `Submitted to the Virtual School on ${date(c.submittedOn)}.`;
    case 'approved': return `Approved by the Virtual School on ${date(c.approvedOn)}${c.qualityRating ? `. Quality rating: ${c.qualityRating}` : ''}.`;
    case 'returned': return `Returned by the Virtual School on ${date(c.returnedOn)}: ${c.returnedReason ?? ''}`.trim();
    case 'superseded': return `${PEP_STATUS_LABELS.superseded}${c.supersededOn ? ` on ${formatDate(c.supersededOn)}` : ''}${c.qualityRating ? `. Quality rating: ${c.qualityRating}` : ''}.`;
  }
}

function signatureBlock(c: PepContent): Content {
  const s = c.snapshot;
  const plac = isPlac(c);
  const rows: [string, string][] = [['Designated Teacher', dash(s.school.dtName)]];
  rows.push(plac ? ['Parent or guardian', ''] : ['Carer', dash(s.placement?.carerName)]);
  if (!plac) rows.push(['Social worker', dash(s.child.socialWorker.name)]);
  rows.push(['Child or young person', `${s.child.preferredName || s.child.legalFirstName} ${s.child.legalLastName}`]);
  return {
    unbreakable: true,
    stack: [
      { text: 'Signatures', style: 'h2' },
      { text: 'Signed to confirm this plan was agreed at the PEP meeting.', style: 'muted', margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [120, 130, '*', 70],
          heights: (row: number) => (row === 0 ? 14 : 30),
          body: [
            ['Role', 'Name', 'Signature', 'Date'].map((h) => ({ text: h, style: 'th' })),
            ...rows.map(([role, name]) => [{ text: role }, { text: name }, { text: '' }, { text: '' }]),
          ],
        },
        layout: { hLineColor: () => '#999999', vLineColor: () => '#999999', hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
    ],
  };
}

export function pepDocument(d: PepDocumentData): TDocumentDefinitions {
  const c = d.content;
  const s = c.snapshot;
  const plac = isPlac(c);
  const title = plac ? PLAC_PEP_TITLE : PEP_TITLE;
  const ch = s.child;
  const name = `${ch.preferredName && ch.preferredName !== ch.legalFirstName ? `${ch.legalFirstName} (${ch.preferredName})` : ch.legalFirstName} ${ch.legalLastName}`;
  const draft = d.unsaved || c.status === 'draft' || c.status === 'ready' || c.status === 'returned';

  const content: Content[] = [
    draft
      ? { columns: [{ text: title, style: 'title', width: '*' }, { text: 'DRAFT', width: 'auto', bold: true, fontSize: 12, color: '#b00020', margin: [0, 5, 0, 0] }] }
      : { text: title, style: 'title' },
    { text: `${c.termLabel} · ${plac ? PLAC_KIND : PEP_KINDS[c.kind]}${s.localAuthority ? ` · ${s.localAuthority.name} Virtual School` : ''}`, style: 'subtitle', margin: [0, 0, 0, 6] },
    {
      table: {
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          [{ text: 'Name', style: 'muted' }, { text: 'Date of birth', style: 'muted' }, { text: 'Year group', style: 'muted' }, { text: 'UPN', style: 'muted' }],
          [{ text: name, bold: true }, formatDate(ch.dateOfBirth), ch.yearGroupLabel, dash(ch.upn)],
        ],
      },
      layout: { fillColor: () => '#f3f5f9', hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 3, paddingBottom: () => 3 },
      margin: [0, 0, 0, 6],
    },
    { text: [{ text: 'Status: ', bold: true }, statusLine(c, d.unsaved ?? false)], margin: [0, 0, 0, 4] },
    { text: plac ? PLAC_NOTE : CLA_NOTE, style: 'note', margin: [0, 0, 0, 4] },
  ];
  if (c.vsFeedback && !draft) content.push({ text: [{ text: "Virtual School's feedback: ", bold: true }, c.vsFeedback], margin: [0, 2, 0, 4] });

  d.sections.forEach((sec, i) => {
    content.push({ text: `${i + 1}. ${sectionHeading(c, sec.key, sec.heading)}`, style: 'h2', headlineLevel: 1 });
    for (const b of sectionBlocks(c, sec.key)) content.push(blockContent(b));
  });
  content.push(signatureBlock(c));

  const def = framedDocument({
    schoolName: s.school.name,
    headerDetail: s.localAuthority ? `Virtual School: ${s.localAuthority.name}` : undefined,
    title: `${title}: ${ch.initials}, ${c.termLabel}`,
    generatedAt: d.generatedAt,
    ...(d.userPassword ? { userPassword: d.userPassword } : {}),
  }, content);
  return {
    ...def,
    // Never leave a section heading alone at the foot of a page: nothing after it on the page, or
    // less than a fifth of the page left under it (a table keeps its header row with its first row).
    pageBreakBefore: (node, q) => node.headlineLevel === 1
      && (q.getFollowingNodesOnPage().length === 0 || (node.startPosition as { verticalRatio?: number }).verticalRatio! > 0.8),
  };
}
