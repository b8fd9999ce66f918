// Typed work is never thrown away without a word. A form calls useUnsavedChanges(dirty) with
// whether its fields differ from what it was opened with (or last saved). While any form is dirty:
//   - a change of route (nav links, alert links, navigate(), Back) first asks "Discard unsaved
//     changes?"; Keep editing puts the previous address back without touching the screen;
//   - a form's own Cancel asks the same through confirmDiscard;
//   - reloading or closing the window asks the browser (Electron shows its own dialog in main).
// Locking is never held up: a lock replaces the whole screen without a change of route, and in
// Electron the main process lets a lock's reload through (main/electron/unloadGuard.ts).

import { Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';

const dirtyForms = new Set<symbol>();
/** Long enough for the dialog's closing animation. */
const CLOSE_MS = 600;

export const hasUnsavedChanges = (): boolean => dirtyForms.size > 0;

// The one question on screen, if any; every caller that asks meanwhile shares its answer.
let question: { answer: Promise<boolean>; resolve: (discard: boolean) => void } | null = null;
const listeners = new Set<() => void>();
const changed = () => { for (const l of listeners) l(); };

/** Asks "Discard unsaved changes?"; resolves true for Discard, false for Keep editing. */
export function askToDiscard(): Promise<boolean> {
  if (question) return question.answer;
  let resolve!: (discard: boolean) => void;
  const answer = new Promise<boolean>((r) => { resolve = r; });
  question = { answer, resolve };
  changed();
  return answer;
}

function answer(discard: boolean): void {
  const q = question;
  question = null;
  changed();
  q?.resolve(discard);
}

export interface UnsavedChanges {
  /** For a form's Cancel or Close: runs `discard` at once when nothing was typed, else asks first. */
  confirmDiscard(discard: () => void): void;
  /** Call after a successful save that leaves the screen, so the move away does not ask. */
  saved(): void;
}

export function useUnsavedChanges(dirty: boolean): UnsavedChanges {
  const [token] = useState(() => Symbol('form'));
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(token);
    return () => { dirtyForms.delete(token); };
  }, [dirty, token]);
  return useMemo(() => ({
    confirmDiscard(discard: () => void) {
      if (!dirtyForms.has(token)) {
        discard();
        return;
      }
      void askToDiscard().then((ok) => {
        if (!ok) return;
        dirtyForms.delete(token);
        discard();
      });
    },
    saved() {
      dirtyForms.delete(token);
    },
  }), [token]);
}

/**
 * For forms kept in plain state rather than react-hook-form: whether `current` differs from what
 * the form opened with, and a function to call after saving (what was saved is the new baseline).
 */
export function useChangedFrom(current: unknown): [dirty: boolean, markSaved: () => void] {
  const now = JSON.stringify(current);
  const [baseline, setBaseline] = useState(now);
  return [now !== baseline, () => setBaseline(now)];
}

// The hash the DT has chosen to go to after answering Discard: let that one change through.
let allowedHash: string | null = null;

function onHashChange(e: HashChangeEvent): void {
  if (allowedHash !== null && location.hash === allowedHash) {
    allowedHash = null;
    return;
  }
  if (!hasUnsavedChanges()) return;
  // Captured before the routers' own listeners, so no screen changes (and no typed text is lost)
  // until the DT has answered. replaceState puts the old address back without a new event.
  e.stopImmediatePropagation();
  const target = location.hash;
  history.replaceState(history.state, '', e.oldURL);
  void askToDiscard().then((discard) => {
    if (!discard) return;
    allowedHash = target;
    location.hash = target;
  });
}

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  // Both, for older and newer Chromium: either asks the browser (or Electron) to confirm.
  e.preventDefault();
  e.returnValue = '';
}

/** Watches route changes and unloads; returns an undo. Installed once by the app frame. */
export function installUnsavedChangesGuard(): () => void {
  // Capture: at the window itself, capturing listeners run before the routers' ordinary ones.
  window.addEventListener('hashchange', onHashChange, true);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    window.removeEventListener('hashchange', onHashChange, true);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}

// Where the question is shown: the app frame, or a form dialog (nested in its surface, as Fluent
// expects of a dialog over a dialog; a second modal beside the first leaves the first hidden from
// screen readers once it closes). The latest host wins.
const hosts: symbol[] = [];

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

/** Shows the question when asked; put one inside any modal dialog that guards a form. */
export function DiscardQuestion() {
  const [id] = useState(() => Symbol('host'));
  useEffect(() => {
    hosts.push(id);
    changed();
    return () => {
      hosts.splice(hosts.indexOf(id), 1);
      changed();
    };
  }, [id]);
  const open = useSyncExternalStore(subscribe, () => question !== null && hosts[hosts.length - 1] === id);
  // Mounted only around a question (a closed Fluent Dialog still leaves focus-trap helpers in the
  // page), and closed before it unmounts, as removing an open Fluent Dialog can leave aria-hidden.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (open) {
      setMounted(true);
      return;
    }
    const t = setTimeout(() => setMounted(false), CLOSE_MS);
    return () => clearTimeout(t);
  }, [open]);
  if (!open && !mounted) return null;
  // Keep editing comes first, so it has the focus; Escape keeps editing too.
  return (
    <ConfirmDialog open={open} title="Discard unsaved changes?" confirmLabel="Discard changes" cancelLabel="Keep editing" danger
      onConfirm={() => answer(true)} onCancel={() => answer(false)}>
      <Text>You have changed this form but not saved it. If you leave now, the changes will be lost.</Text>
    </ConfirmDialog>
  );
}

/** The app frame's part: watches route changes and unloads, and shows the question. */
export function UnsavedChangesDialog() {
  useEffect(() => installUnsavedChangesGuard(), []);
  // If the frame goes (a lock), drop any question still open, going nowhere.
  useEffect(() => () => { if (question) answer(false); }, []);
  return <DiscardQuestion />;
}
