// The one seam between the UI and the register (DESIGN.md "The one seam"): every operation, its
// zod input schema and its output type, assembled from one module per area under contract/.
// main/electron (IPC), main/web (HTTP) and preload all derive from this list; the renderer imports
// it for types and for the same schemas in its forms. Must stay free of Node and DOM imports.

import type { z } from 'zod';
import type { ErrorCode, FieldIssue } from '../../db/errors.ts';
import { coreOperations } from './contract/core.ts';
import { childrenOperations } from './contract/children.ts';
import { importOperations } from './contract/imports.ts';
import { progressOperations } from './contract/progress.ts';
import { pepOperations } from './contract/peps.ts';
import { interventionOperations } from './contract/interventions.ts';
import { riskOperations } from './contract/risks.ts';
import { dashboardOperations } from './contract/dashboard.ts';
import { surveyOperations } from './contract/survey.ts';
import { reportOperations } from './contract/report.ts';
import { laPepDeadlineOperations } from './contract/laPepDeadlines.ts';

export * from './contract/fields.ts';
export * from './contract/yearGroup.ts';
export * from './contract/upn.ts';
export * from './contract/pepFileName.ts';
export * from './contract/pepTerms.ts';
export * from './contract/core.ts';
export * from './contract/children.ts';
export * from './contract/imports.ts';
export * from './contract/codes.ts';
export * from './contract/upn.ts';
export * from './contract/progress.ts';
export * from './contract/peps.ts';
export * from './contract/interventions.ts';
export * from './contract/risks.ts';
export * from './contract/dashboard.ts';
export * from './contract/survey.ts';
export * from './contract/report.ts';
export * from './contract/laPepDeadlines.ts';

export const contract = {
  ...coreOperations,
  ...childrenOperations,
  ...importOperations,
  ...progressOperations,
  ...pepOperations,
  ...interventionOperations,
  ...riskOperations,
  ...dashboardOperations,
  ...surveyOperations,
  ...reportOperations,
  ...laPepDeadlineOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export type Input<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type Output<N extends OperationName> = Exclude<Contract[N]['output'], undefined>;

export interface ApiError { code: ErrorCode | 'Internal'; message: string; issues: FieldIssue[] }
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What `window.register` is, in Electron (preload) and in browser mode (the fetch shim). */
export type RegisterApi = { [N in OperationName]: (input: Input<N>) => Promise<ApiResult<Output<N>>> };
