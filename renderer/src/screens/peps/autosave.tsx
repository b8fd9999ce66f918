// Saving in the PEP editor. Written text (the child's voice, views, strengths...) saves itself a
// moment after typing stops and when the field is left; structured items (targets, actions,
// attendees, reviews) have their own Save buttons. One tracker per PEP knows what is saving, what
// has unsaved changes and when the last save finished, for the editor's "All changes saved" line.

import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Input, PepText } from '../../api/contract.ts';
import { errorMessage } from '../../api/errors.ts';
import { usePepOperation } from './queries.ts';

export interface SaveStatus {
  pending: number;
  savedAt: Date | null;
  error: string | null;
  /** Labels of the items with changes not saved yet. */
  dirty: string[];
}

export class SaveTracker {
  private state: SaveStatus = { pending: 0, savedAt: null, error: null, dirty: [] };
  private readonly dirtyItems = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  snapshot = (): SaveStatus => this.state;

  private set(next: Partial<SaveStatus>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** Marks an item as changed but not saved (label null: nothing unsaved). */
  setDirty(key: string, label: string | null): void {
    const had = this.dirtyItems.get(key);
    if (label === null ? had === undefined : had === label) return;
    if (label === null) this.dirtyItems.delete(key);
    else this.dirtyItems.set(key, label);
    this.set({ dirty: [...new Set(this.dirtyItems.values())] });
  }

  async run<T>(save: () => Promise<T>): Promise<T> {
    this.set({ pending: this.state.pending + 1 });
    try {
      const out = await save();
      this.set({ pending: this.state.pending - 1, savedAt: new Date(), error: null });
      return out;
    } catch (e) {
      this.set({ pending: this.state.pending - 1, error: errorMessage(e) });
      throw e;
    }
  }
}

const TrackerContext = createContext<SaveTracker | null>(null);
export const SaveTrackerProvider = TrackerContext.Provider;

export function useSaveTracker(): SaveTracker {
  const t = useContext(TrackerContext);
  if (!t) throw new Error('useSaveTracker outside a PEP editor');
  return t;
}

export function useSaveStatus(tracker: SaveTracker): SaveStatus {
  return useSyncExternalStore(tracker.subscribe, tracker.snapshot);
}

/** Marks an item dirty in the tracker while `dirty` is true (and clears it on unmount). */
export function useDirtyFlag(key: string, label: string, dirty: boolean): void {
  const tracker = useSaveTracker();
  useEffect(() => {
    tracker.setDirty(key, dirty ? label : null);
  }, [tracker, key, label, dirty]);
  useEffect(() => () => tracker.setDirty(key, null), [tracker, key]);
}

const AUTOSAVE_MS = 1200;

/**
 * A text field of the PEP that saves itself: a moment after typing stops, when it loses focus,
 * and when the editor closes. The value typed stays the source of truth while the field is shown.
 */
export function useAutosaveText(pepId: number, field: keyof PepText, serverValue: string | null, label: string) {
  const tracker = useSaveTracker();
  const run = usePepOperation();
  const [value, setValueState] = useState(serverValue ?? '');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const sent = useRef(serverValue ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = `text:${field}`;

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const v = latest.current;
    if (v === sent.current) {
      tracker.setDirty(key, null);
      return;
    }
    const before = sent.current;
    sent.current = v;
    try {
      await tracker.run(() => run('updatePep', { id: pepId, [field]: v } as Input<'updatePep'>));
      setError(null);
      if (latest.current === v) tracker.setDirty(key, null);
    } catch (e) {
      sent.current = before;
      setError(errorMessage(e));
    }
  }, [tracker, run, pepId, field, key]);

  const setValue = useCallback((v: string, opts: { saveNow?: boolean } = {}) => {
    latest.current = v;
    setValueState(v);
    tracker.setDirty(key, v === sent.current ? null : label);
    clearTimeout(timer.current);
    if (opts.saveNow) void save();
    else timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }, [tracker, key, label, save]);

  // Leaving the editor saves what was typed.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => () => {
    clearTimeout(timer.current);
    if (latest.current !== sent.current) void saveRef.current();
  }, []);

  return { value, setValue, onBlur: () => void save(), error };
}

const useStyles = makeStyles({
  textarea: { width: '100%' },
  counter: { color: tokens.colorNeutralForeground3 },
});

/** A labelled text area of the PEP that saves itself. */
export function AutoTextArea({ pepId, field, serverValue, label, hint, rows = 4, maxLength = 8000 }: {
  pepId: number; field: keyof PepText; serverValue: string | null; label: string; hint?: string; rows?: number; maxLength?: number;
}) {
  const styles = useStyles();
  const { value, setValue, onBlur, error } = useAutosaveText(pepId, field, serverValue, label);
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Textarea className={styles.textarea} value={value} rows={rows} resize="vertical" maxLength={maxLength}
        onChange={(_e, d) => setValue(d.value)} onBlur={onBlur} />
    </Field>
  );
}
