// Where an alert (or a deadline) takes the DT: its link {area, id, tab} as a hash address, and the
// words for the button. Tabs a child's file does not have are opened where they live: a child's
// progress in Progress › Child progress, their interventions in the Interventions list, their PEPs
// in the PEPs area's list for the term.

import type { AlertLink } from '../api/contract.ts';
import { childrenHref, TABS as CHILD_TABS } from '../screens/children/route.ts';
import { interventionsHref } from '../screens/interventions/route.ts';
import { risksHref } from '../screens/risks/route.ts';

export function alertHref(link: AlertLink): string {
  const { area, id, tab } = link;
  switch (area) {
    case 'children': {
      if (id === null) return childrenHref.list();
      if (tab === 'progress') return `#/progress/child/${id}`;
      if (tab === 'interventions') return interventionsHref.list(id);
      // The PEPs area lists this term's PEPs (and the children with none yet); it has no per-child address.
      if (tab === 'pep') return '#/peps';
      const childTab = CHILD_TABS.find((t) => t.id === tab)?.id ?? 'overview';
      return childrenHref.file(id, childTab);
    }
    case 'progress':
      return id === null ? '#/progress' : `#/progress/${tab === 'returns' || tab === null ? 'returns' : tab}/${id}`;
    case 'risks':
      if (id === null) return risksHref.list();
      return tab === 'review' ? risksHref.review(id) : risksHref.detail(id);
    case 'interventions':
      return id === null ? interventionsHref.list() : interventionsHref.detail(id);
    case 'ppplus':
      return interventionsHref.ppPlus();
  }
}

const CHILD_TAB_WORDS: Record<string, string> = {
  overview: "Open the child's file", care: 'Open care and contacts', education: 'Open education', attendance: 'Open attendance',
  voice: 'Open voice log', pep: 'Open PEPs', progress: 'Open progress', interventions: 'Open interventions',
};

export function alertAction(link: AlertLink): string {
  switch (link.area) {
    case 'children': return CHILD_TAB_WORDS[link.tab ?? 'overview'] ?? "Open the child's file";
    case 'progress': return 'Open returns';
    case 'risks': return link.tab === 'review' ? 'Review the risk' : 'Open the risk';
    case 'interventions': return 'Open interventions';
    case 'ppplus': return 'Open PP+';
  }
}
