// Children's records: thin wrappers over main/services/children. Mutations return the refreshed
// child's file, so the UI can replace its cached copy in one step.

import { localToday } from '../../services/children/dates.ts';
import { getChildFile } from '../../services/children/childFile.ts';
import {
  cancelChildLeaving, createChild, deleteChild, listChildren, markChildLeft, updateChild,
} from '../../services/children/children.ts';
import { exportChildrenCsv, subjectAccessExport } from '../../services/children/exports.ts';
import * as records from '../../services/children/records.ts';
import type { AppContext } from '../context.ts';
import type { ChildFile } from '../contract.ts';
import type { HandlerMap } from '../handler.ts';

/** Runs a write that returns the child's id, then reads their file for today. */
function thenFile(ctx: AppContext, write: (today: string) => number): ChildFile {
  const r = ctx.requireRegister();
  const today = localToday();
  return getChildFile(r, write(today), today);
}

export const childrenHandlers: HandlerMap<
  'listChildren' | 'getChild' | 'createChild' | 'updateChild' | 'markChildLeft' | 'cancelChildLeaving' | 'deleteChild'
  | 'addPlacement' | 'updatePlacement' | 'deletePlacement' | 'addEducationHistory' | 'updateEducationHistory' | 'deleteEducationHistory'
  | 'addPriorAttainment' | 'updatePriorAttainment' | 'deletePriorAttainment' | 'addAttendancePeriod' | 'updateAttendancePeriod'
  | 'deleteAttendancePeriod' | 'addExclusion' | 'updateExclusion' | 'deleteExclusion' | 'addVoiceEntry' | 'updateVoiceEntry'
  | 'deleteVoiceEntry' | 'subjectAccessExport' | 'exportChildrenCsv'
> = {
  listChildren: (ctx, { view }) => listChildren(ctx.requireRegister(), view, localToday()),
  getChild: (ctx, { id }) => getChildFile(ctx.requireRegister(), id, localToday()),
  createChild: (ctx, input) => thenFile(ctx, (today) => createChild(ctx.requireRegister(), input, today)),
  updateChild: (ctx, input) => thenFile(ctx, (today) => updateChild(ctx.requireRegister(), input, today)),
  markChildLeft: (ctx, input) => thenFile(ctx, (today) => markChildLeft(ctx.requireRegister(), input, today)),
  cancelChildLeaving: (ctx, { id }) => thenFile(ctx, () => cancelChildLeaving(ctx.requireRegister(), id)),
  deleteChild: (ctx, { id, confirm }) => {
    deleteChild(ctx.requireRegister(), id, confirm);
    return null;
  },

  addPlacement: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addPlacement(ctx.requireRegister(), childId, b, t)),
  updatePlacement: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updatePlacement(ctx.requireRegister(), id, b, t)),
  deletePlacement: (ctx, { id }) => thenFile(ctx, () => records.deletePlacement(ctx.requireRegister(), id)),
  addEducationHistory: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addEducationHistory(ctx.requireRegister(), childId, b, t)),
  updateEducationHistory: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updateEducationHistory(ctx.requireRegister(), id, b, t)),
  deleteEducationHistory: (ctx, { id }) => thenFile(ctx, () => records.deleteEducationHistory(ctx.requireRegister(), id)),
  addPriorAttainment: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addPriorAttainment(ctx.requireRegister(), childId, b, t)),
  updatePriorAttainment: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updatePriorAttainment(ctx.requireRegister(), id, b, t)),
  deletePriorAttainment: (ctx, { id }) => thenFile(ctx, () => records.deletePriorAttainment(ctx.requireRegister(), id)),
  addAttendancePeriod: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addAttendancePeriod(ctx.requireRegister(), childId, b, t)),
  updateAttendancePeriod: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updateAttendancePeriod(ctx.requireRegister(), id, b, t)),
  deleteAttendancePeriod: (ctx, { id }) => thenFile(ctx, () => records.deleteAttendancePeriod(ctx.requireRegister(), id)),
  addExclusion: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addExclusion(ctx.requireRegister(), childId, b, t)),
  updateExclusion: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updateExclusion(ctx.requireRegister(), id, b, t)),
  deleteExclusion: (ctx, { id }) => thenFile(ctx, () => records.deleteExclusion(ctx.requireRegister(), id)),
  addVoiceEntry: (ctx, { childId, ...b }) => thenFile(ctx, (t) => records.addVoiceEntry(ctx.requireRegister(), childId, b, t)),
  updateVoiceEntry: (ctx, { id, ...b }) => thenFile(ctx, (t) => records.updateVoiceEntry(ctx.requireRegister(), id, b, t)),
  deleteVoiceEntry: (ctx, { id }) => thenFile(ctx, () => records.deleteVoiceEntry(ctx.requireRegister(), id)),

  subjectAccessExport: async (ctx, { childId }) => ({ files: await subjectAccessExport(ctx.requireRegister(), childId, localToday()) }),
  exportChildrenCsv: (ctx, { view }) => ({ files: [exportChildrenCsv(ctx.requireRegister(), view, localToday())] }),
};
