// The Interventions area: the list across all children, quick session attendance, Pupil Premium
// Plus, the add / edit form and one intervention's page, each at its own address (see route.ts).

import type { AppStatus } from '../../api/contract.ts';
import { useStaleModalGuard } from '../../app/useStaleModalGuard.ts';
import { InterventionDetailScreen } from './InterventionDetail.tsx';
import { InterventionFormScreen } from './InterventionForm.tsx';
import { InterventionsList } from './InterventionsList.tsx';
import { PpPlusScreen } from './PpPlusScreen.tsx';
import { TodaySessions } from './TodaySessions.tsx';
import { useInterventionsRoute } from './route.ts';

export function InterventionsArea({ status: _status }: { status: AppStatus }) {
  const route = useInterventionsRoute();
  useStaleModalGuard(JSON.stringify(route));
  switch (route.kind) {
    case 'list': return <InterventionsList key={`list-${route.childId ?? 'all'}`} childId={route.childId} />;
    case 'today': return <TodaySessions date={route.date} />;
    case 'ppplus': return <PpPlusScreen year={route.year} />;
    case 'new': return <InterventionFormScreen key={`new-${route.childId ?? ''}`} mode={{ kind: 'new', childId: route.childId }} />;
    case 'from': return <InterventionFormScreen key={`from-${route.childId}-${route.subjectId}-${route.windowId}`} mode={route} />;
    case 'detail': return <InterventionDetailScreen key={`detail-${route.id}`} id={route.id} />;
    case 'edit': return <InterventionFormScreen key={`edit-${route.id}`} mode={{ kind: 'edit', id: route.id }} />;
  }
}
