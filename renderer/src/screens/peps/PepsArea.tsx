// The PEPs area: the list of PEPs per term, one PEP in the editor, and each Virtual School's PEP
// format, each at its own address (see route.ts).

import type { AppStatus } from '../../api/contract.ts';
import { FormatEditor } from './FormatEditor.tsx';
import { PepEditorScreen } from './PepEditor.tsx';
import { PepList } from './PepList.tsx';
import { usePepsRoute } from './route.ts';

export function PepsArea({ status }: { status: AppStatus }) {
  const route = usePepsRoute();
  switch (route.kind) {
    case 'list': return <PepList />;
    case 'pep': return <PepEditorScreen key={route.id} status={status} id={route.id} section={route.section} />;
    case 'formats': return <FormatEditor key="formats" laId={route.laId} />;
  }
}
