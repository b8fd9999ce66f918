// A modal confirmation (Fluent Dialog: focus is trapped and returned, Escape cancels).

import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, type FormEvent, type ReactNode } from 'react';
import { scheduleModalCleanup } from '../app/useStaleModalGuard.ts';
import { FormAlert } from './FormAlert.tsx';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that backs out (first, so it has the focus): "Cancel" unless told. */
  cancelLabel?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Destructive actions get a danger-styled confirm button. */
  danger?: boolean;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', busy, error, onConfirm, onCancel, danger }: Props) {
  const styles = useStyles();
  useEffect(() => scheduleModalCleanup, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, d) => { if (!d.open) onCancel(); }}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children}
              <FormAlert messages={error} />
            </DialogContent>
            <DialogActions>
              <Button type="button" appearance="secondary" onClick={onCancel} disabled={busy}>{cancelLabel}</Button>
              <Button type="submit" appearance="primary" disabled={busy} className={danger ? styles.danger : undefined}>
                {busy ? 'Please wait…' : confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
