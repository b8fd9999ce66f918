// react-query hooks for the Progress area. Every key starts with 'progress' (keys.progress), so
// one invalidation refreshes the whole area after a change.

import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { OperationName, Output } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';

const P = keys.progress[0];

export const pk = {
  subjects: [P, 'subjects'] as const,
  teachers: (includeLeft: boolean) => [P, 'teachers', includeLeft] as const,
  timetable: (childId: number) => [P, 'timetable', childId] as const,
  timetableAll: [P, 'timetable', 'all'] as const,
  sla: [P, 'sla'] as const,
  providers: [P, 'providers'] as const,
  providerReports: (providerId: number) => [P, 'providerReports', providerId] as const,
  scales: [P, 'scales'] as const,
  windows: [P, 'windows'] as const,
  grid: (windowId: number) => [P, 'grid', windowId] as const,
  returnDetail: (id: number, version: string) => [P, 'return', id, version] as const,
  completion: (windowId: number) => [P, 'completion', windowId] as const,
  checklist: (windowId: number) => [P, 'checklist', windowId] as const,
  summary: (windowId: number) => [P, 'summary', windowId] as const,
  childProgress: (childId: number) => [P, 'child', childId] as const,
  chaseQueue: (asOf: string) => [P, 'chase', asOf] as const,
};

/** Refreshes everything in the Progress area (except, optionally, one returns grid being edited). */
export function invalidateProgress(qc: QueryClient, opts: { exceptGrid?: number } = {}): Promise<void> {
  return qc.invalidateQueries({
    predicate: (q) => q.queryKey[0] === P && !(opts.exceptGrid !== undefined && q.queryKey[1] === 'grid' && q.queryKey[2] === opts.exceptGrid),
  });
}

type Q<N extends OperationName> = UseQueryResult<Output<N>, ApiError>;

export const useSubjects = (): Q<'listSubjects'> =>
  useQuery<Output<'listSubjects'>, ApiError>({ queryKey: pk.subjects, queryFn: () => call('listSubjects', {}) });

export const useTeachers = (includeLeft = false): Q<'listTeachers'> =>
  useQuery<Output<'listTeachers'>, ApiError>({ queryKey: pk.teachers(includeLeft), queryFn: () => call('listTeachers', { includeLeft }) });

export const useChildTimetable = (childId: number | null): Q<'listTimetable'> =>
  useQuery<Output<'listTimetable'>, ApiError>({
    queryKey: pk.timetable(childId ?? 0), queryFn: () => call('listTimetable', { childId: childId! }), enabled: childId !== null,
  });

export const useAllTimetable = (): Q<'listTimetable'> =>
  useQuery<Output<'listTimetable'>, ApiError>({ queryKey: pk.timetableAll, queryFn: () => call('listTimetable', {}) });

export const useSla = (): Q<'getSlaSettings'> =>
  useQuery<Output<'getSlaSettings'>, ApiError>({ queryKey: pk.sla, queryFn: () => call('getSlaSettings', {}) });

export const useProviders = (): Q<'listProviders'> =>
  useQuery<Output<'listProviders'>, ApiError>({ queryKey: pk.providers, queryFn: () => call('listProviders', {}) });

export const useProviderReports = (providerId: number | null): Q<'listProviderReports'> =>
  useQuery<Output<'listProviderReports'>, ApiError>({
    queryKey: pk.providerReports(providerId ?? 0), queryFn: () => call('listProviderReports', { providerId: providerId! }), enabled: providerId !== null,
  });

export const useGradeScales = (): Q<'listGradeScales'> =>
  useQuery<Output<'listGradeScales'>, ApiError>({ queryKey: pk.scales, queryFn: () => call('listGradeScales', {}) });

export const useWindows = (): Q<'listAssessmentWindows'> =>
  useQuery<Output<'listAssessmentWindows'>, ApiError>({ queryKey: pk.windows, queryFn: () => call('listAssessmentWindows', {}) });

export const useReturnsGrid = (windowId: number | null): Q<'getReturnsGrid'> =>
  useQuery<Output<'getReturnsGrid'>, ApiError>({
    queryKey: pk.grid(windowId ?? 0), queryFn: () => call('getReturnsGrid', { windowId: windowId! }), enabled: windowId !== null,
  });

export const useWindowCompletion = (windowId: number | null): Q<'getWindowCompletion'> =>
  useQuery<Output<'getWindowCompletion'>, ApiError>({
    queryKey: pk.completion(windowId ?? 0), queryFn: () => call('getWindowCompletion', { windowId: windowId! }), enabled: windowId !== null,
  });

export const useTeacherChecklist = (windowId: number | null): Q<'getTeacherChecklist'> =>
  useQuery<Output<'getTeacherChecklist'>, ApiError>({
    queryKey: pk.checklist(windowId ?? 0), queryFn: () => call('getTeacherChecklist', { windowId: windowId! }), enabled: windowId !== null,
  });

export const useWindowSummary = (windowId: number | null): Q<'getWindowSummary'> =>
  useQuery<Output<'getWindowSummary'>, ApiError>({
    queryKey: pk.summary(windowId ?? 0), queryFn: () => call('getWindowSummary', { windowId: windowId! }), enabled: windowId !== null,
  });

export const useChildProgress = (childId: number | null): Q<'getChildProgress'> =>
  useQuery<Output<'getChildProgress'>, ApiError>({
    queryKey: pk.childProgress(childId ?? 0), queryFn: () => call('getChildProgress', { childId: childId! }), enabled: childId !== null,
  });

export const useChaseQueue = (asOf: string | null): Q<'getChaseQueue'> =>
  useQuery<Output<'getChaseQueue'>, ApiError>({
    queryKey: pk.chaseQueue(asOf ?? ''), queryFn: () => call('getChaseQueue', { asOf: asOf! }), enabled: asOf !== null,
  });
