// Addresses inside the Children area (the app's router only knows the area and one sub-part):
//   #/children                  the grid (children on roll)
//   #/children/leavers          the grid (leavers)
//   #/children/new              add a child
//   #/children/import           import from the MIS
//   #/children/12               a child's file (Overview); #/children/12/attendance another tab
//   #/children/12/edit          edit the child's details

import { useEffect, useState } from 'react';
import type { ChildTab } from '../../api/contract.ts';

export type ChildrenRoute =
  | { kind: 'list'; view: 'current' | 'leavers' }
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'file'; id: number; tab: ChildTab }
  | { kind: 'edit'; id: number };

export const TABS: { id: ChildTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'care', label: 'Care and contacts' },
  { id: 'education', label: 'Education' },
  { id: 'attendance', label: 'Attendance and exclusions' },
  { id: 'voice', label: 'Voice' },
];

export function parseChildrenHash(hash: string): ChildrenRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [, a, b] = parts;
  if (a === 'leavers') return { kind: 'list', view: 'leavers' };
  if (a === 'new') return { kind: 'new' };
  if (a === 'import') return { kind: 'import' };
  if (a && /^\d{1,9}$/.test(a)) {
    const id = Number(a);
    if (b === 'edit') return { kind: 'edit', id };
    const tab = TABS.find((t) => t.id === b)?.id ?? 'overview';
    return { kind: 'file', id, tab };
  }
  return { kind: 'list', view: 'current' };
}

export const childrenHref = {
  list: (view: 'current' | 'leavers' = 'current') => (view === 'leavers' ? '#/children/leavers' : '#/children'),
  add: () => '#/children/new',
  import: () => '#/children/import',
  file: (id: number, tab: ChildTab = 'overview') => (tab === 'overview' ? `#/children/${id}` : `#/children/${id}/${tab}`),
  edit: (id: number) => `#/children/${id}/edit`,
};

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

export function useChildrenRoute(): ChildrenRoute {
  const [route, setRoute] = useState(() => parseChildrenHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseChildrenHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
