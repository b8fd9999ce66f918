// Progress has its own sub-routes under the app's hash router: #/progress/<tab>/<param>, e.g.
// #/progress/returns/7 (the returns grid of window 7) or #/progress/setup/teachers.

import { useEffect, useState } from 'react';

export const TABS = [
  { id: 'returns', label: 'Returns' },
  { id: 'completion', label: 'Completion' },
  { id: 'summary', label: 'Meeting summary' },
  { id: 'child', label: 'Child progress' },
  { id: 'chase', label: 'Chase letters' },
  { id: 'windows', label: 'Assessment windows' },
  { id: 'setup', label: 'Set-up' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export interface ProgressRoute { tab: TabId; param: string | null }

export function parseProgressHash(hash: string): ProgressRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const tab = TABS.find((t) => t.id === parts[1])?.id ?? 'returns';
  return { tab, param: parts[2] ? decodeURIComponent(parts[2]) : null };
}

export const progressHref = (tab: TabId, param?: string | number | null): string =>
  `#/progress/${tab}${param !== undefined && param !== null && param !== '' ? `/${encodeURIComponent(String(param))}` : ''}`;

export function goProgress(tab: TabId, param?: string | number | null): void {
  const next = progressHref(tab, param);
  if (location.hash !== next) location.hash = next;
}

export function useProgressRoute(): ProgressRoute {
  const [route, setRoute] = useState(() => parseProgressHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseProgressHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** A numeric id from the route, or null. */
export const idParam = (param: string | null): number | null => {
  const n = Number(param);
  return param && Number.isInteger(n) && n > 0 ? n : null;
};
