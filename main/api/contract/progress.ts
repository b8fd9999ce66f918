// Progress returns and the SLA (issue 5): subjects, teachers, the timetable, the SLA, external
// providers and their session reports, grade scales, assessment windows, the returns grid, CSV
// import, progress views, the window summary PDF and the chase letters.

import { z } from 'zod';
import { email, empty, id, isoDate, nameField, op, optionalText, text } from './fields.ts';

// ---- output types -----------------------------------------------------------------------------

export interface Subject {
  id: number;
  name: string;
  /** English, maths and science. */
  isCore: boolean;
  leaderName: string | null;
  leaderEmail: string | null;
  sortOrder: number;
  /** Timetable entries using the subject. */
  timetabled: number;
}

export interface Teacher {
  id: number;
  name: string;
  email: string | null;
  isSeniorLeader: boolean;
  /** False once they have left: kept for the history of their returns. */
  active: boolean;
  timetabled: number;
  /** Requested returns not yet received, across all windows. */
  outstanding: number;
}

export interface TimetableEntry {
  id: number;
  childId: number;
  childName: string;
  subjectId: number;
  subjectName: string;
  teacherId: number;
  teacherName: string;
  classCode: string | null;
}

export interface SlaSettings {
  /** Returns are due this many school days after a window closes (or after the request, if later). */
  returnDueSchoolDays: number;
  /** School days between escalation stages. */
  escalationGapSchoolDays: number;
  /** Stage 3 letters are addressed to this senior leader. */
  seniorLeaderName: string | null;
  seniorLeaderEmail: string | null;
}

export interface Provider {
  id: number;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  /** Copied into stage 2 and addressed at stage 3. */
  managerName: string | null;
  managerEmail: string | null;
  reportDueSchoolDays: number;
  escalationGapSchoolDays: number;
  active: boolean;
  outstanding: number;
}

/** Where a return or report stands, as of a date. `chased_N`: late, and the last letter sent was stage N. */
export type ItemStatus = 'not_requested' | 'requested' | 'returned' | 'late' | 'chased_1' | 'chased_2' | 'chased_3';

export interface SlaInfo {
  status: ItemStatus;
  /** The stage the SLA has reached as of the date (0 until late); a letter may not have been sent yet. */
  slaStage: 0 | 1 | 2 | 3;
  /** The highest stage of letter sent so far. */
  chasedStage: 1 | 2 | 3 | null;
  lastChasedOn: string | null;
  schoolDaysOverdue: number;
  /** The day the next stage starts, while late. */
  nextStageOn: string | null;
  returnedLate: boolean | null;
}

export interface ProviderReport extends SlaInfo {
  id: number;
  providerId: number;
  providerName: string;
  childId: number;
  childName: string;
  sessionDate: string;
  dueOn: string;
  receivedOn: string | null;
  notes: string | null;
}

export interface GradeScale {
  id: number;
  name: string;
  description: string | null;
  /** Lowest first. */
  grades: string[];
  builtIn: boolean;
  /** Used by a window: its grades in use cannot be removed. */
  inUse: boolean;
}

export interface AssessmentWindow {
  id: number;
  academicYearId: number;
  academicYearLabel: string;
  name: string;
  closeDate: string;
  gradeScaleId: number;
  gradeScaleName: string;
  /** A different scale for some year groups. */
  scaleOverrides: { yearGroup: number; gradeScaleId: number }[];
  expected: number;
  returned: number;
  requested: boolean;
}

export interface RequestReturnsResult {
  created: number;
  /** Already there (the request is idempotent); unreturned ones follow timetable changes. */
  existing: number;
  teacherChanged: number;
  skippedLeavers: number;
  skippedNotJoined: number;
  /** Children on roll with no timetable entries: nothing to request for them. */
  childrenWithoutTimetable: number;
  dueOn: string;
  /** True when the school calendar does not cover the dates: weekdays were counted instead. */
  dueOnEstimated: boolean;
}

export type ProgressFlag = 'above' | 'on_track' | 'below';

export interface GridCell extends SlaInfo {
  subjectId: number;
  returnId: number | null;
  timetabled: boolean;
  teacherId: number | null;
  teacherName: string | null;
  classCode: string | null;
  gradeScaleId: number;
  current: string | null;
  target: string | null;
  predicted: string | null;
  effort: number | null;
  whatWentWell: string | null;
  evenBetterIf: string | null;
  requestedOn: string | null;
  dueOn: string | null;
  dueEstimated: boolean;
  returnedOn: string | null;
  /** Predicted grade (or current, if no prediction) against target. */
  flag: ProgressFlag | null;
}

export interface GridRow {
  childId: number;
  name: string;
  initials: string;
  yearGroup: number;
  gradeScaleId: number;
  /** One per grid subject, in the same order. */
  cells: GridCell[];
}

export interface Completion { expected: number; returned: number; outstanding: number; overdue: number; returnedLate: number; rate: number | null }

export interface ReturnsGrid {
  window: AssessmentWindow;
  asOf: string;
  subjects: { id: number; name: string; isCore: boolean }[];
  /** The scales used by the rows, for entry help and client-side checks. */
  scales: GradeScale[];
  rows: GridRow[];
  completion: Completion;
}

export interface SaveCellsResult { saved: number; markedReturned: number; cells: (GridCell & { childId: number })[]; completion: Completion }

export interface ImportRowReport {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  outcome: 'ok' | 'blank' | 'rejected';
  messages: string[];
}

export interface ImportReport {
  /** All or nothing: true only when every row was valid and all were saved. */
  imported: boolean;
  dryRun: boolean;
  saved: number;
  rejected: number;
  blank: number;
  rows: ImportRowReport[];
  /** Problems with the file as a whole (encoding, missing columns). */
  fileProblems: string[];
}

export interface ChecklistItem {
  returnId: number;
  windowId: number;
  windowName: string;
  childId: number;
  childName: string;
  initials: string;
  yearGroup: number;
  subjectName: string;
  classCode: string | null;
  dueOn: string;
  status: ItemStatus;
  slaStage: 0 | 1 | 2 | 3;
  schoolDaysOverdue: number;
}

export interface TeacherChecklist {
  teacherId: number;
  teacherName: string;
  email: string | null;
  outstanding: number;
  overdue: number;
  items: ChecklistItem[];
}

export interface ChildProgress {
  childId: number;
  windows: { id: number; name: string; closeDate: string; academicYearLabel: string }[];
  subjects: {
    subjectId: number;
    name: string;
    isCore: boolean;
    /** One per window in `windows`, null where no return exists. */
    entries: ({ current: string | null; target: string | null; predicted: string | null; effort: number | null; flag: ProgressFlag | null; returnedOn: string | null } | null)[];
    latestFlag: ProgressFlag | null;
  }[];
}

export interface CompletionRow extends Completion { id: number | null; name: string }

export interface WindowCompletion {
  window: AssessmentWindow;
  asOf: string;
  total: Completion;
  byTeacher: CompletionRow[];
  bySubject: CompletionRow[];
}

export interface SummaryStats { assessed: number; above: number; onTrack: number; below: number; noGrade: number; meanSteps: number | null; minSteps: number | null; maxSteps: number | null }

export interface WindowSummary {
  window: AssessmentWindow;
  completion: Completion;
  subjects: { id: number; name: string; isCore: boolean }[];
  children: {
    childId: number;
    initials: string;
    yearGroup: number;
    cells: ({ current: string | null; target: string | null; predicted: string | null; flag: ProgressFlag | null; steps: number | null } | null)[];
    below: number;
    onTrackOrAbove: number;
  }[];
  bySubject: (SummaryStats & { subjectId: number; name: string })[];
  byYearGroup: (SummaryStats & { yearGroup: number; children: number })[];
  overall: SummaryStats;
}

export interface PdfFile { fileName: string; mimeType: 'application/pdf'; base64: string }
export interface CsvFile { fileName: string; mimeType: 'text/csv'; base64: string }

export interface ChaseItem {
  kind: 'return' | 'provider_report';
  id: number;
  initials: string;
  yearGroup: number;
  /** Subject (returns); null for providers' reports. */
  subject: string | null;
  classCode: string | null;
  /** Assessment window, e.g. "Autumn 2 2026-27" (returns). */
  window: string | null;
  /** The tutoring session the report is about (providers' reports). */
  sessionDate: string | null;
  dueOn: string;
  schoolDaysOverdue: number;
  stage: 1 | 2 | 3;
}

export interface ChaseLetter {
  recipientKind: 'teacher' | 'provider';
  recipientId: number;
  /** Whose returns the letter is about. */
  about: string;
  to: { name: string; email: string | null; role: string };
  cc: { name: string; email: string | null; role: string }[];
  stage: 1 | 2 | 3;
  replyBy: string;
  items: ChaseItem[];
}

export interface ChaseQueue {
  asOf: string;
  letters: ChaseLetter[];
  items: number;
  /** Items already chased on this date (generating again records nothing new for them). */
  alreadyChasedToday: number;
  /** Overdue returns with no teacher to write to. */
  unassigned: number;
  calendarEstimated: boolean;
}

export interface ReturnDetail {
  id: number;
  windowId: number;
  childId: number;
  subjectId: number;
  cell: GridCell;
  chases: { stage: 1 | 2 | 3; chasedOn: string; replyBy: string; batchId: string }[];
}

// ---- input schemas ----------------------------------------------------------------------------

const bool = z.boolean();
const schoolDays = (max: number) => z.number().int().min(0).max(max);
const grade = z.string().trim().max(20, 'A grade is at most 20 characters.').nullable().optional();
const longText = optionalText(2000);
const asOf = z.object({ asOf: isoDate.optional() }).strict();

export const subjectInput = z.object({
  id: id.optional(),
  name: text(100).min(1, 'Enter the subject name.'),
  isCore: bool,
  leaderName: optionalText(100),
  leaderEmail: email,
  sortOrder: z.number().int().min(0).max(1000).optional(),
}).strict();

export const teacherInput = z.object({
  id: id.optional(),
  name: nameField,
  email,
  isSeniorLeader: bool,
  active: bool.optional(),
}).strict();

const classCode = optionalText(30);

export const timetableEntryInput = z.object({
  id: id.optional(),
  childId: id,
  subjectId: id,
  teacherId: id,
  classCode,
}).strict();

export const childTimetableInput = z.object({
  childId: id,
  entries: z.array(z.object({ subjectId: id, teacherId: id, classCode }).strict()).max(40),
}).strict();

export const slaSettingsInput = z.object({
  returnDueSchoolDays: schoolDays(60),
  escalationGapSchoolDays: z.number().int().min(1, 'Allow at least 1 school day between stages.').max(30),
  seniorLeaderName: optionalText(100),
  seniorLeaderEmail: email,
}).strict();

export const providerInput = z.object({
  id: id.optional(),
  name: text(200).min(1, 'Enter the provider name.'),
  contactName: optionalText(100),
  email,
  phone: optionalText(40),
  managerName: optionalText(100),
  managerEmail: email,
  reportDueSchoolDays: schoolDays(60),
  escalationGapSchoolDays: z.number().int().min(1).max(30),
  active: bool.optional(),
}).strict();

export const providerReportInput = z.object({
  id: id.optional(),
  providerId: id,
  childId: id,
  sessionDate: isoDate,
  receivedOn: isoDate.nullable().optional(),
  notes: optionalText(500),
}).strict();

export const gradeScaleInput = z.object({
  id: id.optional(),
  name: text(100).min(1, 'Enter a name for the scale.'),
  description: optionalText(500),
  grades: z.array(text(20).min(1, 'A grade cannot be blank.')).min(2, 'A scale needs at least two grades.').max(100),
}).strict();

export const assessmentWindowInput = z.object({
  id: id.optional(),
  academicYearId: id,
  name: text(100).min(1, 'Enter a name, such as "Autumn 1".'),
  closeDate: isoDate,
  gradeScaleId: id,
  scaleOverrides: z.array(z.object({ yearGroup: z.number().int().min(0).max(14), gradeScaleId: id }).strict()).max(15).optional(),
}).strict();

export const returnCellInput = z.object({
  childId: id,
  subjectId: id,
  current: grade,
  target: grade,
  predicted: grade,
  effort: z.number().int().min(1, 'Effort is 1 to 4.').max(4, 'Effort is 1 to 4.').nullable().optional(),
  whatWentWell: longText,
  evenBetterIf: longText,
  /** Omitted: set to today when a current or predicted grade is first entered. Null: not returned. */
  returnedOn: isoDate.nullable().optional(),
}).strict();

export const saveReturnCellsInput = z.object({
  windowId: id,
  cells: z.array(returnCellInput).min(1).max(5000),
}).strict();

export const importReturnsCsvInput = z.object({
  windowId: id,
  /** The file's bytes, base64 (UTF-8 with or without BOM, UTF-16 or Windows-1252; comma, semicolon or tab). */
  base64: z.string().max(1_500_000, 'The file is too large (at most about 1 MB).').regex(/^[A-Za-z0-9+/=\r\n]*$/, 'The file could not be read.'),
  /** Check only: report what would happen, save nothing. */
  dryRun: bool.optional(),
}).strict();

// ---- the operations ---------------------------------------------------------------------------

const byId = z.object({ id }).strict();
const windowId = z.object({ windowId: id }).strict();

export const progressOperations = {
  listSubjects: op<Subject[]>()(empty),
  saveSubject: op<Subject>()(subjectInput),
  deleteSubject: op<null>()(byId),

  listTeachers: op<Teacher[]>()(z.object({ includeLeft: bool.optional() }).strict()),
  saveTeacher: op<Teacher>()(teacherInput),
  deleteTeacher: op<null>()(byId),

  listTimetable: op<TimetableEntry[]>()(z.object({ childId: id.optional(), subjectId: id.optional(), teacherId: id.optional() }).strict()),
  saveTimetableEntry: op<TimetableEntry>()(timetableEntryInput),
  deleteTimetableEntry: op<null>()(byId),
  /** Replaces one child's whole timetable. */
  setChildTimetable: op<TimetableEntry[]>()(childTimetableInput),

  getSlaSettings: op<SlaSettings>()(empty),
  updateSlaSettings: op<SlaSettings>()(slaSettingsInput),

  listProviders: op<Provider[]>()(empty),
  saveProvider: op<Provider>()(providerInput),
  deleteProvider: op<null>()(byId),
  listProviderReports: op<ProviderReport[]>()(z.object({
    providerId: id.optional(), childId: id.optional(), outstandingOnly: bool.optional(), asOf: isoDate.optional(),
  }).strict()),
  /** The due date is computed from the provider's SLA in school days. */
  saveProviderReport: op<ProviderReport>()(providerReportInput),
  deleteProviderReport: op<null>()(byId),

  listGradeScales: op<GradeScale[]>()(empty),
  saveGradeScale: op<GradeScale>()(gradeScaleInput),
  deleteGradeScale: op<null>()(byId),

  listAssessmentWindows: op<AssessmentWindow[]>()(z.object({ academicYearId: id.optional() }).strict()),
  saveAssessmentWindow: op<AssessmentWindow>()(assessmentWindowInput),
  /** Refused once any return in the window has been recorded. */
  deleteAssessmentWindow: op<null>()(byId),

  /** Creates the expected returns for every child on roll × timetabled subject. Idempotent. */
  requestReturns: op<RequestReturnsResult>()(windowId),
  getTeacherChecklist: op<TeacherChecklist[]>()(z.object({ windowId: id.optional(), teacherId: id.optional(), asOf: isoDate.optional() }).strict()),
  getReturnsGrid: op<ReturnsGrid>()(z.object({ windowId: id, asOf: isoDate.optional() }).strict()),
  getReturn: op<ReturnDetail>()(byId),
  /** One transaction for the batch; grades are checked against the window's scale for each child. */
  saveReturnCells: op<SaveCellsResult>()(saveReturnCellsInput),
  /** A CSV for teachers to fill in: one row per return, children by initials and year only. */
  returnsCsvTemplate: op<CsvFile>()(z.object({ windowId: id, teacherId: id.optional() }).strict()),
  /** All or nothing, with a row-by-row report. */
  importReturnsCsv: op<ImportReport>()(importReturnsCsvInput),

  getChildProgress: op<ChildProgress>()(z.object({ childId: id }).strict()),
  getWindowCompletion: op<WindowCompletion>()(z.object({ windowId: id, asOf: isoDate.optional() }).strict()),
  getWindowSummary: op<WindowSummary>()(windowId),
  /** The PDF for the progress support meeting: initials and year group only. */
  windowSummaryPdf: op<{ files: PdfFile[] }>()(windowId),

  /** What chaseLetters would send as of a date, without sending or recording anything. */
  getChaseQueue: op<ChaseQueue>()(asOf),
  /** One PDF, a page per letter; each chase is recorded against its return or report. */
  chaseLetters: op<{ files: PdfFile[]; letters: number; items: number }>()(asOf),
} as const;
