// Import from the school MIS (issue 4): pupils and attendance summaries from SIMS, Arbor and
// similar CSV exports. The UI previews first (each row new / update / unchanged / rejected, with the
// reasons), offers a column-mapping step for unfamiliar headers, then commits the same input:
// all or nothing.

import { z } from 'zod';
import { isoDate, op, text } from './fields.ts';

export type ImportKind = 'pupils' | 'attendance';

/** Fields a pupils file can fill. Only these MIS fields are ever changed: never care data. */
export const PUPIL_IMPORT_FIELDS = {
  upn: { label: 'UPN', required: true },
  legalFirstName: { label: 'Legal first name', required: true },
  legalLastName: { label: 'Legal last name', required: true },
  preferredName: { label: 'Preferred first name', required: false },
  dateOfBirth: { label: 'Date of birth', required: true },
  gender: { label: 'Gender', required: true },
  yearGroup: { label: 'Year group (checked against the date of birth)', required: false },
  senProvision: { label: 'SEN provision (N, K or E)', required: false },
  senPrimaryNeed: { label: 'SEN primary need', required: false },
  ethnicity: { label: 'Ethnicity', required: false },
  dateJoinedSchool: { label: 'Admission date (new children only)', required: false },
} as const;

/** Fields an attendance summary can fill. Either present sessions or the percentage is needed. */
export const ATTENDANCE_IMPORT_FIELDS = {
  upn: { label: 'UPN', required: true },
  periodStart: { label: 'Period start date', required: true },
  periodEnd: { label: 'Period end date', required: true },
  possibleSessions: { label: 'Possible sessions', required: true },
  presentSessions: { label: 'Present sessions (attended)', required: false },
  authorisedAbsence: { label: 'Authorised absences (sessions)', required: false },
  unauthorisedAbsence: { label: 'Unauthorised absences (sessions)', required: false },
  attendancePercent: { label: 'Attendance %', required: false },
} as const;

export type PupilImportField = keyof typeof PUPIL_IMPORT_FIELDS;
export type AttendanceImportField = keyof typeof ATTENDANCE_IMPORT_FIELDS;
export type ImportField = PupilImportField | AttendanceImportField;

const ALL_FIELDS = [...new Set([...Object.keys(PUPIL_IMPORT_FIELDS), ...Object.keys(ATTENDANCE_IMPORT_FIELDS)])] as [ImportField, ...ImportField[]];

/** Largest file accepted, in bytes (a 10,000-row export is well under 2 MB). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface ImportColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written in the file (a repeated header gets " (2)", " (3)" appended). */
  header: string;
  /** The field it fills, or null when ignored. */
  field: ImportField | null;
  /** How the field was chosen. */
  mappedBy: 'alias' | 'explicit' | 'none';
}

export type ImportRowStatus = 'new' | 'update' | 'unchanged' | 'rejected';

export interface ImportRow {
  /** The row number as a spreadsheet shows it: the header is row 1. */
  line: number;
  status: ImportRowStatus;
  /** As read from the file (normalised), null when missing. */
  upn: string | null;
  /** The child it matches in the register, if any. */
  childId: number | null;
  /** Non-identifying: initials and year group, or the period and percentage. */
  summary: string;
  /** Why the row is rejected (empty unless rejected). Never repeats cell contents. */
  reasons: string[];
  /** Things to check that do not stop the import, e.g. a default used. */
  warnings: string[];
  /** For updates: the labels of the fields that change. */
  changes: string[];
}

export interface ImportCounts { rows: number; new: number; update: number; unchanged: number; rejected: number }

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  encoding: 'utf-8' | 'utf-8 (with BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: string;
  columns: ImportColumn[];
  /** The mapping actually used, in the shape the input takes (so the UI can edit and resend it). */
  mapping: { column: string; field: ImportField | null }[];
  /** Headers nothing recognised: candidates for the mapping step. */
  unmappedColumns: string[];
  /** Required fields no column fills: the import cannot go ahead until they are mapped. */
  missingRequired: { field: ImportField; label: string }[];
  /** Every field this kind of file can fill, for the mapping step's drop-downs. */
  fields: { field: ImportField; label: string; required: boolean }[];
  /** Problems with the file as a whole (empty file, no header, ...). */
  problems: string[];
  rows: ImportRow[];
  counts: ImportCounts;
  /** True when commitImport with the same input would succeed. */
  canCommit: boolean;
}

export interface ImportResult {
  kind: ImportKind;
  counts: ImportCounts;
}

const mappingEntry = z.object({
  column: z.string().max(200, 'A column header is at most 200 characters.'),
  field: z.enum(ALL_FIELDS, { error: 'Choose a field from the list, or ignore the column.' }).nullable(),
}).strict();

/** Base64 of the file's bytes; `size` is the file's length in bytes, checked so a cut-off upload is refused. */
export const importInput = z.object({
  kind: z.enum(['pupils', 'attendance'], { error: 'Choose pupils or attendance.' }),
  fileName: text(255).min(1, 'Choose a file.'),
  size: z.number().int().min(0).max(MAX_IMPORT_BYTES, 'The file is larger than 16 MB. Export fewer columns or split it.'),
  content: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'The file is larger than 16 MB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read. Choose it again.'),
  /** Column header → field (null to ignore the column). Columns not listed are mapped by their header. */
  mapping: z.array(mappingEntry).max(200).optional(),
  /** Attendance only: the period for every row, when the file has no start and end columns. */
  period: z.object({ start: isoDate, end: isoDate }).strict().optional(),
  /** Pupils only: for children not yet in the register. */
  newChildren: z.object({
    status: z.enum(['CLA', 'PLAC'], { error: 'Choose looked after or previously looked after.' }).default('CLA'),
    /** Used when the file has no admission date column; defaults to the day of the import. */
    dateJoinedSchool: isoDate.optional(),
  }).strict().optional(),
}).strict().superRefine((v, ctx) => {
  const pad = v.content.endsWith('==') ? 2 : v.content.endsWith('=') ? 1 : 0;
  if (v.content.length % 4 !== 0 || (v.content.length / 4) * 3 - pad !== v.size) {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'The file did not arrive whole. Choose it again.' });
  }
  if (v.period && v.period.end < v.period.start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'The period must end on or after the day it starts.' });
  if (v.period && v.kind !== 'attendance') ctx.addIssue({ code: 'custom', path: ['period'], message: 'A period applies only to attendance files.' });
  if (v.newChildren && v.kind !== 'pupils') ctx.addIssue({ code: 'custom', path: ['newChildren'], message: 'Settings for new children apply only to pupil files.' });
  const fields = v.kind === 'pupils' ? PUPIL_IMPORT_FIELDS : ATTENDANCE_IMPORT_FIELDS;
  const seenColumns = new Set<string>();
  const seenFields = new Set<string>();
  v.mapping?.forEach((m, i) => {
    if (seenColumns.has(m.column)) ctx.addIssue({ code: 'custom', path: ['mapping', i, 'column'], message: 'That column is mapped twice.' });
    seenColumns.add(m.column);
    if (m.field === null) return;
    if (!Object.hasOwn(fields, m.field)) ctx.addIssue({ code: 'custom', path: ['mapping', i, 'field'], message: `That field is not part of a ${v.kind} file.` });
    if (seenFields.has(m.field)) ctx.addIssue({ code: 'custom', path: ['mapping', i, 'field'], message: 'Two columns are mapped to the same field.' });
    seenFields.add(m.field);
  });
});

export const importOperations = {
  /** Reads the file and reports what an import would do. Changes nothing. */
  previewImport: op<ImportPreview>()(importInput),
  /** Imports the file in one transaction, or refuses (Invalid) and changes nothing if any row is rejected. */
  commitImport: op<ImportResult>()(importInput),
} as const;
