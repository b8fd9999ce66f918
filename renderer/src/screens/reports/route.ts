// Addresses inside the Reports area: #/reports (the annual report), #/reports/content (figures,
// benchmarks, training and narrative), #/reports/survey (the year's survey and results),
// #/reports/survey/12 (answering with child 12), #/reports/questions (the survey's questions).

import { useEffect, useState } from 'react';

export type ReportsRoute =
  | { kind: 'report' } | { kind: 'content' } | { kind: 'survey' } | { kind: 'response'; childId: number } | { kind: 'questions' };

export function parseReportsHash(hash: string): ReportsRoute {
  const [, a, b] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (a === 'content') return { kind: 'content' };
  if (a === 'questions') return { kind: 'questions' };
  if (a === 'survey') {
    if (b && /^\d{1,9}$/.test(b) && Number(b) > 0) return { kind: 'response', childId: Number(b) };
    return { kind: 'survey' };
  }
  return { kind: 'report' };
}

export const reportsHref = {
  report: () => '#/reports',
  content: () => '#/reports/content',
  survey: () => '#/reports/survey',
  response: (childId: number) => `#/reports/survey/${childId}`,
  questions: () => '#/reports/questions',
};

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

export function useReportsRoute(): ReportsRoute {
  const [route, setRoute] = useState(() => parseReportsHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseReportsHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
