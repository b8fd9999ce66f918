// Addresses inside the Interventions area (the app's router knows only the area):
//   #/interventions                      every child's interventions, with filters and totals
//   #/interventions/child/12             the same, for one child
//   #/interventions/today                quick attendance for today; /today/2026-11-23 another day
//   #/interventions/ppplus               the PP+ position; /ppplus/2025-26 another financial year
//   #/interventions/new                  add one (/new/12 for child 12)
//   #/interventions/from/12/3/7          add one pre-filled from child 12's progress in subject 3, window 7
//   #/interventions/40                   one intervention: details, sessions and impact
//   #/interventions/40/edit              edit it

import { useEffect, useState } from 'react';

export type InterventionsRoute =
  | { kind: 'list'; childId: number | null }
  | { kind: 'today'; date: string | null }
  | { kind: 'ppplus'; year: string | null }
  | { kind: 'new'; childId: number | null }
  | { kind: 'from'; childId: number; subjectId: number; windowId: number }
  | { kind: 'detail'; id: number }
  | { kind: 'edit'; id: number };

const num = (s: string | undefined): number | null => (s && /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : null);

export function parseInterventionsHash(hash: string): InterventionsRoute {
  const [, a, b, c, d] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (a === 'today') return { kind: 'today', date: b && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : null };
  if (a === 'ppplus') return { kind: 'ppplus', year: b && /^\d{4}-\d{2}$/.test(b) ? b : null };
  if (a === 'new') return { kind: 'new', childId: num(b) };
  if (a === 'child') return { kind: 'list', childId: num(b) };
  if (a === 'from') {
    const [childId, subjectId, windowId] = [num(b), num(c), num(d)];
    if (childId && subjectId && windowId) return { kind: 'from', childId, subjectId, windowId };
    return { kind: 'new', childId };
  }
  const id = num(a);
  if (id !== null) return b === 'edit' ? { kind: 'edit', id } : { kind: 'detail', id };
  return { kind: 'list', childId: null };
}

export const interventionsHref = {
  list: (childId?: number | null) => (childId ? `#/interventions/child/${childId}` : '#/interventions'),
  today: (date?: string | null) => (date ? `#/interventions/today/${date}` : '#/interventions/today'),
  ppPlus: (year?: string | null) => (year ? `#/interventions/ppplus/${year}` : '#/interventions/ppplus'),
  add: (childId?: number | null) => (childId ? `#/interventions/new/${childId}` : '#/interventions/new'),
  fromBelowTarget: (childId: number, subjectId: number, windowId: number) => `#/interventions/from/${childId}/${subjectId}/${windowId}`,
  detail: (id: number) => `#/interventions/${id}`,
  edit: (id: number) => `#/interventions/${id}/edit`,
};

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

export function useInterventionsRoute(): InterventionsRoute {
  const [route, setRoute] = useState(() => parseInterventionsHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseInterventionsHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
