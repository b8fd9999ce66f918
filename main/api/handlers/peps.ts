// PEPs: thin wrappers over main/services/peps. Every change returns the refreshed PEP, so the
// editor can replace its cached copy in one step.

import { localToday } from '../../services/calendar/index.ts';
import {
  changePepStatus, checkSmart, createPep, deletePep, deletePepAction, deletePepTarget, exportPep, getLaPepFormat, getPep, getPepSectionText,
  listPeps, recordPepQuality, refreshPepSnapshot, reviewPreviousTarget, saveLaPepFormat, savePepAction, savePepTarget, setPepAttendees, updatePep,
} from '../../services/peps/index.ts';
import { subjectTerms } from '../../services/peps/peps.ts';
import type { AppContext } from '../context.ts';
import type { PepDetail } from '../contract.ts';
import type { pepOperations } from '../contract/peps.ts';
import type { HandlerMap } from '../handler.ts';

/** Runs a write that returns the PEP's id (or nothing, for the id given), then reads it for today. */
function thenPep(ctx: AppContext, id: number | ((today: string) => number), write?: (today: string) => void): PepDetail {
  const r = ctx.requireRegister();
  const today = localToday();
  const pepId = typeof id === 'function' ? id(today) : id;
  write?.(today);
  return getPep(r, pepId, today);
}

export const pepHandlers: HandlerMap<keyof typeof pepOperations> = {
  listPeps: (ctx, f) => listPeps(ctx.requireRegister(), f, localToday()),
  getPep: (ctx, { id }) => getPep(ctx.requireRegister(), id, localToday()),
  createPep: (ctx, input) => thenPep(ctx, (today) => createPep(ctx.requireRegister(), input, today)),
  updatePep: (ctx, { id, ...fields }) => thenPep(ctx, id, (today) => updatePep(ctx.requireRegister(), id, fields, today)),
  refreshPepSnapshot: (ctx, { id }) => thenPep(ctx, id, (today) => refreshPepSnapshot(ctx.requireRegister(), id, today)),
  deletePep: (ctx, { id }) => {
    deletePep(ctx.requireRegister(), id);
    return null;
  },

  savePepTarget: (ctx, input) => thenPep(ctx, input.pepId, () => savePepTarget(ctx.requireRegister(), input)),
  deletePepTarget: (ctx, { id }) => thenPep(ctx, () => deletePepTarget(ctx.requireRegister(), id)),
  reviewPreviousTarget: (ctx, input) => thenPep(ctx, () => reviewPreviousTarget(ctx.requireRegister(), input)),
  savePepAction: (ctx, input) => thenPep(ctx, input.pepId, () => savePepAction(ctx.requireRegister(), input)),
  deletePepAction: (ctx, { id }) => thenPep(ctx, () => deletePepAction(ctx.requireRegister(), id)),
  setPepAttendees: (ctx, { pepId, attendees }) => thenPep(ctx, pepId, () => setPepAttendees(ctx.requireRegister(), pepId, attendees)),

  changePepStatus: (ctx, input) => thenPep(ctx, input.id, (today) => changePepStatus(ctx.requireRegister(), input, today)),
  recordPepQuality: (ctx, input) => thenPep(ctx, input.id, () => recordPepQuality(ctx.requireRegister(), input)),

  checkSmartTarget: (ctx, { notBefore, ...target }) => checkSmart(target, { notBefore, extraTerms: subjectTerms(ctx.requireRegister()) }),
  getPepSectionText: (ctx, input) => getPepSectionText(ctx.requireRegister(), input),
  exportPep: async (ctx, input) => ({ files: [await exportPep(ctx.requireRegister(), input)] }),

  getLaPepFormat: (ctx, { laId }) => getLaPepFormat(ctx.requireRegister(), laId),
  saveLaPepFormat: (ctx, input) => saveLaPepFormat(ctx.requireRegister(), input),
};
