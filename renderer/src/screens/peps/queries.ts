// react-query hooks for the PEPs area. Every key starts with 'peps' (keys.peps). Every change to a
// PEP returns the whole refreshed PEP, which goes straight into the editor's cache; the lists and
// anything derived from PEPs elsewhere (a child's "next PEP", the dashboard's alerts) are marked stale.

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input, OperationName, Output, PepDetail, PepTermName } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';

const P = keys.peps[0];

export interface TermChoice { academicYear: string; term: PepTermName }

export const pk = {
  list: (term: TermChoice | null) => [P, 'list', term ? `${term.academicYear}-${term.term}` : 'current'] as const,
  detail: (id: number) => [P, 'detail', id] as const,
  format: (laId: number) => [P, 'format', laId] as const,
};

/**
 * The PEPs of one term and the looked-after children with no PEP for it. (listPeps lists the
 * children not started only when given a term, so the list always asks for one.)
 */
export const usePepList = (term: TermChoice | null) =>
  useQuery<Output<'listPeps'>, ApiError>({
    queryKey: pk.list(term),
    queryFn: () => call('listPeps', { academicYear: term!.academicYear, term: term!.term }),
    enabled: term !== null,
    placeholderData: (prev) => prev,
  });

export const usePep = (id: number) =>
  useQuery<PepDetail, ApiError>({ queryKey: pk.detail(id), queryFn: () => call('getPep', { id }) });

export const useLaPepFormat = (laId: number | null) =>
  useQuery<Output<'getLaPepFormat'>, ApiError>({
    queryKey: pk.format(laId ?? 0),
    queryFn: () => call('getLaPepFormat', { laId: laId! }),
    enabled: laId !== null,
  });

/** Operations that answer with the refreshed PEP. */
export type PepOp = { [N in OperationName]: Output<N> extends PepDetail ? N : never }[OperationName];

/** Marks everything that PEPs feed as stale, except the PEP just put in the cache. */
export function invalidatePepViews(qc: QueryClient, exceptPepId: number | null): Promise<void> {
  return qc.invalidateQueries({
    predicate: (q) => {
      const [area, kind, id] = q.queryKey;
      if (area === P) return !(kind === 'detail' && id === exceptPepId) && kind !== 'format';
      return area === keys.children[0] || area === keys.dashboard[0] || area === keys.interventions[0];
    },
  });
}

/** Runs an operation that returns the refreshed PEP: caches it and refreshes the views it feeds. */
export function usePepOperation() {
  const qc = useQueryClient();
  return async <N extends PepOp>(name: N, input: Input<N>): Promise<PepDetail> => {
    const pep = (await call(name, input)) as PepDetail;
    qc.setQueryData(pk.detail(pep.id), pep);
    void invalidatePepViews(qc, pep.id);
    return pep;
  };
}
