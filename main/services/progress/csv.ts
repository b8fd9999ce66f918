// Returns by CSV: a template for teachers to fill in (one row per return; children by initials and
// year group only, with a reference number), and the import of the filled-in file. The import is
// all or nothing, with a row-by-row report: every row is checked exactly as the grid checks a
// cell, and if any row is wrong nothing is saved.
//
// Files come from Excel as often as not: UTF-8 with or without a BOM, UTF-16 ("Unicode text"),
// or Windows-1252; commas, semicolons or tabs; CRLF line ends. Cells are only ever read as text
// (never evaluated), and the apostrophe our template puts before formula-like text is removed.

import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { CsvFile, ImportReport, ImportRowReport } from '../../api/contract.ts';
import { formatDate, parseUkDate } from '../../documents/format.ts';
import { localToday } from '../calendar/index.ts';
import { yearGroupOf, yearLabel } from './common.ts';
import { applyCells, type CellInput, cellFor, loadWindowData, prepareCells } from './grid.ts';

const HEADERS = ['Ref', 'Child', 'Year', 'Subject', 'Class', 'Teacher', 'Due', 'Current', 'Target', 'Predicted', 'Effort (1-4)', 'What went well', 'Even better if'];

export function returnsCsvTemplate(register: Register, windowId: number, teacherId?: number): CsvFile {
  const d = loadWindowData(register, windowId);
  const rows: string[][] = [];
  for (const child of d.children) {
    for (const s of d.subjects) {
      const c = cellFor(d, child, s.id);
      if (c.returnId === null || c.requestedOn === null) continue;
      if (teacherId !== undefined && c.teacherId !== teacherId) continue;
      rows.push([
        String(c.returnId), child.initials, yearLabel(yearGroupOf(child, d.w.close_date)), s.name, c.classCode ?? '', c.teacherName ?? '',
        formatDate(c.dueOn), c.current ?? '', c.target ?? '', c.predicted ?? '', c.effort === null ? '' : String(c.effort), c.whatWentWell ?? '', c.evenBetterIf ?? '',
      ]);
    }
  }
  // escapeFormulae: a comment starting with = or + must not become a formula when opened in Excel.
  const csv = Papa.unparse({ fields: HEADERS, data: rows }, { newline: '\r\n', escapeFormulae: true });
  register.transaction(() => register.audit({ action: 'export', recordType: 'returns_csv', recordId: windowId }));
  const slug = d.window.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'window';
  return {
    fileName: `returns-${d.window.academicYearLabel}-${slug}${teacherId !== undefined ? `-teacher-${teacherId}` : ''}.csv`,
    mimeType: 'text/csv',
    // With a BOM, so Excel opens UTF-8 correctly.
    base64: Buffer.from(`\ufeff${csv}`, 'utf8').toString('base64'),
  };
}

/** Bytes to text: BOMs first, then strict UTF-8, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'win1252');
  }
}

type Column = 'ref' | 'upn' | 'subject' | 'current' | 'target' | 'predicted' | 'effort' | 'www' | 'ebi' | 'returned';

const ALIASES: Record<Column, string[]> = {
  ref: ['ref', 'reference', 'returnref', 'returnid'],
  upn: ['upn'],
  subject: ['subject'],
  current: ['current', 'currentgrade', 'workingat', 'workingatgrade'],
  target: ['target', 'targetgrade'],
  predicted: ['predicted', 'predictedgrade', 'prediction', 'forecast'],
  effort: ['effort', 'effort14', 'effortgrade'],
  www: ['whatwentwell', 'www'],
  ebi: ['evenbetterif', 'ebi'],
  returned: ['returned', 'returnedon', 'datereturned', 'received', 'receivedon'],
};

/**
 * The separator used in the header line: Excel writes commas, or semicolons where the decimal
 * separator is a comma, and tabs for "Unicode text". (Papa Parse's own guess needs several rows.)
 */
function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

const norm = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Our template escapes formula-like text with a leading apostrophe; take it off again. */
const unescapeCell = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function importReturnsCsv(register: Register, windowId: number, base64: string, opts: { dryRun?: boolean; today?: string } = {}): ImportReport {
  const today = opts.today ?? localToday();
  const dryRun = opts.dryRun ?? false;
  const report = (fileProblems: string[], rows: ImportRowReport[] = []): ImportReport => ({
    imported: false, dryRun, saved: 0, rejected: rows.filter((r) => r.outcome === 'rejected').length, blank: rows.filter((r) => r.outcome === 'blank').length,
    rows, fileProblems,
  });
  const text = decodeCsv(Buffer.from(base64, 'base64'));
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false, delimiter: guessDelimiter(text) });
  const records = parsed.data;
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) return report(['The file is empty.']);
  const col = new Map<Column, number>();
  header.forEach((h, i) => {
    const n = norm(h);
    for (const [c, names] of Object.entries(ALIASES) as [Column, string[]][]) if (names.includes(n) && !col.has(c)) col.set(c, i);
  });
  const problems: string[] = [];
  if (!col.has('ref') && !(col.has('upn') && col.has('subject'))) problems.push('The file needs a "Ref" column (as in the template), or "UPN" and "Subject" columns.');
  if (!(['current', 'target', 'predicted', 'effort', 'www', 'ebi'] as Column[]).some((c) => col.has(c))) {
    problems.push('The file has none of the columns Current, Target, Predicted, Effort, What went well or Even better if.');
  }
  if (problems.length) return report(problems);

  return register.transaction(() => {
    const d = loadWindowData(register, windowId, today);
    const byId = new Map(d.returns.map((r) => [r.id, r]));
    const children = register.all(qb.selectFrom('children').select(['id', 'upn']).where('upn', 'is not', null));
    const byUpn = new Map(children.map((c) => [c.upn!.toUpperCase(), c.id]));
    const subjects = new Map(register.all(qb.selectFrom('subjects').select(['id', 'name'])).map((s) => [s.name.toLowerCase(), s.id]));

    const rows: ImportRowReport[] = [];
    const cells: CellInput[] = [];
    const cellRow: number[] = [];
    records.slice(1).forEach((rec, i) => {
      const row = i + 2;
      const get = (c: Column): string => (col.has(c) ? unescapeCell((rec[col.get(c)!] ?? '').trim()) : '');
      if (rec.every((v) => v.trim() === '')) return;
      const messages: string[] = [];
      let childId: number | undefined;
      let subjectId: number | undefined;
      const ref = get('ref');
      if (ref !== '') {
        const r = /^\d{1,12}$/.test(ref) ? byId.get(Number(ref)) : undefined;
        if (!r) messages.push(`Ref "${ref.slice(0, 20)}" is not a return in this window.`);
        else ({ child_id: childId, subject_id: subjectId } = r);
      } else {
        const upn = get('upn').toUpperCase();
        childId = byUpn.get(upn);
        subjectId = subjects.get(get('subject').toLowerCase());
        if (!upn) messages.push('The row has no Ref and no UPN.');
        else if (childId === undefined) messages.push('No child in the register has that UPN.');
        if (subjectId === undefined) messages.push(`"${get('subject').slice(0, 40)}" is not a subject in the register.`);
      }
      const cell: CellInput = { childId: childId ?? 0, subjectId: subjectId ?? 0 };
      const value = (c: Column): string | undefined => (get(c) === '' ? undefined : get(c));
      cell.current = value('current');
      cell.target = value('target');
      cell.predicted = value('predicted');
      cell.whatWentWell = value('www');
      cell.evenBetterIf = value('ebi');
      for (const [c, label, max] of [['current', 'Current', 20], ['target', 'Target', 20], ['predicted', 'Predicted', 20], ['www', 'What went well', 2000], ['ebi', 'Even better if', 2000]] as const) {
        if ((value(c)?.length ?? 0) > max) messages.push(`${label} is longer than ${max} characters.`);
      }
      const effort = value('effort');
      if (effort !== undefined) {
        if (/^[1-4]$/.test(effort)) cell.effort = Number(effort);
        else messages.push(`Effort "${effort.slice(0, 10)}" must be 1, 2, 3 or 4.`);
      }
      const returned = value('returned');
      if (returned !== undefined) {
        const iso = parseUkDate(returned) ?? (/^\d{4}-\d{2}-\d{2}$/.test(returned) && !Number.isNaN(Date.parse(returned)) ? returned : null);
        if (iso) cell.returnedOn = iso;
        else messages.push(`Returned on "${returned.slice(0, 20)}" is not a date like 25/12/2026.`);
      }
      const hasValues = ['current', 'target', 'predicted', 'effort', 'www', 'ebi', 'returned'].some((c) => value(c as Column) !== undefined);
      if (!hasValues && messages.length === 0) {
        rows.push({ row, outcome: 'blank', messages: ['Nothing filled in: left as it was.'] });
        return;
      }
      rows.push({ row, outcome: messages.length ? 'rejected' : 'ok', messages });
      if (messages.length === 0) {
        cells.push(cell);
        cellRow.push(rows.length - 1);
      }
    });

    // The same checks as the grid: grades on the child's scale, duplicates, dates.
    const { prepared, issues } = prepareCells(register, d, cells, today);
    for (const issue of issues) {
      const r = rows[cellRow[issue.path[1] as number]!]!;
      r.outcome = 'rejected';
      r.messages.push(issue.message);
    }
    const rejected = rows.filter((r) => r.outcome === 'rejected').length;
    const blank = rows.filter((r) => r.outcome === 'blank').length;
    const result: ImportReport = { imported: false, dryRun, saved: 0, rejected, blank, rows, fileProblems: [] };
    if (rows.length === 0) result.fileProblems.push('The file has no rows under its header.');
    else if (rows.length === blank) result.fileProblems.push('No row has anything filled in, so there is nothing to import.');
    if (rejected > 0 || dryRun || rows.length === blank) return result;
    const { saved } = applyCells(register, d, prepared, today);
    register.audit({ action: 'import', recordType: 'returns_csv', recordId: windowId });
    return { ...result, imported: true, saved };
  });
}
