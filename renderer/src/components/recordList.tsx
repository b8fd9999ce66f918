// The add/edit/delete flow of the record lists in Settings and Progress set-up: the record being
// edited (or a new one) is shown as a form in place of the list, a note says what was saved or
// deleted, and a delete asks first (useDeleteConfirm).

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useDeleteConfirm, type DeleteConfirm } from './useDeleteConfirm.ts';

const useStyles = makeStyles({
  cellActions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

export interface RecordList<T> {
  /** The record whose form replaces the list, 'new' for a blank form, null for the list. */
  editing: T | 'new' | null;
  /** What was last saved or deleted, for a SavedNote. */
  saved: string | null;
  del: DeleteConfirm<T>;
  /** The record's name on its buttons and in the delete question. */
  name: (record: T) => string;
  edit: (record: T | 'new') => void;
  /** The form is finished: with the saved record, or null when cancelled. */
  done: (saved: T | null) => void;
}

export function useRecordList<T>({ name, noteName = name, remove }: {
  name: (record: T) => string;
  /** The record's name in the "… saved." and "… deleted." notes, when not just its name. */
  noteName?: (record: T) => string;
  remove: (record: T) => Promise<void>;
}): RecordList<T> {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const del = useDeleteConfirm<T>(remove, (r) => setSaved(`${noteName(r)} deleted.`));
  return {
    editing,
    saved,
    del,
    name,
    edit: (record) => {
      setSaved(null);
      setEditing(record);
    },
    done: (record) => {
      setEditing(null);
      if (record) setSaved(`${noteName(record)} saved.`);
    },
  };
}

/** A row's Edit and Delete buttons, after any actions of the row's own (children). */
export function RecordListActions<T>({ list, record, children }: { list: RecordList<T>; record: T; children?: ReactNode }) {
  const styles = useStyles();
  const name = list.name(record);
  return (
    <div className={styles.cellActions}>
      {children}
      <Button size="small" onClick={() => list.edit(record)} aria-label={`Edit ${name}`}>Edit</Button>
      <Button size="small" onClick={() => list.del.ask(record)} aria-label={`Delete ${name}`}>Delete</Button>
    </div>
  );
}

/** "Delete …?" for the record awaiting confirmation; children say what deleting it does or why it may be refused. */
export function RecordListDeleteDialog<T>({ list, confirmLabel, children }: { list: RecordList<T>; confirmLabel: string; children: ReactNode }) {
  const { del } = list;
  if (!del.deleting) return null;
  return (
    <ConfirmDialog open title={`Delete ${list.name(del.deleting)}?`} confirmLabel={confirmLabel} danger busy={del.busy} error={del.error}
      onConfirm={del.confirm} onCancel={del.cancel}>
      {children}
    </ConfirmDialog>
  );
}
