// The Children area: the grid, a child's file (with its tabs), the add / edit forms and the MIS import,
// each at its own address (see route.ts).

import type { AppStatus } from '../../api/contract.ts';
import { ChildFileScreen } from './ChildFile.tsx';
import { ChildFormScreen } from './ChildForm.tsx';
import { ChildrenList } from './ChildrenList.tsx';
import { ImportScreen } from './ImportScreen.tsx';
import { useChildrenRoute } from './route.ts';

export function ChildrenArea({ status }: { status: AppStatus }) {
  const route = useChildrenRoute();
  switch (route.kind) {
    case 'list': return <ChildrenList key={route.view} status={status} view={route.view} />;
    case 'new': return <ChildFormScreen key="new" childId={null} />;
    case 'edit': return <ChildFormScreen key={`edit-${route.id}`} childId={route.id} />;
    case 'import': return <ImportScreen />;
    case 'file': return <ChildFileScreen key={route.id} status={status} id={route.id} tab={route.tab} />;
  }
}
