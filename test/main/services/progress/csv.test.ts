// Returns by CSV: the template names children by initials only; the import is all or nothing with a
// row-by-row report, reads what Excel writes (BOM, CRLF, tabs, UTF-16, Windows-1252), and keeps
// formula-like text as text.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../../../db/query.ts';
import { importReturnsCsv, requestReturns, returnsCsvTemplate } from '../../../../main/services/progress/index.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { CHILDREN, type Fixture, progressFixture, progressRows } from './fixture.ts';

let f: Fixture;
const TODAY = '2025-12-10';

beforeAll(async () => {
  f = await progressFixture();
  requestReturns(f.register, f.windowId, '2025-12-01');
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

const b64 = (text: string, encoding: 'utf8' | 'utf16le' = 'utf8') => Buffer.from(text, encoding).toString('base64');

/** The template as rows (header first). */
function template(teacherId?: number): string[][] {
  const file = returnsCsvTemplate(f.register, f.windowId, teacherId);
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

const toCsv = (rows: string[][], sep = ',') => Papa.unparse(rows, { delimiter: sep, newline: '\r\n' });

function returns() {
  return f.register.all(qb.selectFrom('progress_returns').selectAll().orderBy('id'));
}

describe('the template', () => {
  it('has one row per requested return, children by initials and year only', () => {
    const rows = template();
    expect(rows[0]).toEqual(['Ref', 'Child', 'Year', 'Subject', 'Class', 'Teacher', 'Due', 'Current', 'Target', 'Predicted', 'Effort (1-4)', 'What went well', 'Even better if']);
    expect(rows).toHaveLength(8);
    expect(rows.slice(1).map((r) => `${r[1]} ${r[2]} ${r[3]}`)).toContain('ZQ Y10 Maths');
    expect(rows[1]![6]).toBe('12/12/2025');
    const text = rows.flat().join(' ');
    for (const c of CHILDREN) {
      expect(text).not.toContain(c.first);
      expect(text).not.toContain(c.last);
      if (c.upn) expect(text).not.toContain(c.upn);
    }
  });

  it('can be for one teacher only', () => {
    expect(template(f.teachers.english).slice(1).every((r) => r[5] === 'Augustina Pennywhistle')).toBe(true);
    expect(template(f.teachers.english)).toHaveLength(4);
  });
});

describe('import', () => {
  it('is all or nothing: one bad row and nothing is saved, with a report for every row', () => {
    const rows = template();
    const [, first, ...rest] = rows;
    const header = rows[0]!;
    const fill = (r: string[], current: string, target: string, effort = '2') => {
      const out = [...r];
      out[7] = current;
      out[8] = target;
      out[10] = effort;
      return out;
    };
    const before = progressRows(f.register);
    const bad = toCsv([header, fill(first!, '6', '7'), fill(rest[0]!, 'Z9', '7'), fill(rest[1]!, '5', '6', '7'), ['', '', '', '', '', '', '', '', '', '', '', '', ''], rest[2]!]);
    const report = importReturnsCsv(f.register, f.windowId, b64(bad), { today: TODAY });
    expect(report).toMatchObject({ imported: false, saved: 0, rejected: 2, blank: 1 });
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'ok'], [3, 'rejected'], [4, 'rejected'], [6, 'blank']]);
    expect(report.rows[1]!.messages.join(' ')).toMatch(/current grade "Z9" is not on the/);
    expect(report.rows[2]!.messages.join(' ')).toMatch(/Effort "7" must be 1, 2, 3 or 4/);
    expect(progressRows(f.register)).toEqual(before);

    // Fixed: everything goes in at once.
    const good = toCsv([header, fill(first!, '6', '7'), fill(rest[0]!, '4', '6'), rest[2]!]);
    const ok = importReturnsCsv(f.register, f.windowId, b64(good), { today: TODAY });
    expect(ok).toMatchObject({ imported: true, saved: 2, rejected: 0, blank: 1 });
    expect(returns().filter((r) => r.returned_on === TODAY)).toHaveLength(2);
  });

  it('a dry run reports without saving', () => {
    const rows = template();
    const r = [...rows[3]!];
    r[7] = '5';
    const before = progressRows(f.register);
    const report = importReturnsCsv(f.register, f.windowId, b64(toCsv([rows[0]!, r])), { today: TODAY, dryRun: true });
    expect(report).toMatchObject({ imported: false, dryRun: true, rejected: 0 });
    expect(report.rows[0]!.outcome).toBe('ok');
    expect(progressRows(f.register)).toEqual(before);
  });

  it('reads a BOM and CRLF, keeps formula-like comments as text, and removes the template\'s escape', () => {
    const ref = returns().find((x) => x.child_id === f.children.im && x.subject_id === f.subjects.english)!.id;
    const csv = `\ufeffRef,Current,What went well,Even better if\r\n${ref},3,"=HYPERLINK(""http://x"")","'=SUM(1,2) more practice"\r\n`;
    const report = importReturnsCsv(f.register, f.windowId, b64(csv), { today: TODAY });
    expect(report).toMatchObject({ imported: true, saved: 1 });
    const row = returns().find((x) => x.id === ref)!;
    expect(row).toMatchObject({ current_grade: '3', what_went_well: '=HYPERLINK("http://x")', even_better_if: '=SUM(1,2) more practice' });
  });

  it('reads tab-separated UTF-16 (Excel "Unicode text") and Windows-1252', () => {
    const bfHi = returns().find((x) => x.child_id === f.children.bf && x.subject_id === f.subjects.history)!.id;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Ref\tCurrent\tWWW\r\n${bfHi}\t4+\tTrès bien\r\n`, 'utf16le')]);
    expect(importReturnsCsv(f.register, f.windowId, utf16.toString('base64'), { today: TODAY })).toMatchObject({ imported: true, saved: 1 });
    expect(returns().find((x) => x.id === bfHi)).toMatchObject({ current_grade: '4+', what_went_well: 'Très bien' });

    const cp1252 = iconv.encode(`Ref;EBI\r\n${bfHi};Révise les dates clés – un peu chaque jour\r\n`, 'win1252');
    expect(importReturnsCsv(f.register, f.windowId, cp1252.toString('base64'), { today: TODAY })).toMatchObject({ imported: true, saved: 1 });
    expect(returns().find((x) => x.id === bfHi)!.even_better_if).toBe('Révise les dates clés – un peu chaque jour');
  });

  it('matches rows by UPN and subject when there is no Ref column', () => {
    const csv = 'UPN,Subject,Current,Target,Predicted,Returned on\nB123456789012,english,5,6,6,09/12/2025\n';
    expect(importReturnsCsv(f.register, f.windowId, b64(csv), { today: TODAY })).toMatchObject({ imported: true, saved: 1 });
    const row = returns().find((x) => x.child_id === f.children.bf && x.subject_id === f.subjects.english)!;
    expect(row).toMatchObject({ current_grade: '5', returned_on: '2025-12-09' });
    const unknown = importReturnsCsv(f.register, f.windowId, b64('UPN,Subject,Current\nZ999999999999,Maths,5\nB123456789012,Latin,5\n'), { today: TODAY });
    expect(unknown).toMatchObject({ imported: false, rejected: 2 });
    expect(unknown.rows[0]!.messages).toEqual(['No child in the register has that UPN.']);
    expect(unknown.rows[1]!.messages).toEqual(['"Latin" is not a subject in the register.']);
  });

  it('rejects refs from another window, duplicate rows and bad dates', () => {
    const ref = returns()[0]!.id;
    const report = importReturnsCsv(f.register, f.windowId, b64(`Ref,Current,Returned on\n99999,5,\n${ref},5,\n${ref},6,\n${returns()[1]!.id},5,31/02/2025\n`), { today: TODAY });
    expect(report.imported).toBe(false);
    expect(report.rows.map((r) => r.outcome)).toEqual(['rejected', 'ok', 'rejected', 'rejected']);
    expect(report.rows[0]!.messages[0]).toMatch(/Ref "99999" is not a return in this window/);
    expect(report.rows[2]!.messages[0]).toMatch(/appears twice/);
    expect(report.rows[3]!.messages[0]).toMatch(/not a date/);
  });

  it('says what is wrong with a file it cannot use', () => {
    expect(importReturnsCsv(f.register, f.windowId, b64(''), { today: TODAY }).fileProblems).toEqual(['The file is empty.']);
    expect(importReturnsCsv(f.register, f.windowId, b64('Name,Grade\nx,5\n'), { today: TODAY }).fileProblems).toHaveLength(2);
    expect(importReturnsCsv(f.register, f.windowId, b64('Ref,Current\n'), { today: TODAY }).fileProblems).toEqual(['The file has no rows under its header.']);
  });
});
