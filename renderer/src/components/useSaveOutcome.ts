// The outcome of a form that stays on screen after saving: either the register's refusal (its field
// issues put on the fields, the rest for the form's FormAlert) or a note for its SavedNote.

import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { submitErrors } from '../lib/forms.ts';

export interface SaveOutcome {
  failure: string[];
  saved: string | null;
  /** Clears both, runs the save and shows the note it returns (none when it returns null). */
  attempt: (save: () => Promise<string | null>) => Promise<void>;
}

export function useSaveOutcome<T extends FieldValues>(
  setError: UseFormSetError<T>, fields: readonly string[], aliases?: Record<string, string>,
): SaveOutcome {
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    failure,
    saved,
    attempt: async (save) => {
      setFailure([]);
      setSaved(null);
      try {
        setSaved(await save());
      } catch (e) {
        setFailure(submitErrors(e, setError, fields, aliases));
      }
    },
  };
}
