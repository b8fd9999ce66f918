// Core operations (issue 3): session, users, school settings, calendar, local authorities, backups.

import { z } from 'zod';
import {
  email, empty, exportedFile, id, isoDate, nameField, op, optionalText, passphraseField, role, text, uuid,
} from './fields.ts';

// ---- output types -----------------------------------------------------------------------------

export interface PublicUser { id: string; name: string; role: 'dt' | 'deputy' }

export interface SessionInfo { userId: string | null; name: string; role: 'dt' | 'deputy' | null; via: 'passphrase' | 'recovery' }

export interface AppStatus {
  /** 'none' = no register at the configured path yet (first run). */
  state: 'none' | 'locked' | 'unlocked';
  /** File name only: full paths are not shown in the UI's status bar. */
  registerName: string;
  isDemo: boolean;
  demoAvailable: boolean;
  users: PublicUser[];
  session: SessionInfo | null;
  schoolName: string | null;
  lastBackupAt: string | null;
  autoLockMinutes: number;
  /** Desktop: files are saved with saveFiles (native dialog). Browser mode: the browser downloads them. */
  shell: 'desktop' | 'browser';
  /** Why the register last locked, so the unlock screen can say so; null once unlocked. */
  lockedBecause: 'manual' | 'idle' | 'system' | null;
}

export interface StrengthResult { strength: 'too-weak' | 'fair' | 'strong'; problems: string[]; bits: number }

export interface SchoolSettings {
  name: string;
  urn: string | null;
  headteacher: string | null;
  designatedGovernor: string | null;
  dtName: string | null;
  deputyDtName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  autoLockMinutes: number;
  backupKeep: number;
  backupEveryHours: number;
  attendanceActionPlanPercent: number;
  attendancePepReviewPercent: number;
  eswSessionWeeks: number;
  retentionYearsAfterDob: number;
}

export interface Term {
  name: 'Autumn' | 'Spring' | 'Summer';
  startDate: string;
  endDate: string;
  halfTermStart: string | null;
  halfTermEnd: string | null;
}

export interface Closure { date: string; kind: 'inset' | 'bank_holiday' | 'closure'; description: string | null }

export interface AcademicYear {
  id: number;
  label: string;
  startDate: string;
  endDate: string;
  terms: Term[];
  closures: Closure[];
}

export interface LaContact { name: string; role: string | null; email: string | null; phone: string | null }

export interface LocalAuthority {
  id: number;
  name: string;
  laCode: string | null;
  vshName: string | null;
  vsEmail: string | null;
  vsPhone: string | null;
  vsAddress: string | null;
  epepSystem: string | null;
  initialPepSchoolDays: number;
  newSchoolPepSchoolDays: number;
  ppplusPencePerYear: number;
  ppplusPayment: 'termly' | 'annual' | 'on_request';
  ppplusConditions: string | null;
  qaScale: string | null;
  pepFilenamePattern: string | null;
  contacts: LaContact[];
  childCount: number;
}

export interface BackupInfo { name: string; createdAt: string; bytes: number; automatic: boolean }

// ---- input schemas ----------------------------------------------------------------------------

export const schoolSettingsInput = z.object({
  name: text(200).min(1, 'Enter the school name.'),
  urn: z.string().trim().regex(/^\d{6}$/, 'URN is six digits.').nullable().optional().or(z.literal('').transform(() => null)),
  headteacher: optionalText(100),
  designatedGovernor: optionalText(100),
  dtName: optionalText(100),
  deputyDtName: optionalText(100),
  address: optionalText(500),
  phone: optionalText(40),
  email,
  autoLockMinutes: z.number().int().min(1, 'Auto-lock must be at least 1 minute.').max(240, 'Auto-lock must be at most 240 minutes.'),
  backupKeep: z.number().int().min(1).max(100),
  backupEveryHours: z.number().int().min(1).max(720),
  attendanceActionPlanPercent: z.number().min(50).max(100),
  attendancePepReviewPercent: z.number().min(50).max(100),
  eswSessionWeeks: z.number().int().min(1).max(52),
  retentionYearsAfterDob: z.number().int().min(18).max(100),
}).strict();

const termInput = z.object({
  name: z.enum(['Autumn', 'Spring', 'Summer']),
  startDate: isoDate,
  endDate: isoDate,
  halfTermStart: isoDate.nullable().optional(),
  halfTermEnd: isoDate.nullable().optional(),
}).strict();

const closureInput = z.object({
  date: isoDate,
  kind: z.enum(['inset', 'bank_holiday', 'closure']),
  description: optionalText(200),
}).strict();

export const academicYearInput = z.object({
  id: id.optional(),
  label: z.string().regex(/^\d{4}-\d{2}$/, 'Academic year is written like 2025-26.').refine(
    (l) => (Number(l.slice(0, 4)) + 1) % 100 === Number(l.slice(5)), 'The second year must follow the first, like 2025-26.'),
  startDate: isoDate,
  endDate: isoDate,
  terms: z.array(termInput).max(3),
  closures: z.array(closureInput).max(100),
}).strict();

export const localAuthorityInput = z.object({
  id: id.optional(),
  name: text(200).min(1, 'Enter the local authority name.'),
  laCode: z.string().trim().regex(/^\d{3}$/, 'LA code is three digits.').nullable().optional().or(z.literal('').transform(() => null)),
  vshName: optionalText(100),
  vsEmail: email,
  vsPhone: optionalText(40),
  vsAddress: optionalText(500),
  epepSystem: optionalText(100),
  initialPepSchoolDays: z.number().int().min(1).max(100),
  newSchoolPepSchoolDays: z.number().int().min(1).max(100),
  ppplusPencePerYear: z.number().int().min(0).max(10_000_000),
  ppplusPayment: z.enum(['termly', 'annual', 'on_request']),
  ppplusConditions: optionalText(2000),
  qaScale: optionalText(200),
  pepFilenamePattern: optionalText(200),
  contacts: z.array(z.object({
    name: nameField, role: optionalText(100), email, phone: optionalText(40),
  }).strict()).max(20),
}).strict();

// ---- the operations ---------------------------------------------------------------------------

/** `locked: true` marks operations allowed while the register is locked or absent. */
export const coreOperations = {
  getStatus: op<AppStatus>()(empty, { locked: true }),
  checkPassphrase: op<StrengthResult>()(z.object({ passphrase: passphraseField }).strict(), { locked: true }),
  createRegister: op<{ recoveryKey: string; status: AppStatus }>()(z.object({
    schoolName: text(200).min(1, 'Enter the school name.'),
    userName: nameField,
    role,
    passphrase: passphraseField,
  }).strict(), { locked: true }),
  openDemoRegister: op<{ status: AppStatus; passphrase: string }>()(empty, { locked: true }),
  useMainRegister: op<AppStatus>()(empty, { locked: true }),
  unlock: op<AppStatus>()(z.object({ userId: uuid, passphrase: passphraseField }).strict(), { locked: true }),
  unlockWithRecoveryKey: op<AppStatus>()(z.object({ recoveryKey: z.string().max(100) }).strict(), { locked: true }),
  lock: op<AppStatus>()(empty, { locked: true }),
  noteActivity: op<{ lockAt: string | null }>()(empty, { locked: true }),

  resetPassphrase: op<AppStatus>()(z.object({ userId: uuid, newPassphrase: passphraseField }).strict()),
  listUsers: op<PublicUser[]>()(empty),
  addUser: op<PublicUser>()(z.object({ name: nameField, role, passphrase: passphraseField }).strict()),
  removeUser: op<PublicUser[]>()(z.object({ userId: uuid }).strict()),
  changePassphrase: op<null>()(z.object({ oldPassphrase: passphraseField, newPassphrase: passphraseField }).strict()),
  /** DT only, after re-entering their passphrase: replaces a lost recovery key; shown once. */
  newRecoveryKey: op<{ recoveryKey: string }>()(z.object({ passphrase: passphraseField }).strict()),

  getSettings: op<SchoolSettings>()(empty),
  updateSettings: op<SchoolSettings>()(schoolSettingsInput),
  listAcademicYears: op<AcademicYear[]>()(empty),
  saveAcademicYear: op<AcademicYear>()(academicYearInput),
  deleteAcademicYear: op<null>()(z.object({ id }).strict()),
  listLocalAuthorities: op<LocalAuthority[]>()(empty),
  saveLocalAuthority: op<LocalAuthority>()(localAuthorityInput),
  deleteLocalAuthority: op<null>()(z.object({ id }).strict()),

  listBackups: op<BackupInfo[]>()(empty),
  /** `file` is only honoured from the desktop shell's save dialog; browser mode writes to the backups folder. */
  backupNow: op<BackupInfo>()(z.object({ file: z.string().max(4096).optional() }).strict()),
  restoreBackup: op<{ restoredAs: string; status: AppStatus }>()(z.object({
    name: z.string().max(255).regex(/^[\w.-]+\.cicbackup$/, 'Choose a backup from the list.'),
    passphrase: passphraseField,
  }).strict()),
  /** Desktop only: asks where to save (native dialog) and writes the files. */
  saveFiles: op<{ saved: string[] }>()(z.object({ files: z.array(exportedFile).min(1).max(50) }).strict()),
} as const;

