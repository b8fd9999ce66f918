// Interventions and PP+: thin wrappers over main/services/interventions and main/services/ppplus.

import type { interventionOperations } from '../contract/interventions.ts';
import type { HandlerMap } from '../handler.ts';
import { localToday } from '../../services/calendar/index.ts';
import {
  createIntervention, deleteIntervention, deleteSessions, getIntervention, listInterventions, listSessionsDue, rateInterventionImpact,
  recordDaySessions, recordSessions, startInterventionFromBelowTarget, updateIntervention,
} from '../../services/interventions/index.ts';
import { deletePpPlusAllocation, getPpPlusPosition, listPpPlusAllocations, recordPpPlusAllocation } from '../../services/ppplus/index.ts';

const done = (_: void): null => null;

export const interventionHandlers: HandlerMap<keyof typeof interventionOperations> = {
  listInterventions: (ctx, input) => listInterventions(ctx.requireRegister(), input, localToday()),
  getIntervention: (ctx, { id }) => getIntervention(ctx.requireRegister(), id, localToday()),
  createIntervention: (ctx, input) => createIntervention(ctx.requireRegister(), input, localToday()),
  updateIntervention: (ctx, input) => updateIntervention(ctx.requireRegister(), input, localToday()),
  deleteIntervention: (ctx, { id }) => done(deleteIntervention(ctx.requireRegister(), id)),
  recordInterventionSessions: (ctx, input) => recordSessions(ctx.requireRegister(), input, localToday()),
  deleteInterventionSessions: (ctx, { interventionId, dates }) => deleteSessions(ctx.requireRegister(), interventionId, dates, localToday()),
  listSessionsDue: (ctx, { date }) => listSessionsDue(ctx.requireRegister(), date ?? localToday()),
  recordDaySessions: (ctx, input) => recordDaySessions(ctx.requireRegister(), input, localToday()),
  rateInterventionImpact: (ctx, input) => rateInterventionImpact(ctx.requireRegister(), input, localToday()),
  startInterventionFromBelowTarget: (ctx, input) => startInterventionFromBelowTarget(ctx.requireRegister(), input, localToday()),

  getPpPlusPosition: (ctx, input) => getPpPlusPosition(ctx.requireRegister(), input, localToday()),
  listPpPlusAllocations: (ctx, input) => listPpPlusAllocations(ctx.requireRegister(), input),
  recordPpPlusAllocation: (ctx, input) => recordPpPlusAllocation(ctx.requireRegister(), input, localToday()),
  deletePpPlusAllocation: (ctx, { id }) => done(deletePpPlusAllocation(ctx.requireRegister(), id)),
};
