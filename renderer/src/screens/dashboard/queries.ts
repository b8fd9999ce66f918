// react-query hooks for the Dashboard, and the refresh every issue 6 change needs: an intervention,
// a PP+ allocation or a risk review changes alerts, totals and deadlines across the app.

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input, OperationName, Output } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';

const D = keys.dashboard[0];

export const dk = {
  dashboard: (weeks: number) => [D, 'home', weeks] as const,
  thresholds: [D, 'thresholds'] as const,
};

/** Weeks of deadlines the dashboard's calendar covers. */
export const CALENDAR_WEEKS = 6;

export const useDashboard = () =>
  useQuery<Output<'getDashboard'>, ApiError>({ queryKey: dk.dashboard(CALENDAR_WEEKS), queryFn: () => call('getDashboard', { calendarWeeks: CALENDAR_WEEKS }) });

export const useAlertThresholds = () =>
  useQuery<Output<'getAlertThresholds'>, ApiError>({ queryKey: dk.thresholds, queryFn: () => call('getAlertThresholds', {}) });

const KEEP = new Set<unknown>([keys.status[0], keys.settings[0], keys.users[0], keys.backups[0]]);

/** Marks everything read from the register as stale (not the status, settings, users or backups). */
export function refreshRegisterData(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ predicate: (q) => !KEEP.has(q.queryKey[0]) });
}

/** Runs an operation, then refreshes every screen's data; the operation's answer is returned. */
export function useRegisterChange() {
  const qc = useQueryClient();
  return async <N extends OperationName>(name: N, input: Input<N>): Promise<Output<N>> => {
    const value = await call(name, input);
    await refreshRegisterData(qc);
    return value;
  };
}
