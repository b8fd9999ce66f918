// The delete-with-confirmation flow of the list screens: which item the dialog is confirming, the
// busy flag while the register works, and the register's refusal (e.g. "other records depend on
// it") shown inside the dialog rather than closing it.

import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';

export interface DeleteConfirm<T> {
  /** The item awaiting confirmation, or null when no dialog is open. */
  deleting: T | null;
  busy: boolean;
  error: string | null;
  ask: (item: T) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
}

export function useDeleteConfirm<T>(remove: (item: T) => Promise<void>, onDeleted: (item: T) => void): DeleteConfirm<T> {
  const [deleting, setDeleting] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    deleting,
    busy,
    error,
    ask: (item) => {
      setError(null);
      setDeleting(item);
    },
    cancel: () => setDeleting(null),
    confirm: async () => {
      if (!deleting) return;
      setBusy(true);
      setError(null);
      try {
        await remove(deleting);
        onDeleted(deleting);
        setDeleting(null);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
  };
}
