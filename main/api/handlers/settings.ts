import { deleteAcademicYear, listAcademicYears, saveAcademicYear } from '../../services/academicYears.ts';
import { listLaPepDeadlines, saveLaPepDeadlines } from '../../services/laPepDeadlines.ts';
import { deleteLocalAuthority, listLocalAuthorities, saveLocalAuthority } from '../../services/localAuthorities.ts';
import { getSchoolSettings, updateSchoolSettings } from '../../services/settings.ts';
import type { HandlerMap } from '../handler.ts';

export const settingsHandlers: HandlerMap<
  'getSettings' | 'updateSettings' | 'listAcademicYears' | 'saveAcademicYear' | 'deleteAcademicYear'
  | 'listLocalAuthorities' | 'saveLocalAuthority' | 'deleteLocalAuthority' | 'listLaPepDeadlines' | 'saveLaPepDeadlines'
> = {
  getSettings: (ctx) => getSchoolSettings(ctx.requireRegister()),
  updateSettings: (ctx, input) => {
    const s = updateSchoolSettings(ctx.requireRegister(), {
      ...input,
      urn: input.urn ?? null, headteacher: input.headteacher ?? null, designatedGovernor: input.designatedGovernor ?? null,
      dtName: input.dtName ?? null, deputyDtName: input.deputyDtName ?? null, address: input.address ?? null,
      phone: input.phone ?? null, email: input.email ?? null,
    });
    ctx.applyAutoLockSetting();
    return s;
  },
  listAcademicYears: (ctx) => listAcademicYears(ctx.requireRegister()),
  saveAcademicYear: (ctx, input) => saveAcademicYear(ctx.requireRegister(), input),
  deleteAcademicYear: (ctx, { id }) => {
    deleteAcademicYear(ctx.requireRegister(), id);
    return null;
  },
  listLocalAuthorities: (ctx) => listLocalAuthorities(ctx.requireRegister()),
  saveLocalAuthority: (ctx, input) => saveLocalAuthority(ctx.requireRegister(), input),
  deleteLocalAuthority: (ctx, { id }) => {
    deleteLocalAuthority(ctx.requireRegister(), id);
    return null;
  },
  // Both the DT and the deputy may edit them, as for the rest of a local authority.
  listLaPepDeadlines: (ctx, { laId }) => listLaPepDeadlines(ctx.requireRegister(), laId),
  saveLaPepDeadlines: (ctx, input) => saveLaPepDeadlines(ctx.requireRegister(), input),
};
