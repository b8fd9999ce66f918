// Addresses inside the PEPs area (the app's router knows only the area and one sub-part):
//   #/peps                      the PEP list for the current term (the term picker remembers a choice)
//   #/peps/40                   one PEP in the editor
//   #/peps/40/targets           the same, scrolled to one of its sections (a PepSectionKey)
//   #/peps/formats              each Virtual School's PEP layout (the first LA)
//   #/peps/formats/3            the layout of local authority 3

import { useEffect, useState } from 'react';
import { PEP_SECTION_KEYS, type PepSectionKey } from '../../api/contract.ts';

export type PepsRoute =
  | { kind: 'list' }
  | { kind: 'pep'; id: number; section: PepSectionKey | null }
  | { kind: 'formats'; laId: number | null };

const num = (s: string | undefined): number | null => (s && /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : null);

export function parsePepsHash(hash: string): PepsRoute {
  const [, a, b] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (a === 'formats') return { kind: 'formats', laId: num(b) };
  const id = num(a);
  if (id !== null) {
    const section = (PEP_SECTION_KEYS as readonly string[]).includes(b ?? '') ? (b as PepSectionKey) : null;
    return { kind: 'pep', id, section };
  }
  return { kind: 'list' };
}

export const pepsHref = {
  list: () => '#/peps',
  pep: (id: number, section?: PepSectionKey | null) => (section ? `#/peps/${id}/${section}` : `#/peps/${id}`),
  formats: (laId?: number | null) => (laId ? `#/peps/formats/${laId}` : '#/peps/formats'),
};

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

export function usePepsRoute(): PepsRoute {
  const [route, setRoute] = useState(() => parsePepsHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parsePepsHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
