// Reading MIS files: bytes to text, text to rows, cells to values, headers to fields.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  cleanCell, parseCount, parseDate, parseGender, parsePercent, parsePrimaryNeed, parseSenProvision, parseYearGroup,
} from '../../../../main/services/import/cells.ts';
import { normaliseHeader, planColumns, uniqueHeaders } from '../../../../main/services/import/columns.ts';
import { decodeBytes } from '../../../../main/services/import/decode.ts';
import { parseCsv } from '../../../../main/services/import/parse.ts';

const text = (bytes: Uint8Array) => {
  const d = decodeBytes(bytes);
  if (!d.ok) throw new Error(d.problem);
  return d;
};

describe('decoding', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from('Name\r\nZoë £5\r\n', 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name\nZoë £5\n', 'utf8')]), 'utf-8 (with BOM)'],
    ['Windows-1252', iconv.encode('Name\r\nZoë £5\r\n', 'win1252'), 'windows-1252'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Name\r\nZoë £5\r\n', 'utf16le')]), 'utf-16le'],
  ] as const)('%s', (_label, bytes, encoding) => {
    const d = text(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toContain('Zoë £5');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('refuses a spreadsheet workbook or binary data with a plain-English problem', () => {
    expect(decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, problem: expect.stringMatching(/Save As.*CSV/) });
    expect(decodeBytes(Buffer.from([0x41, 0, 0x42]))).toMatchObject({ ok: false });
  });
});

describe('parsing', () => {
  it('handles CRLF, quoted newlines and quotes, numbering rows as a spreadsheet does', () => {
    const csv = parseCsv('UPN,Name,Note\r\n1,"Smith, J","two\r\nlines"\r\n\r\n2,"He said ""hi""",x\r\n')!;
    expect(csv.headers).toEqual(['UPN', 'Name', 'Note']);
    expect(csv.records).toEqual([
      { line: 2, cells: ['1', 'Smith, J', 'two\r\nlines'], problem: null },
      { line: 4, cells: ['2', 'He said "hi"', 'x'], problem: null },
    ]);
  });

  it('flags a row with more filled cells than headers (an unquoted comma)', () => {
    const csv = parseCsv('UPN,Surname,Forename\n1,Smith, Jnr,Sam\n2,Jones,Ann,\n')!;
    expect(csv.records[0]!.problem).toMatch(/more cells than there are column headers/);
    expect(csv.records[1]!.problem).toBeNull();
  });

  it('guesses semicolons and tabs', () => {
    expect(parseCsv('UPN;Name\n1;A\n')!.delimiter).toBe(';');
    expect(parseCsv('UPN\tName\n1\tA\n')!.records[0]!.cells).toEqual(['1', 'A']);
  });

  it('skips blank lines before the header and reports an unclosed quote on its row', () => {
    const csv = parseCsv('\n\nUPN,Name\n1,"unclosed\n')!;
    expect(csv.headerLine).toBe(3);
    expect(csv.records[0]!.problem).toMatch(/quotation mark/);
    expect(parseCsv('')).toBeNull();
  });
});

describe('cells', () => {
  it.each([
    ['14/02/2013', '2013-02-14'], ['4/2/2013', '2013-02-04'], ['14-02-2013', '2013-02-14'], ['14.02.2013', '2013-02-14'],
    ['2013-02-14', '2013-02-14'], ['14/02/2013 00:00', '2013-02-14'], ['2013-02-14T00:00:00', '2013-02-14'], ['', null],
  ])('reads the date %j', (cell, iso) => {
    expect(parseDate(cell, 'Date of birth')).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/02/2013', /not a real date/], ['29/02/2013', /not a real date/], ['13/13/2013', /not a real date/], ['14/02/13', /two-digit year/],
    ['Feb 14 2013', /not a date/], ['=DATE(2013,2,14)', /not a date/],
  ])('refuses the date %j without repeating it', (cell, why) => {
    const r = parseDate(cell, 'Date of birth');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(why) });
    if (!r.ok) expect(r.reason).not.toContain(cell);
  });

  it('reads counts, percentages, gender, year groups, SEN provision and need', () => {
    expect(parseCount('190', 'x')).toEqual({ ok: true, value: 190 });
    expect(parseCount('190.0', 'x')).toEqual({ ok: true, value: 190 });
    expect(parseCount('-3', 'x').ok).toBe(false);
    expect(parseCount('12.5', 'x').ok).toBe(false);
    expect(parsePercent('92.5%', 'x')).toEqual({ ok: true, value: 92.5 });
    expect(parsePercent('101', 'x').ok).toBe(false);
    expect(['M', 'male', 'Boy', 'F', 'Female', 'X', 'Unknown', 'not known'].map((g) => (parseGender(g) as { value: string }).value)).toEqual(['M', 'M', 'M', 'F', 'F', 'X', 'X', 'X']);
    expect(parseGender('Q').ok).toBe(false);
    expect(['7', 'Year 7', 'Y7', 'NC Year 7', 'Yr 12', 'R', 'Reception', 'N2', 'N1'].map((y) => (parseYearGroup(y) as { value: number }).value)).toEqual([7, 7, 7, 7, 12, 0, 0, -1, -2]);
    expect(parseYearGroup('Year 20').ok).toBe(false);
    expect(['N', '', 'No Special Educational Need', 'K', 'SEN Support', 'E', 'EHCP', 'EHC Plan', 'Education, Health and Care Plan', 'S']
      .map((s) => (parseSenProvision(s) as { value: string }).value)).toEqual(['N', 'N', 'N', 'K', 'K', 'E', 'E', 'E', 'E', 'E']);
    expect(parseSenProvision('Maybe').ok).toBe(false);
    expect(['SEMH', 'semh', 'Autistic spectrum disorder', ''].map((s) => (parsePrimaryNeed(s) as { value: string | null }).value)).toEqual(['SEMH', 'SEMH', 'ASD', null]);
  });

  it('keeps formula-like text as text, dropping only a spreadsheet\'s text apostrophe', () => {
    for (const v of ['=1+2', '+44', '-3', '@SUM(A1)', '=HYPERLINK("http://x")']) expect(cleanCell(v)).toBe(v);
    expect(cleanCell("'=1+2")).toBe('=1+2');
    expect(cleanCell("'O'Brien")).toBe("'O'Brien");
    expect(cleanCell('  Zoë  ')).toBe('Zoë');
  });
});

describe('columns', () => {
  it('matches SIMS and Arbor headers ignoring case, spaces and punctuation', () => {
    const plan = planColumns('pupils', ['unique pupil number', 'LEGAL SURNAME', 'Legal_Forename', 'Preferred  Forename', 'D.O.B.', 'Sex', 'NC Year', 'SEN Status', 'Primary Need']);
    expect(plan.columns.map((c) => c.field)).toEqual([
      'upn', 'legalLastName', 'legalFirstName', 'preferredName', 'dateOfBirth', 'gender', 'yearGroup', 'senProvision', 'senPrimaryNeed',
    ]);
    expect(plan.missingRequired).toEqual([]);
    expect(normaliseHeader('Attendance %')).toBe('attendancepercent');
    expect(normaliseHeader('% Attendance')).toBe('percentattendance');
  });

  it('prefers the more specific header when two could fill a field', () => {
    const plan = planColumns('pupils', ['UPN', 'Surname', 'Legal Surname', 'Forename', 'DOB', 'Gender']);
    expect(plan.columns.find((c) => c.field === 'legalLastName')?.header).toBe('Legal Surname');
    expect(plan.unmapped).toEqual(['Surname']);
  });

  it('reports unknown headers, ignores known unused ones, and lists missing required fields', () => {
    const plan = planColumns('pupils', ['Pupil ID', 'Family', 'Given', 'Born', 'Reg Group', 'Gender']);
    expect(plan.unmapped).toEqual(['Pupil ID', 'Family', 'Given', 'Born']);
    expect(plan.missingRequired.map((m) => m.field)).toEqual(['upn', 'legalFirstName', 'legalLastName', 'dateOfBirth']);
  });

  it('lets an explicit mapping choose or ignore any column', () => {
    const plan = planColumns('pupils', ['Pupil ID', 'Family', 'Given', 'Born', 'Gender', 'Sex'], [
      { column: 'Pupil ID', field: 'upn' }, { column: 'Family', field: 'legalLastName' }, { column: 'Given', field: 'legalFirstName' },
      { column: 'Born', field: 'dateOfBirth' }, { column: 'Gender', field: null }, { column: 'Sex', field: 'gender' },
    ]);
    expect(plan.missingRequired).toEqual([]);
    expect(plan.columns.map((c) => [c.field, c.mappedBy])).toEqual([
      ['upn', 'explicit'], ['legalLastName', 'explicit'], ['legalFirstName', 'explicit'], ['dateOfBirth', 'explicit'], [null, 'explicit'], ['gender', 'explicit'],
    ]);
    expect(() => planColumns('pupils', ['UPN'], [{ column: 'Nope', field: 'upn' }])).toThrow(/not in this file/);
  });

  it('needs present sessions or a percentage for attendance, and period columns unless a period is given', () => {
    expect(planColumns('attendance', ['UPN', 'Possible']).missingRequired.map((m) => m.label)).toEqual([
      'Period start date', 'Period end date', 'Present sessions or Attendance %',
    ]);
    expect(planColumns('attendance', ['UPN', 'Possible', '% Attendance'], [], { periodGiven: true }).missingRequired).toEqual([]);
  });

  it('makes repeated headers unique so each can be mapped', () => {
    expect(uniqueHeaders(['Year', 'Year', '', 'Year'])).toEqual(['Year', 'Year (2)', 'Column 3', 'Year (3)']);
  });
});
