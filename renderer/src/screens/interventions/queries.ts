// react-query hooks for the Interventions area and Pupil Premium Plus. Every key starts with
// 'interventions' (keys.interventions), so one invalidation refreshes the area.

import { useQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';

const I = keys.interventions[0];

export type InterventionFilter = Input<'listInterventions'>;

export const ik = {
  list: (filter: InterventionFilter) => [I, 'list', filter] as const,
  detail: (id: number) => [I, 'detail', id] as const,
  due: (date: string) => [I, 'due', date] as const,
  ppPlus: (year: string | null) => [I, 'ppplus', year ?? 'current'] as const,
  draft: (childId: number, subjectId: number, windowId: number) => [I, 'draft', childId, subjectId, windowId] as const,
};

export const useInterventions = (filter: InterventionFilter) =>
  useQuery<Output<'listInterventions'>, ApiError>({ queryKey: ik.list(filter), queryFn: () => call('listInterventions', filter), placeholderData: (prev) => prev });

export const useIntervention = (id: number | null) =>
  useQuery<Output<'getIntervention'>, ApiError>({ queryKey: ik.detail(id ?? 0), queryFn: () => call('getIntervention', { id: id! }), enabled: id !== null });

export const useSessionsDue = (date: string) =>
  useQuery<Output<'listSessionsDue'>, ApiError>({ queryKey: ik.due(date), queryFn: () => call('listSessionsDue', { date }) });

export const usePpPlusPosition = (financialYear: string | null) =>
  useQuery<Output<'getPpPlusPosition'>, ApiError>({
    queryKey: ik.ppPlus(financialYear),
    queryFn: () => call('getPpPlusPosition', financialYear ? { financialYear } : {}),
    placeholderData: (prev) => prev,
  });

/** A pre-filled intervention from a below-target flag (not saved until the form is). */
export const useInterventionDraft = (from: { childId: number; subjectId: number; windowId: number } | null) =>
  useQuery<Output<'startInterventionFromBelowTarget'>, ApiError>({
    queryKey: ik.draft(from?.childId ?? 0, from?.subjectId ?? 0, from?.windowId ?? 0),
    queryFn: () => call('startInterventionFromBelowTarget', { childId: from!.childId, subjectId: from!.subjectId, windowId: from!.windowId }),
    enabled: from !== null,
    staleTime: Infinity,
  });
