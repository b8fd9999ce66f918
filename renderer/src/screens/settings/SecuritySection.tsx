// Security: how soon the register locks itself when nobody is using it, and records retention.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { SchoolSettings } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { useSettings, useStatus } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet.tsx';
import { TextField } from '../../components/TextField.tsx';
import { wholeNumber } from '../../lib/forms.ts';
import { Fieldset, QueryState, SaveButton, useSettingsStyles } from './common.tsx';
import { useSaveOutcome } from '../../components/useSaveOutcome.ts';
import { useSettingsPatch } from './useSettingsPatch.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

const schema = z.object({
  autoLockMinutes: wholeNumber('Auto-lock', 1, 240),
  retentionYearsAfterDob: wholeNumber('The retention period', 18, 100),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

export function SecuritySection() {
  const settings = useSettings();
  const status = useStatus();
  return (
    <QueryState loading={settings.isPending} error={settings.error} what="security settings">
      {settings.data ? <SecurityForm settings={settings.data} /> : null}
      {status.data?.session?.role === 'dt' ? <RecoveryKeySection schoolName={status.data.schoolName ?? settings.data?.name ?? ''} /> : null}
    </QueryState>
  );
}

function SecurityForm({ settings }: { settings: SchoolSettings }) {
  const styles = useSettingsStyles();
  const save = useSettingsPatch();
  const { control, handleSubmit, setError, reset, getValues, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { autoLockMinutes: String(settings.autoLockMinutes), retentionYearsAfterDob: String(settings.retentionYearsAfterDob) },
  });
  useUnsavedChanges(isDirty);
  const outcome = useSaveOutcome(setError, ['autoLockMinutes', 'retentionYearsAfterDob']);
  const onSubmit = handleSubmit((values) => outcome.attempt(async () => {
    await save(settings, values);
    reset(getValues()); // what was saved is the form's new starting point
    return 'Security settings saved.';
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Security settings">
      <Fieldset legend="Auto-lock">
        <Text>
          The register locks itself when nobody has used it for this long, and whenever the computer is locked or goes
          to sleep. Anyone then needs a passphrase to open it again.
        </Text>
        <TextField label="Lock after this many minutes without use" hint="From 1 to 240 minutes. Default 10." inputMode="numeric"
          control={control} name="autoLockMinutes" />
      </Fieldset>
      <Fieldset legend="Keeping records">
        <TextField label="Review a leaver's record this many years after their date of birth" hint="Default 25 years" inputMode="numeric"
          control={control} name="retentionYearsAfterDob" />
      </Fieldset>
      <FormAlert title="The security settings were not saved" messages={outcome.failure} />
      <SavedNote message={outcome.saved} />
      <div className={styles.actions}><SaveButton busy={isSubmitting} /></div>
    </form>
  );
}

// ---- a new recovery key (DT only) ----------------------------------------------------------------

function RecoveryKeySection({ schoolName }: { schoolName: string }) {
  const styles = useSettingsStyles();
  const [asking, setAsking] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className={styles.form} aria-label="Recovery key">
      <Fieldset legend="Recovery key">
        <Text>
          The recovery key opens the register if everyone forgets their passphrase. If the printed key is lost, or someone
          who should not have it may have seen it, issue a new one. <strong>The old key stops working straight away</strong>:
          destroy the old sheet and keep the new one in the school safe.
        </Text>
        {newKey ? (
          <NewRecoveryKey recoveryKey={newKey} schoolName={schoolName} onDone={() => {
            setNewKey(null);
            setDone('The new recovery key is in use. The old one no longer opens the register.');
          }} />
        ) : (
          <>
            <SavedNote message={done} />
            <div className={styles.actions}>
              <Button onClick={() => { setDone(null); setAsking(true); }}>Issue a new recovery key</Button>
            </div>
          </>
        )}
      </Fieldset>
      {asking ? <ConfirmPassphraseDialog onClose={() => setAsking(false)} onIssued={(k) => { setAsking(false); setNewKey(k); }} /> : null}
    </section>
  );
}

function ConfirmPassphraseDialog({ onClose, onIssued }: { onClose: () => void; onIssued: (key: string) => void }) {
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { control, getValues, setError: setFieldError } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const confirm = async () => {
    const passphrase = getValues('passphrase');
    if (!passphrase) {
      setFieldError('passphrase', { message: 'Type your passphrase to confirm.' }, { shouldFocus: true });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await call('newRecoveryKey', { passphrase });
      // Close the dialog first (so the page behind is no longer hidden), then show the key.
      setOpen(false);
      setTimeout(() => onIssued(recoveryKey), 400);
    } catch (e) {
      if (isApiError(e) && e.code === 'WrongPassphrase') {
        setFieldError('passphrase', { message: 'That is not your passphrase.' }, { shouldFocus: true });
      } else {
        setError(errorMessage(e));
      }
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog open={open} title="Issue a new recovery key?" confirmLabel="Issue new key" busy={busy} error={error} onConfirm={confirm} onCancel={onClose}>
      <Text>
        A new recovery key will be made and shown once. The current recovery key stops working at once, so have a printer
        or a safe place ready.
      </Text>
      <PassphraseField label="Your passphrase" hint="To confirm it is you" control={control} name="passphrase" autoComplete="current-password" />
    </ConfirmDialog>
  );
}

function NewRecoveryKey({ recoveryKey, schoolName, onDone }: { recoveryKey: string; schoolName: string; onDone: () => void }) {
  return <RecoveryKeySheet recoveryKey={recoveryKey} schoolName={schoolName} occasion="replaced" doneLabel="Done" onDone={onDone} testId="new-recovery-key" />;
}
