// Confirms deleting one record from a child's file (a placement, a school, an attendance period…).

import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDialogState } from '../../components/FormDialog.tsx';

export interface PendingDelete {
  title: string;
  body: string;
  done: string;
  run: () => Promise<unknown>;
}

export function DeleteRecordDialog({ pending, onClose, onDeleted }: { pending: PendingDelete; onClose: () => void; onDeleted: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useDialogState(onClose);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await pending.run();
      onDeleted(pending.done);
      dialog.close();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog open={dialog.open} title={pending.title} confirmLabel="Delete" danger busy={busy} error={error} onConfirm={confirm} onCancel={dialog.close}>
      <Text>{pending.body}</Text>
    </ConfirmDialog>
  );
}
