// A small hash router: #/settings/users → ['settings', 'users']. No dependency needed for a
// handful of areas, and hash URLs work from file:// in Electron as well as in browser mode.

import { useEffect, useState } from 'react';

export type Area = 'dashboard' | 'children' | 'progress' | 'interventions' | 'peps' | 'risks' | 'reports' | 'settings';

export const AREAS: { id: Area; label: string }[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'children', label: 'Children' },
  { id: 'progress', label: 'Progress' },
  { id: 'interventions', label: 'Interventions' },
  { id: 'peps', label: 'PEPs' },
  { id: 'risks', label: 'Risks' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
];

export interface Route { area: Area; sub: string | null }

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const area = AREAS.find((a) => a.id === parts[0])?.id ?? 'dashboard';
  return { area, sub: parts[1] ?? null };
}

export const hrefFor = (area: Area, sub?: string | null): string => `#/${area}${sub ? `/${sub}` : ''}`;

// While a form has unsaved changes, app/unsavedChanges.tsx holds any change of hash (this one,
// links, Back) until the DT has chosen to keep editing or to discard.
export function navigate(area: Area, sub?: string | null): void {
  const next = hrefFor(area, sub);
  if (location.hash !== next) location.hash = next;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
