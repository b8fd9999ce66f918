// Chase letters: everything overdue as of a date, one letter per teacher (or provider) at the
// highest stage any of their items has reached, and the chase recorded against every item in the
// same transaction. Generating again on the same day records nothing new (one chase per item per
// day). Letters name children by initials and year group only.

import crypto from 'node:crypto';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { ChaseItem, ChaseLetter, ChaseQueue, PdfFile } from '../../api/contract.ts';
import { chaseLettersDocument } from '../../documents/chaseLetters.ts';
import { renderPdf } from '../../documents/render.ts';
import { getSchoolSettings } from '../settings.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import { loadChildren, loadSla, yearGroupOf } from '../progress/common.ts';
import { replyBy, slaPosition, type Stage } from './ladder.ts';

type Person = ChaseLetter['to'];

const stageOf = (items: ChaseItem[]): 1 | 2 | 3 => Math.max(...items.map((i) => i.stage)) as 1 | 2 | 3;

const samePerson = (a: Person, b: Person) => a.name.toLowerCase() === b.name.toLowerCase() && (a.email ?? '').toLowerCase() === (b.email ?? '').toLowerCase();

/** The copy list without the letter's own addressee (a teacher who also leads the subject, say). */
function copiesFor(to: Person, cc: Person[]): Person[] {
  return cc.filter((p) => !samePerson(p, to));
}

function dedupe(people: (Person | null)[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p): p is Person => {
    if (!p) return false;
    const k = `${p.name.toLowerCase()}|${(p.email ?? '').toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const byChild = (a: ChaseItem, b: ChaseItem) => b.stage - a.stage || a.dueOn.localeCompare(b.dueOn) || a.yearGroup - b.yearGroup || a.initials.localeCompare(b.initials);

/** What is overdue as of `asOf`, as letters. Reads only. */
export function buildChaseQueue(register: Register, asOf = localToday()): ChaseQueue {
  const cal = loadSchoolCalendar(register);
  const sla = loadSla(register);
  const senior: Person = { name: sla.seniorName ?? 'Senior leadership team', email: sla.seniorEmail, role: 'Senior leader' };
  let estimated = false;
  const late = (dueOn: string, returnedOn: string | null, gap: number): { stage: Stage; overdue: number } | null => {
    const p = slaPosition(cal, { dueOn, returnedOn }, asOf, gap);
    if (p.state !== 'late') return null;
    if (!cal.isConfigured(dueOn, replyBy(cal, asOf, gap))) estimated = true;
    return { stage: p.stage, overdue: p.schoolDaysOverdue };
  };

  // ---- teachers' returns
  const returns = register.all(qb.selectFrom('progress_returns')
    .innerJoin('assessment_windows', 'assessment_windows.id', 'progress_returns.window_id')
    .innerJoin('academic_years', 'academic_years.id', 'assessment_windows.academic_year_id')
    .innerJoin('subjects', 'subjects.id', 'progress_returns.subject_id')
    .select(['progress_returns.id', 'progress_returns.child_id', 'progress_returns.teacher_id', 'progress_returns.class_code', 'progress_returns.due_on',
      'progress_returns.returned_on', 'assessment_windows.name as window_name', 'assessment_windows.close_date', 'academic_years.label as year_label',
      'subjects.name as subject_name', 'subjects.leader_name', 'subjects.leader_email'])
    .where('progress_returns.requested_on', 'is not', null)
    .where('progress_returns.requested_on', '<=', asOf)
    .where((eb) => eb.or([eb('progress_returns.returned_on', 'is', null), eb('progress_returns.returned_on', '>', asOf)])));
  // ---- providers' session reports
  const reports = register.all(qb.selectFrom('provider_reports')
    .innerJoin('providers', 'providers.id', 'provider_reports.provider_id')
    .select(['provider_reports.id', 'provider_reports.child_id', 'provider_reports.provider_id', 'provider_reports.session_date', 'provider_reports.due_on',
      'provider_reports.received_on', 'providers.escalation_gap_school_days as gap'])
    .where('provider_reports.session_date', '<=', asOf)
    .where((eb) => eb.or([eb('provider_reports.received_on', 'is', null), eb('provider_reports.received_on', '>', asOf)])));

  const children = new Map(loadChildren(register, [...new Set([...returns, ...reports].map((r) => r.child_id))]).map((c) => [c.id, c]));
  const teacherItems = new Map<number, { item: ChaseItem; leader: Person | null }[]>();
  let unassigned = 0;
  for (const r of returns) {
    const l = late(r.due_on!, r.returned_on, sla.gap);
    if (!l) continue;
    if (r.teacher_id === null) {
      unassigned++;
      continue;
    }
    const child = children.get(r.child_id)!;
    const item: ChaseItem = {
      kind: 'return', id: r.id, initials: child.initials, yearGroup: yearGroupOf(child, r.close_date), subject: r.subject_name, classCode: r.class_code,
      window: `${r.window_name} ${r.year_label}`, sessionDate: null, dueOn: r.due_on!, schoolDaysOverdue: l.overdue, stage: l.stage as 1 | 2 | 3,
    };
    const leader = r.leader_name ? { name: r.leader_name, email: r.leader_email, role: `Subject leader, ${r.subject_name}` } : null;
    teacherItems.set(r.teacher_id, [...(teacherItems.get(r.teacher_id) ?? []), { item, leader }]);
  }
  const providerItems = new Map<number, ChaseItem[]>();
  for (const r of reports) {
    const l = late(r.due_on, r.received_on, r.gap);
    if (!l) continue;
    const child = children.get(r.child_id)!;
    providerItems.set(r.provider_id, [...(providerItems.get(r.provider_id) ?? []), {
      kind: 'provider_report', id: r.id, initials: child.initials, yearGroup: yearGroupOf(child, r.session_date), subject: null, classCode: null,
      window: null, sessionDate: r.session_date, dueOn: r.due_on, schoolDaysOverdue: l.overdue, stage: l.stage as 1 | 2 | 3,
    }]);
  }

  const letters: ChaseLetter[] = [];
  const teachers = register.all(qb.selectFrom('teachers').selectAll().orderBy('name'));
  for (const t of teachers) {
    const entries = teacherItems.get(t.id);
    if (!entries) continue;
    const items = entries.map((e) => e.item).sort(byChild);
    const stage = stageOf(items);
    const teacher: Person = { name: t.name, email: t.email, role: 'Teacher' };
    const leaders = dedupe(entries.filter((e) => e.item.stage >= 2).map((e) => e.leader));
    const to = stage === 3 ? senior : teacher;
    letters.push({
      recipientKind: 'teacher', recipientId: t.id, about: t.name, stage, replyBy: replyBy(cal, asOf, sla.gap), items,
      to,
      cc: copiesFor(to, stage === 1 ? [] : stage === 2 ? leaders : dedupe([teacher, ...leaders])),
    });
  }
  const providers = register.all(qb.selectFrom('providers').selectAll().orderBy('name'));
  for (const p of providers) {
    const list = providerItems.get(p.id);
    if (!list) continue;
    const items = list.sort(byChild);
    const stage = stageOf(items);
    const contact: Person = { name: p.contact_name ?? p.name, email: p.email, role: p.contact_name ? p.name : 'Provider' };
    const manager: Person | null = p.manager_name ? { name: p.manager_name, email: p.manager_email, role: `Manager, ${p.name}` } : null;
    const to = stage === 3 ? manager ?? contact : contact;
    letters.push({
      recipientKind: 'provider', recipientId: p.id, about: p.name, stage, replyBy: replyBy(cal, asOf, p.escalation_gap_school_days), items,
      to,
      cc: copiesFor(to, stage === 1 ? [] : stage === 2 ? dedupe([manager]) : dedupe([manager ? contact : null, senior])),
    });
  }

  const ids = (kind: ChaseItem['kind']) => letters.flatMap((l) => l.items.filter((i) => i.kind === kind).map((i) => i.id));
  const today = (col: 'return_id' | 'provider_report_id', list: number[]) => (list.length === 0 ? 0 : register.all(
    qb.selectFrom('chases').select('id').where('chased_on', '=', asOf).where(col, 'in', list),
  ).length);
  return {
    asOf,
    letters,
    items: letters.reduce((n, l) => n + l.items.length, 0),
    alreadyChasedToday: today('return_id', ids('return')) + today('provider_report_id', ids('provider_report')),
    unassigned,
    calendarEstimated: estimated,
  };
}

export interface ChaseLettersResult { files: PdfFile[]; letters: number; items: number; recorded: number; batchId: string | null }

/**
 * The chase letters as one PDF (a page per letter), with each chase recorded against its return or
 * report. The PDF is made (and saved, given `save`) first: if that fails, nothing is recorded.
 */
export async function generateChaseLetters(
  register: Register,
  opts: { asOf?: string; generatedAt?: Date; save?: (pdf: Buffer, fileName: string) => void | Promise<void> } = {},
): Promise<ChaseLettersResult> {
  const queue = buildChaseQueue(register, opts.asOf);
  if (queue.letters.length === 0) return { files: [], letters: 0, items: 0, recorded: 0, batchId: null };
  const school = getSchoolSettings(register);
  const pdf = await renderPdf(chaseLettersDocument({
    schoolName: school.name, dtName: school.dtName, schoolEmail: school.email, asOf: queue.asOf, letters: queue.letters,
    generatedAt: opts.generatedAt ?? new Date(),
  }));
  const fileName = `chase-letters-${queue.asOf}.pdf`;
  // Saved before the chases are recorded: a letter that could not be saved was never sent.
  await opts.save?.(pdf, fileName);
  const batchId = crypto.randomUUID();
  const recorded = register.transaction(() => {
    let n = 0;
    for (const letter of queue.letters) {
      for (const item of letter.items) {
        const r = register.run(qb.insertInto('chases').values({
          return_id: item.kind === 'return' ? item.id : null,
          provider_report_id: item.kind === 'provider_report' ? item.id : null,
          stage: item.stage, chased_on: queue.asOf, reply_by: letter.replyBy, batch_id: batchId,
        }).onConflict((oc) => oc.doNothing()));
        if (r.changes) {
          n++;
          register.audit({ action: 'create', recordType: 'chase', recordId: r.lastInsertRowid });
        }
      }
    }
    register.audit({ action: 'export', recordType: 'chase_letters', recordId: batchId });
    return n;
  });
  return {
    files: [{ fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') }],
    letters: queue.letters.length,
    items: queue.items,
    recorded,
    batchId,
  };
}
