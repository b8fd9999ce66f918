// Addresses inside the Risks area: #/risks (the register and heat map), #/risks/5 (one risk and its
// review history), #/risks/5/review (the same, with the review form open: where a "review due" alert links).

import { useEffect, useState } from 'react';

export type RisksRoute = { kind: 'list' } | { kind: 'detail'; id: number; review: boolean };

export function parseRisksHash(hash: string): RisksRoute {
  const [, a, b] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (a && /^\d{1,9}$/.test(a) && Number(a) > 0) return { kind: 'detail', id: Number(a), review: b === 'review' };
  return { kind: 'list' };
}

export const risksHref = {
  list: () => '#/risks',
  detail: (id: number) => `#/risks/${id}`,
  review: (id: number) => `#/risks/${id}/review`,
};

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

export function useRisksRoute(): RisksRoute {
  const [route, setRoute] = useState(() => parseRisksHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRisksHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
