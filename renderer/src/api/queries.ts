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
};

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
