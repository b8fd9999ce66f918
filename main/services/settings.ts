// School settings: one row, mapped between the table's snake_case and the API's camelCase.

import type { Register } from '../../db/register.ts';
import { qb } from '../../db/query.ts';
import { NotFoundError } from '../../db/errors.ts';
import type { SchoolSettings } from '../api/contract.ts';

export function getSchoolSettings(register: Register): SchoolSettings {
  const r = register.one(qb.selectFrom('school').selectAll().where('id', '=', 1));
  if (!r) throw new NotFoundError('The school settings');
  return {
    name: r.name,
    urn: r.urn,
    headteacher: r.headteacher,
    designatedGovernor: r.designated_governor,
    dtName: r.dt_name,
    deputyDtName: r.deputy_dt_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    autoLockMinutes: r.auto_lock_minutes,
    backupKeep: r.backup_keep,
    backupEveryHours: r.backup_every_hours,
    attendanceActionPlanPercent: r.attendance_action_plan_percent,
    attendancePepReviewPercent: r.attendance_pep_review_percent,
    eswSessionWeeks: r.esw_session_weeks,
    retentionYearsAfterDob: r.retention_years_after_dob,
  };
}

export function updateSchoolSettings(register: Register, s: SchoolSettings): SchoolSettings {
  register.transaction(() => {
    register.run(qb.updateTable('school').where('id', '=', 1).set({
      name: s.name,
      urn: s.urn ?? null,
      headteacher: s.headteacher ?? null,
      designated_governor: s.designatedGovernor ?? null,
      dt_name: s.dtName ?? null,
      deputy_dt_name: s.deputyDtName ?? null,
      address: s.address ?? null,
      phone: s.phone ?? null,
      email: s.email ?? null,
      auto_lock_minutes: s.autoLockMinutes,
      backup_keep: s.backupKeep,
      backup_every_hours: s.backupEveryHours,
      attendance_action_plan_percent: s.attendanceActionPlanPercent,
      attendance_pep_review_percent: s.attendancePepReviewPercent,
      esw_session_weeks: s.eswSessionWeeks,
      retention_years_after_dob: s.retentionYearsAfterDob,
      updated_at: new Date().toISOString(),
    }));
    register.audit({ action: 'settings.update', recordType: 'school', recordId: 1 });
  });
  return getSchoolSettings(register);
}
