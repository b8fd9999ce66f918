import type { OperationName } from '../contract.ts';
import type { HandlerMap } from '../handler.ts';
import { backupHandlers } from './backups.ts';
import { childrenHandlers } from './children.ts';
import { importHandlers } from './imports.ts';
import { progressHandlers } from './progress.ts';
import { pepHandlers } from './peps.ts';
import { interventionHandlers } from './interventions.ts';
import { riskHandlers } from './risks.ts';
import { dashboardHandlers } from './dashboard.ts';
import { sessionHandlers } from './session.ts';
import { settingsHandlers } from './settings.ts';
import { userHandlers } from './users.ts';
import { surveyHandlers } from './survey.ts';
import { reportHandlers } from './report.ts';

/** Every operation in the contract must have exactly one handler: the type checks completeness. */
export const handlers: HandlerMap<OperationName> = {
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...backupHandlers,
  ...childrenHandlers,
  ...importHandlers,
  ...progressHandlers,
  ...pepHandlers,
  ...interventionHandlers,
  ...riskHandlers,
  ...dashboardHandlers,
  ...surveyHandlers,
  ...reportHandlers,
};
