// react-query hooks over the typed client. Query keys live here so mutations can invalidate them.

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AppStatus, Input, OperationName, Output } from './contract.ts';
import { call } from './client.ts';
import type { ApiError } from './errors.ts';

export const keys = {
  status: ['status'] as const,
  settings: ['settings'] as const,
  users: ['users'] as const,
  academicYears: ['academicYears'] as const,
  localAuthorities: ['localAuthorities'] as const,
  backups: ['backups'] as const,
  /** Every query of the Progress area starts with this (screens/progress/queries.ts). */
  progress: ['progress'] as const,
  children: ['children'] as const,
  /** Issue 6: every query of the Interventions (and PP+), Risks and Dashboard screens starts with one of these. */
  interventions: ['interventions'] as const,
  risks: ['risks'] as const,
  dashboard: ['dashboard'] as const,
  /** Issue 7: every query of the PEPs area starts with this (screens/peps/queries.ts). */
  peps: ['peps'] as const,
};

/** The Children grid for one view, and one child's file (both under keys.children). */
export const childListKey = (view: 'current' | 'leavers' | 'all') => ['children', 'list', view] as const;
export const childFileKey = (id: number) => ['children', 'file', id] as const;

/** How often the app asks whether the register is still unlocked (getStatus is not activity). */
export const STATUS_POLL_MS = 2000;

export function useStatus() {
  return useQuery<AppStatus, ApiError>({
    queryKey: keys.status,
    queryFn: () => call('getStatus', {}),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    retry: 1,
  });
}

/** Puts a fresh status into the cache (operations like unlock and lock return one). */
export function setStatus(qc: QueryClient, status: AppStatus): void {
  qc.setQueryData(keys.status, status);
}

/** Drops everything read from the register: used whenever it locks. */
export function forgetRegisterData(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.status[0] });
}

export function useSettings() {
  return useQuery<Output<'getSettings'>, ApiError>({ queryKey: keys.settings, queryFn: () => call('getSettings', {}) });
}

export function useUsers() {
  return useQuery<Output<'listUsers'>, ApiError>({ queryKey: keys.users, queryFn: () => call('listUsers', {}) });
}

export function useAcademicYears() {
  return useQuery<Output<'listAcademicYears'>, ApiError>({ queryKey: keys.academicYears, queryFn: () => call('listAcademicYears', {}) });
}

export function useLocalAuthorities() {
  return useQuery<Output<'listLocalAuthorities'>, ApiError>({ queryKey: keys.localAuthorities, queryFn: () => call('listLocalAuthorities', {}) });
}

/** One LA's PEP cut-off dates, under keys.localAuthorities: whatever refreshes the LAs refreshes these. */
export const laPepDeadlinesKey = (laId: number) => ['localAuthorities', laId, 'pepDeadlines'] as const;

export function useLaPepDeadlines(laId: number) {
  return useQuery<Output<'listLaPepDeadlines'>, ApiError>({ queryKey: laPepDeadlinesKey(laId), queryFn: () => call('listLaPepDeadlines', { laId }) });
}

export function useChildren(view: 'current' | 'leavers' | 'all') {
  return useQuery<Output<'listChildren'>, ApiError>({ queryKey: childListKey(view), queryFn: () => call('listChildren', { view }) });
}

export function useChildFile(id: number) {
  return useQuery<Output<'getChild'>, ApiError>({ queryKey: childFileKey(id), queryFn: () => call('getChild', { id }) });
}

export function useBackups() {
  return useQuery<Output<'listBackups'>, ApiError>({ queryKey: keys.backups, queryFn: () => call('listBackups', {}) });
}

/** A mutation for one operation that refreshes the given queries (and the status) on success. */
export function useOperation<N extends OperationName>(name: N, invalidate: readonly (readonly string[])[] = []) {
  const qc = useQueryClient();
  return useMutation<Output<N>, ApiError, Input<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async () => {
      await Promise.all([keys.status, ...invalidate].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}
