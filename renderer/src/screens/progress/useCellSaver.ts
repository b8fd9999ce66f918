// Saves the returns grid as the user types: each committed cell becomes a draft, drafts are sent
// in batches through saveReturnCells (one request at a time; what is typed meanwhile goes in the
// next batch). The API checks grades against each child's scale and answers Invalid with an issue
// per cell (path cells.<index>.<field>): those cells keep their draft and show the API's message,
// and the rest of the batch is sent again without them.

import { useCallback, useRef, useState } from 'react';
import type { Input, SaveCellsResult } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { COLUMNS, convert, draftKeyOf, type EditField } from './gridModel.ts';

export interface Draft {
  key: string;
  rowKey: string;
  childId: number;
  subjectId: number;
  field: EditField;
  value: string;
  state: 'pending' | 'saving' | 'error';
  message?: string;
  /** The value in flight while saving. */
  sent?: string;
}

export interface CommitEntry { rowKey: string; childId: number; subjectId: number; field: EditField; value: string; saved: string }

type CellInput = Input<'saveReturnCells'>['cells'][number];

const FIELD_NAMES = new Set<string>(COLUMNS.map((c) => c.field));

export function useCellSaver(windowId: number, onSaved: (result: SaveCellsResult) => void) {
  const ref = useRef<Record<string, Draft>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const update = useCallback((fn: (d: Record<string, Draft>) => Record<string, Draft>) => {
    ref.current = fn(ref.current);
    setDrafts(ref.current);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (busy.current) return; // the running save sends what is pending when it finishes
    const pending = Object.values(ref.current).filter((d) => d.state === 'pending');
    if (pending.length === 0) return;
    busy.current = true;
    setSaving(true);
    const sentKeys = new Set(pending.map((d) => d.key));
    update((ds) => {
      const next = { ...ds };
      for (const d of pending) next[d.key] = { ...d, state: 'saving', sent: d.value, message: undefined };
      return next;
    });
    const rows = new Map<string, CellInput>();
    for (const d of pending) {
      const cell = rows.get(d.rowKey) ?? { childId: d.childId, subjectId: d.subjectId };
      const c = convert(d.field, d.value);
      if (c.ok) (cell as Record<string, unknown>)[d.field] = c.value;
      rows.set(d.rowKey, cell);
    }
    const rowKeys = [...rows.keys()];
    try {
      const result = await call('saveReturnCells', { windowId, cells: [...rows.values()] });
      onSavedRef.current(result);
      setFailure(null);
      update((ds) => {
        const next = { ...ds };
        for (const k of sentKeys) {
          const d = next[k];
          if (d && d.state === 'saving' && d.sent === d.value) delete next[k];
        }
        return next;
      });
    } catch (e) {
      const errors = new Map<string, string>();
      if (isApiError(e) && e.code === 'Invalid') {
        for (const issue of e.issues) {
          const [top, index, field] = issue.path;
          const rowKey = top === 'cells' && typeof index === 'number' ? rowKeys[index] : undefined;
          if (!rowKey) continue;
          if (typeof field === 'string' && FIELD_NAMES.has(field)) {
            errors.set(draftKeyOf(rowKey, field as EditField), issue.message);
          } else {
            for (const d of pending) if (d.rowKey === rowKey) errors.set(d.key, issue.message);
          }
        }
      }
      const whole = errors.size === 0;
      if (whole) setFailure(errorMessage(e));
      update((ds) => {
        const next = { ...ds };
        for (const k of sentKeys) {
          const d = next[k];
          if (!d || d.state !== 'saving') continue; // edited again meanwhile: already pending
          if (whole) next[k] = { ...d, state: 'error', message: errorMessage(e) };
          else if (errors.has(k)) next[k] = { ...d, state: 'error', message: errors.get(k) };
          else next[k] = { ...d, state: 'pending' }; // valid: goes again without the invalid cells
        }
        return next;
      });
    } finally {
      busy.current = false;
      setSaving(false);
    }
    if (Object.values(ref.current).some((d) => d.state === 'pending')) await flush();
  }, [update, windowId]);

  /** Records typed or pasted values and saves them. */
  const commit = useCallback((entries: CommitEntry[]) => {
    update((ds) => {
      const next = { ...ds };
      for (const e of entries) {
        const key = draftKeyOf(e.rowKey, e.field);
        const existing = next[key];
        if (e.value.trim() === e.saved.trim() && existing?.state !== 'saving') {
          delete next[key]; // back to what is saved: nothing to send
          continue;
        }
        if (existing && existing.value === e.value && existing.state !== 'error') continue;
        const c = convert(e.field, e.value);
        next[key] = {
          key, rowKey: e.rowKey, childId: e.childId, subjectId: e.subjectId, field: e.field, value: e.value,
          ...(c.ok ? { state: 'pending' as const } : { state: 'error' as const, message: c.message }),
        };
      }
      return next;
    });
    void flush();
  }, [flush, update]);

  /** Sends again every draft that failed for a reason other than its own value. */
  const retry = useCallback(() => {
    setFailure(null);
    update((ds) => {
      const next = { ...ds };
      for (const d of Object.values(next)) if (d.state === 'error' && convert(d.field, d.value).ok) next[d.key] = { ...d, state: 'pending', message: undefined };
      return next;
    });
    void flush();
  }, [flush, update]);

  /** Forgets the unsaved value of one cell (it shows what is saved again). */
  const discard = useCallback((key: string) => {
    update((ds) => {
      if (!ds[key] || ds[key]!.state === 'saving') return ds;
      const next = { ...ds };
      delete next[key];
      return next;
    });
  }, [update]);

  return { drafts, saving, failure, commit, retry, discard };
}
