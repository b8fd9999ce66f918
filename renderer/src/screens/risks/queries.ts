// react-query hooks for the risk register. Every key starts with 'risks' (keys.risks).

import { useQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';

const R = keys.risks[0];
export type RiskFilter = Input<'listRisks'>;

export const rk = {
  list: (f: RiskFilter) => [R, 'list', f] as const,
  detail: (id: number) => [R, 'detail', id] as const,
  heatMap: [R, 'heatmap'] as const,
  templates: [R, 'templates'] as const,
};

export const useRisks = (filter: RiskFilter) =>
  useQuery<Output<'listRisks'>, ApiError>({ queryKey: rk.list(filter), queryFn: () => call('listRisks', filter), placeholderData: (prev) => prev });

export const useRisk = (id: number) =>
  useQuery<Output<'getRisk'>, ApiError>({ queryKey: rk.detail(id), queryFn: () => call('getRisk', { id }) });

export const useHeatMap = () =>
  useQuery<Output<'getRiskHeatMap'>, ApiError>({ queryKey: rk.heatMap, queryFn: () => call('getRiskHeatMap', {}) });

export const useRiskTemplates = () =>
  useQuery<Output<'listRiskTemplates'>, ApiError>({ queryKey: rk.templates, queryFn: () => call('listRiskTemplates', {}) });
