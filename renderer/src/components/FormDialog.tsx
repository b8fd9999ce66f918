// The shell of every "add / edit" dialog: a modal Fluent Dialog holding one form (focus is trapped
// and returned; Escape cancels), its fields, the form-level alert, and Save / Cancel.

import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEventHandler, type ReactNode } from 'react';
import { DiscardQuestion, type UnsavedChanges } from '../app/unsavedChanges.tsx';
import { scheduleModalCleanup } from '../app/useStaleModalGuard.ts';
import { FormAlert } from './FormAlert.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: 'calc(100vw - 48px)' },
  narrow: { maxWidth: '620px' },
  wide: { maxWidth: '760px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

/**
 * Open / close state for a dialog that its parent shows conditionally: `close()` plays the closing
 * animation, then calls `onClosed` (the parent unmounts it). Unmounting an open Fluent Dialog
 * directly can leave the page behind it hidden from screen readers (aria-hidden on #root).
 */
export function useDialogState(onClosed: () => void) {
  const [open, setOpen] = useState(true);
  const done = useRef(false);
  const finish = useCallback(() => {
    if (done.current) return;
    done.current = true;
    onClosed();
    // Once the dialog has gone, put back what tabster left hidden (the app's own guard does the
    // same, but only 400 ms later: long enough for a screen reader to find an empty page).
    setTimeout(unhidePage, 50);
  }, [onClosed]);
  const close = useCallback(() => {
    setOpen(false);
    // If the animation never reports its end (reduced motion, a hidden window), unmount anyway.
    setTimeout(finish, 600);
  }, [finish]);
  return { open, close, finish };
}

function unhidePage(): void {
  if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
  for (const el of Array.from(document.body.children)) {
    if (el.getAttribute('aria-hidden') === 'true' && el.tagName === 'DIV') el.removeAttribute('aria-hidden');
  }
}

export type DialogState = ReturnType<typeof useDialogState>;

interface Props {
  state: DialogState;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  busyLabel?: string;
  busy: boolean;
  failure: string[];
  failureTitle: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
  /** 720px wide at most unless 'narrow' (620px) or 'wide' (760px). */
  width?: 'narrow' | 'wide';
  /** The form's unsaved-changes guard: Cancel and Escape ask before throwing typed work away. */
  unsaved?: UnsavedChanges;
}

export function FormDialog({ state, title, intro, submitLabel, busyLabel = 'Saving…', busy, failure, failureTitle, onSubmit, children, width, unsaved }: Props) {
  const styles = useStyles();
  useEffect(() => scheduleModalCleanup, []);
  const onClose = () => (unsaved ? unsaved.confirmDiscard(state.close) : state.close());
  return (
    <Dialog open={state.open} modalType="modal" onOpenChange={(_e, d) => { if (!d.open && !busy) onClose(); }}
      surfaceMotion={{ onMotionFinish: (_e, d) => { if (d.direction === 'exit') state.finish(); } }}>
      <DialogSurface className={mergeClasses(styles.surface, width && styles[width])} aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate aria-label={title}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {intro ? <Text>{intro}</Text> : null}
              {children}
              <FormAlert title={failureTitle} messages={failure} />
            </DialogContent>
            <DialogActions>
              <Button type="button" appearance="secondary" onClick={onClose} disabled={busy}>Cancel</Button>
              <Button type="submit" appearance="primary" disabled={busy}>{busy ? busyLabel : submitLabel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
        {/* Outside the form: the question's own buttons must not submit this one. */}
        {unsaved ? <DiscardQuestion /> : null}
      </DialogSurface>
    </Dialog>
  );
}
