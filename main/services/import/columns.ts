// Which column fills which field. Headers are matched case-, space- and punctuation-insensitively
// against known SIMS and Arbor headers (the first alias listed wins when two columns could fill one
// field, so "Legal Surname" beats "Surname"). An explicit mapping from the UI's column-mapping step
// overrides this per column. Headers we know but do not import are ignored without complaint;
// anything else is reported as unmapped so the UI can offer to map it.

import { InvalidError } from '../../../db/errors.ts';
import {
  ATTENDANCE_IMPORT_FIELDS, type ImportColumn, type ImportField, type ImportKind, type ImportPreview, PUPIL_IMPORT_FIELDS,
} from '../../api/contract.ts';
import { cleanCell } from './cells.ts';
import type { CsvRecord } from './parse.ts';

/** Lower case, "%" read as "percent", everything but letters and digits dropped. */
export const normaliseHeader = (h: string): string => h.toLowerCase().replace(/%/g, ' percent ').replace(/[^a-z0-9]+/g, '');

const UPN = ['UPN', 'Unique Pupil Number', 'Pupil UPN', 'UPN Number'];

const PUPIL_ALIASES: Record<keyof typeof PUPIL_IMPORT_FIELDS, string[]> = {
  upn: UPN,
  legalLastName: ['Legal Surname', 'Legal Last Name', 'Legal Family Name', 'Surname', 'Last Name', 'Family Name', 'Lastname'],
  legalFirstName: ['Legal Forename', 'Legal First Name', 'Legal Given Name', 'Forename', 'First Name', 'Given Name', 'Firstname'],
  preferredName: ['Preferred Forename', 'Preferred First Name', 'Preferred Name', 'Known As', 'Chosen Name'],
  dateOfBirth: ['Date of Birth', 'DOB', 'Birth Date', 'Birthdate'],
  gender: ['Gender', 'Sex', 'Legal Sex'],
  yearGroup: ['NC Year', 'National Curriculum Year', 'Year Group', 'Year', 'Curriculum Year', 'NC Year Actual', 'Year Taught In'],
  senProvision: ['SEN Provision', 'SEN Status', 'SEN', 'SEN Stage', 'SEND Status', 'SEN Provision Type', 'SEND'],
  senPrimaryNeed: ['Primary Need', 'SEN Primary Need', 'Primary SEN Need', 'SEN Need', 'SEN Need Type 1', 'Primary Need Type', 'SEND Primary Need'],
  ethnicity: ['Ethnicity', 'Ethnic Group', 'Ethnic Origin', 'Ethnicity Code'],
  dateJoinedSchool: ['Admission Date', 'Date of Admission', 'Entry Date', 'Date of Entry', 'Date Joined', 'Enrolment Date', 'Start Date'],
};

const ATTENDANCE_ALIASES: Record<keyof typeof ATTENDANCE_IMPORT_FIELDS, string[]> = {
  upn: UPN,
  periodStart: ['Period Start', 'Start Date', 'From Date', 'Date From', 'From', 'Start'],
  periodEnd: ['Period End', 'End Date', 'To Date', 'Date To', 'To', 'End'],
  possibleSessions: ['Possible Sessions', 'Sessions Possible', 'Possible', 'Possible Marks', 'Possible Attendance', 'Total Possible Sessions'],
  presentSessions: ['Present Sessions', 'Sessions Present', 'Present', 'Attended', 'Sessions Attended', 'Attended Sessions', 'Present + AEA', 'Present Plus AEA', 'Attendances'],
  authorisedAbsence: ['Authorised Absences', 'Authorised Absence', 'Authorised Absence Sessions', 'Authorised Sessions', 'Authorised', 'Auth Abs', 'Authorized Absences'],
  unauthorisedAbsence: ['Unauthorised Absences', 'Unauthorised Absence', 'Unauthorised Absence Sessions', 'Unauthorised Sessions', 'Unauthorised', 'Unauth Abs', 'Unauthorized Absences'],
  attendancePercent: ['Attendance %', 'Attendance Percentage', 'Attendance Percent', '% Attendance', 'Percentage Attendance', '% Present', 'Present %', 'Attendance Rate'],
};

/** Recognised headers that are deliberately not imported. */
const IGNORED: Record<ImportKind, string[]> = {
  pupils: [
    'Preferred Surname', 'Preferred Last Name', 'Middle Name', 'Middle Names', 'Middle Name(s)', 'Reg Group', 'Registration Group',
    'Tutor Group', 'Form', 'Class', 'House', 'Admission Number', 'Adno', 'Age', 'FSM', 'FSM Eligible', 'Pupil Premium', 'EAL',
    'First Language', 'Looked After', 'In Care', 'CLA', 'Boarder', 'Enrolment Status', 'Leaving Date', 'Date of Leaving', 'Name',
    'Full Name', 'Legal Name', 'Preferred Full Name', 'Postcode', 'Address',
  ],
  attendance: [
    'Surname', 'Forename', 'Legal Surname', 'Legal Forename', 'First Name', 'Last Name', 'Preferred Forename', 'Preferred Surname',
    'Name', 'Full Name', 'Reg Group', 'Registration Group', 'Tutor Group', 'Form', 'Year', 'Year Group', 'NC Year', 'Date of Birth',
    'DOB', 'Gender', 'Sex', 'Admission Number', 'Adno', 'Absence %', 'Authorised %', 'Unauthorised %', 'Late', 'Lates',
    'Late Sessions', 'Late Before Registers Closed', 'Late After Registers Closed', 'Persistent Absentee', 'Persistent Absence',
    'Approved Educational Activity', 'AEA', 'Attendance Not Required', 'Missing Marks',
  ],
};

export function fieldSpecs(kind: ImportKind): Record<string, { label: string; required: boolean }> {
  return kind === 'pupils' ? PUPIL_IMPORT_FIELDS : ATTENDANCE_IMPORT_FIELDS;
}

const aliasTable = (kind: ImportKind): [ImportField, string[]][] =>
  Object.entries(kind === 'pupils' ? PUPIL_ALIASES : ATTENDANCE_ALIASES).map(([f, a]) => [f as ImportField, a.map(normaliseHeader)]);

export interface ColumnPlan {
  columns: ImportColumn[];
  /** field → column index. */
  index: Map<ImportField, number>;
  unmapped: string[];
  missingRequired: ImportPreview['missingRequired'];
}

/** Reads a record's cleaned cell for a field; null when the file has no column for it. */
export function cellReader(cols: ColumnPlan): (r: CsvRecord, f: ImportField) => string | null {
  return (r, f) => {
    const i = cols.index.get(f);
    return i === undefined ? null : cleanCell(r.cells[i]);
  };
}

/** Makes repeated headers unique ("Year", "Year (2)") so the mapping can name each column. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function planColumns(
  kind: ImportKind, headers: string[], explicit: { column: string; field: ImportField | null }[] = [],
  opts: { periodGiven?: boolean } = {},
): ColumnPlan {
  const specs = fieldSpecs(kind);
  const explicitByColumn = new Map(explicit.map((m) => [m.column, m.field]));
  explicit.forEach((m, i) => {
    if (!headers.includes(m.column)) throw InvalidError.field(['mapping', i, 'column'], 'The mapping names a column that is not in this file. Check you chose the right file.');
  });
  const index = new Map<ImportField, number>();
  const columns: ImportColumn[] = headers.map((header, i) => ({ index: i, header, field: null, mappedBy: 'none' }));
  for (const c of columns) {
    const f = explicitByColumn.get(c.header);
    if (f === undefined) continue;
    c.mappedBy = 'explicit';
    if (f !== null) {
      c.field = f;
      index.set(f, c.index);
    }
  }
  // Automatic matches, field by field, best alias first; columns already decided are skipped.
  const normalised = headers.map(normaliseHeader);
  for (const [field, aliases] of aliasTable(kind)) {
    if (index.has(field)) continue;
    for (const alias of aliases) {
      const c = columns.find((col, i) => col.mappedBy === 'none' && normalised[i] === alias);
      if (c) {
        c.field = field;
        c.mappedBy = 'alias';
        index.set(field, c.index);
        break;
      }
    }
  }
  const ignored = new Set(IGNORED[kind].map(normaliseHeader));
  const unmapped = columns.filter((c) => c.mappedBy === 'none' && !ignored.has(normalised[c.index]!)).map((c) => c.header);

  const missingRequired: ColumnPlan['missingRequired'] = [];
  for (const [field, spec] of Object.entries(specs) as [ImportField, { label: string; required: boolean }][]) {
    if (!spec.required || index.has(field)) continue;
    if (opts.periodGiven && (field === 'periodStart' || field === 'periodEnd')) continue;
    missingRequired.push({ field, label: spec.label });
  }
  if (kind === 'attendance' && !index.has('presentSessions') && !index.has('attendancePercent')) {
    missingRequired.push({ field: 'presentSessions', label: 'Present sessions or Attendance %' });
  }
  return { columns, index, unmapped, missingRequired };
}
