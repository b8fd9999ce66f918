// The risk register: thin wrappers over main/services/risks.

import type { riskOperations } from '../contract/risks.ts';
import type { HandlerMap } from '../handler.ts';
import { localToday } from '../../services/calendar/index.ts';
import {
  createRisk, createRiskFromTemplate, deleteRisk, getRisk, getRiskHeatMap, listRisks, listRiskTemplates, reviewRisk, updateRisk,
} from '../../services/risks/index.ts';

const done = (_: void): null => null;

export const riskHandlers: HandlerMap<keyof typeof riskOperations> = {
  listRisks: (ctx, input) => listRisks(ctx.requireRegister(), input, localToday()),
  getRisk: (ctx, { id }) => getRisk(ctx.requireRegister(), id, localToday()),
  createRisk: (ctx, input) => createRisk(ctx.requireRegister(), input, localToday()),
  updateRisk: (ctx, input) => updateRisk(ctx.requireRegister(), input, localToday()),
  deleteRisk: (ctx, { id }) => done(deleteRisk(ctx.requireRegister(), id)),
  reviewRisk: (ctx, input) => reviewRisk(ctx.requireRegister(), input, localToday()),
  getRiskHeatMap: (ctx, { statuses }) => getRiskHeatMap(ctx.requireRegister(), statuses),
  listRiskTemplates: (ctx) => listRiskTemplates(ctx.requireRegister()),
  createRiskFromTemplate: (ctx, input) => createRiskFromTemplate(ctx.requireRegister(), input, localToday()),
};
