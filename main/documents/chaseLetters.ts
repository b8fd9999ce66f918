// SLA chase letters (DESIGN.md "Documents"): one letter per teacher or provider, each starting on a
// new page, listing what is outstanding with children named by initials and year group only, the
// stage of the escalation ladder in its own wording, and the date to reply by.
// Pure: data -> pdfmake definition.

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { yearGroupLabel } from '../api/contract/yearGroup.ts';
import type { ChaseItem, ChaseLetter } from '../api/contract.ts';
import { formatDate } from './format.ts';
import { framedDocument, table } from './frame.ts';

export interface ChaseLettersData {
  schoolName: string;
  dtName: string | null;
  schoolEmail: string | null;
  asOf: string;
  letters: ChaseLetter[];
  generatedAt: Date;
}

const DT_ROLE = 'Designated Teacher for children in care';

export const STAGE_LABEL: Record<1 | 2 | 3, string> = {
  1: 'Stage 1 of 3: reminder',
  2: 'Stage 2 of 3: chase copied to the subject leader',
  3: 'Stage 3 of 3: escalation to senior leadership',
};

const PROVIDER_STAGE_LABEL: Record<1 | 2 | 3, string> = {
  1: 'Stage 1 of 3: reminder',
  2: 'Stage 2 of 3: chase copied to the provider\'s manager',
  3: 'Stage 3 of 3: escalation',
};

const ITEM_STAGE: Record<1 | 2 | 3, string> = { 1: '1 · reminder', 2: '2 · chase', 3: '3 · escalation' };

export function letterTitle(l: ChaseLetter): string {
  const what = l.recipientKind === 'teacher' ? 'progress returns' : 'session reports';
  if (l.stage === 1) return `Reminder: ${what} overdue`;
  if (l.stage === 2) return `Second request: ${what} still outstanding`;
  return `Escalation: ${what} still outstanding`;
}

const person = (p: ChaseLetter['to']): string => `${p.name}${p.role ? `, ${p.role}` : ''}${p.email ? ` (${p.email})` : ''}`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function body(l: ChaseLetter, replyBy: string): Content[] {
  const n = l.items.length;
  const theseReturns = n === 1 ? 'the progress return listed below' : `the ${n} progress returns listed below`;
  const theseReports = n === 1 ? 'the session report listed below' : `the ${n} session reports listed below`;
  const leaders = l.cc.filter((c) => c.role.startsWith('Subject leader')).map((c) => c.name);
  const by = { text: replyBy, bold: true };
  if (l.recipientKind === 'teacher') {
    if (l.stage === 1) {
      return [
        { text: `This is a reminder that ${theseReturns}, for children in care whom you teach, ${n === 1 ? 'was' : 'were'} due under the school's agreement for progress returns and ${n === 1 ? 'has' : 'have'} not yet been received.` },
        { text: ['Please complete ', n === 1 ? 'it' : 'them', ' by ', by, '. The returns feed each child\'s Personal Education Plan, which the Virtual School expects on time.'] },
      ];
    }
    if (l.stage === 2) {
      return [
        { text: `${cap(theseReturns)} ${n === 1 ? 'is' : 'are'} still outstanding after the reminder stage of the school's agreement for progress returns. This second request is copied to ${leaders.length ? `the subject leader${leaders.length > 1 ? 's' : ''} (${leaders.join(', ')})` : 'the subject leader'}.` },
        { text: ['Please complete ', n === 1 ? 'it' : 'them', ' by ', by, '. If something is getting in the way, please talk to me or to your subject leader so that we can help.'] },
      ];
    }
    return [
      { text: `Under the school's agreement for progress returns, I am escalating to you ${theseReturns}, which ${n === 1 ? 'is' : 'are'} the responsibility of ${l.about}. ${n === 1 ? 'It remains' : 'They remain'} outstanding after a reminder and a second request copied to the subject leader.` },
      { text: ['Please make sure ', n === 1 ? 'it is' : 'they are', ' completed by ', by, '. Without them the children\'s Personal Education Plans cannot be completed for the Virtual School.'] },
    ];
  }
  if (l.stage === 1) {
    return [
      { text: `This is a reminder that ${theseReports}, for tutoring sessions with children in care at our school, ${n === 1 ? 'was' : 'were'} due under our agreement with ${l.about} and ${n === 1 ? 'has' : 'have'} not yet been received.` },
      { text: ['Please send ', n === 1 ? 'it' : 'them', ' by ', by, '.'] },
    ];
  }
  if (l.stage === 2) {
    return [
      { text: `${cap(theseReports)} ${n === 1 ? 'is' : 'are'} still outstanding after our reminder. This second request is copied to your manager where we have their details.` },
      { text: ['Please send ', n === 1 ? 'it' : 'them', ' by ', by, '.'] },
    ];
  }
  return [
    { text: `I am escalating ${theseReports} from ${l.about}, which ${n === 1 ? 'remains' : 'remain'} outstanding after a reminder and a second request. This letter is copied to our senior leadership.` },
    { text: ['Please make sure ', n === 1 ? 'it is' : 'they are', ' sent by ', by, '. Continued delays will lead us to review the arrangement.'] },
  ];
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function itemsTable(l: ChaseLetter): Content {
  const overdue = (i: ChaseItem) => String(i.schoolDaysOverdue);
  if (l.recipientKind === 'teacher') {
    return table(
      ['Child', 'Year', 'Subject', 'Class', 'Window', 'Due', 'School days overdue', 'Stage'],
      l.items.map((i) => [i.initials, yearGroupLabel(i.yearGroup), i.subject ?? '', i.classCode ?? '', i.window ?? '', formatDate(i.dueOn), overdue(i), ITEM_STAGE[i.stage]]),
      [28, 40, '*', 54, '*', 54, 46, 64],
    );
  }
  return table(
    ['Child', 'Year', 'Session', 'Report due', 'School days overdue', 'Stage'],
    l.items.map((i) => [i.initials, yearGroupLabel(i.yearGroup), formatDate(i.sessionDate), formatDate(i.dueOn), overdue(i), ITEM_STAGE[i.stage]]),
    [40, 60, '*', '*', 70, 70],
  );
}

function letter(d: ChaseLettersData, l: ChaseLetter, first: boolean): Content {
  const replyBy = formatDate(l.replyBy);
  const label = (l.recipientKind === 'teacher' ? STAGE_LABEL : PROVIDER_STAGE_LABEL)[l.stage];
  const meta = (k: string, v: string): Content[] => [{ text: k, bold: true, color: '#333333' }, { text: v }];
  const greeting = `Dear ${l.to.name},`;
  return {
    ...(first ? {} : { pageBreak: 'before' as const }),
    stack: [
      { text: letterTitle(l), style: 'title' },
      { text: label, style: 'subtitle', color: l.stage === 3 ? '#b00020' : l.stage === 2 ? '#8a4b00' : '#1f3864', bold: true },
      {
        table: {
          widths: [60, '*'],
          body: [
            meta('To', person(l.to)),
            ...(l.cc.length ? [meta('Copy to', l.cc.map(person).join('; '))] : []),
            meta('From', `${d.dtName ?? 'The Designated Teacher'}, ${DT_ROLE}${d.schoolEmail ? ` (${d.schoolEmail})` : ''}`),
            meta('Date', formatDate(d.asOf)),
            meta('Reply by', replyBy),
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 14],
      },
      { text: greeting, margin: [0, 0, 0, 8] },
      { stack: body(l, replyBy).map((p) => ({ ...(p as object), margin: [0, 0, 0, 6] }) as Content), margin: [0, 0, 0, 6], lineHeight: 1.3 },
      { stack: [itemsTable(l)], fontSize: 9 },
      { text: 'Children are named by initials and year group only. Please do not add their names if you reply by email.', style: 'note', margin: [0, 2, 0, 16] },
      { text: 'Thank you,' },
      { text: d.dtName ?? 'The Designated Teacher', bold: true, margin: [0, 18, 0, 0] },
      { text: DT_ROLE, color: '#444444' },
    ],
  };
}

export function chaseLettersDocument(d: ChaseLettersData): TDocumentDefinitions {
  const items = d.letters.reduce((n, l) => n + l.items.length, 0);
  return framedDocument(
    { schoolName: d.schoolName, headerDetail: 'Chase letters', title: `Chase letters ${formatDate(d.asOf)}: ${plural(d.letters.length, 'letter', 'letters')}, ${plural(items, 'item', 'items')}`, generatedAt: d.generatedAt },
    d.letters.map((l, i) => letter(d, l, i === 0)),
  );
}
