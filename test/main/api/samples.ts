// One valid input per operation. The contract test checks every operation has one, so a new
// operation cannot skip the malformed-input checks.
import type { Input, OperationName } from '../../../main/api/contract.ts';

const UUID = '00000000-0000-4000-8000-000000000000';

export const VALID_SAMPLES: { [N in OperationName]: Input<N> } = {
  getStatus: {},
  checkPassphrase: { passphrase: 'correct horse battery staple' },
  createRegister: { schoolName: 'Fictional School', userName: 'A. Teacher', role: 'dt', passphrase: 'correct horse battery staple' },
  openDemoRegister: {},
  useMainRegister: {},
  unlock: { userId: UUID, passphrase: 'correct horse battery staple' },
  unlockWithRecoveryKey: { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
  lock: {},
  noteActivity: {},
  resetPassphrase: { userId: UUID, newPassphrase: 'correct horse battery staple' },
  listUsers: {},
  addUser: { name: 'B. Deputy', role: 'deputy', passphrase: 'another long passphrase 42' },
  removeUser: { userId: UUID },
  changePassphrase: { oldPassphrase: 'x', newPassphrase: 'another long passphrase 42' },
  getSettings: {},
  updateSettings: {
    name: 'Fictional School', urn: '123456', headteacher: null, designatedGovernor: null, dtName: null, deputyDtName: null,
    address: null, phone: null, email: null, autoLockMinutes: 10, backupKeep: 10, backupEveryHours: 24,
    attendanceActionPlanPercent: 90, attendancePepReviewPercent: 85, eswSessionWeeks: 4, retentionYearsAfterDob: 25,
  },
  listAcademicYears: {},
  saveAcademicYear: { label: '2025-26', startDate: '2025-09-01', endDate: '2026-08-31', terms: [], closures: [] },
  deleteAcademicYear: { id: 999 },
  listLocalAuthorities: {},
  saveLocalAuthority: {
    name: 'Fictional County Council', laCode: '999', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20,
    ppplusPencePerYear: 257000, ppplusPayment: 'termly', contacts: [],
  },
  deleteLocalAuthority: { id: 999 },
  listBackups: {},
  backupNow: {},
  restoreBackup: { name: 'auto-x.cicbackup', passphrase: 'x' },
  saveFiles: { files: [{ fileName: 'a.pdf', mimeType: 'application/pdf', base64: 'JVBERg==' }] },
};
