// Security: how soon the register locks itself when nobody is using it, and records retention.

import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStaticStyles, makeStyles, tokens,
} from '@fluentui/react-components';
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
import { TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { submitErrors, wholeNumber } from '../../lib/forms.ts';
import { Fieldset, QueryState, SaveButton, useSettingsStyles } from './common.tsx';
import { useSettingsPatch } from './useSettingsPatch.ts';

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
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState: { isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { autoLockMinutes: String(settings.autoLockMinutes), retentionYearsAfterDob: String(settings.retentionYearsAfterDob) },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    setSaved(null);
    try {
      await save(settings, values);
      setSaved('Security settings saved.');
    } catch (e) {
      setFailure(submitErrors(e, setError, ['autoLockMinutes', 'retentionYearsAfterDob']));
    }
  });
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
      <FormAlert title="The security settings were not saved" messages={failure} />
      <SavedNote message={saved} />
      <div className={styles.actions}><SaveButton busy={isSubmitting} /></div>
    </form>
  );
}

// ---- a new recovery key (DT only) ----------------------------------------------------------------
// Shown once, like the first-run recovery key screen (same sheet, print styles and confirmation);
// that screen fills a whole locked-layout page, so the sheet is repeated here inside Settings.

const usePrintStyles = makeStaticStyles({
  '@media print': {
    'body *': { visibility: 'hidden' },
    '#recovery-key-sheet, #recovery-key-sheet *': { visibility: 'visible' },
    '#recovery-key-sheet': { position: 'absolute', left: '0', top: '0', width: '100%' },
  },
});

const useKeyStyles = makeStyles({
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  key: {
    fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Courier New', monospace",
    fontSize: '26px',
    lineHeight: '1.5',
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.06em',
    wordSpacing: '0.2em',
    textAlign: 'center',
    userSelect: 'all',
    overflowWrap: 'anywhere',
    margin: `${tokens.spacingVerticalS} 0`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
});

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
  usePrintStyles();
  const styles = useKeyStyles();
  const common = useSettingsStyles();
  const [confirmed, setConfirmed] = useState(false);
  const [showError, setShowError] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const today = formatUkDate(new Date().toISOString().slice(0, 10));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopyNote('Copied. Paste it somewhere safe, then clear your clipboard.');
    } catch {
      setCopyNote('Copying is not allowed here: select the key and copy it by hand.');
    }
  };
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This is shown only once.</MessageBarTitle>
          Print it or write it down now. The old recovery key no longer works.
        </MessageBarBody>
      </MessageBar>
      <section id="recovery-key-sheet" className={styles.sheet} aria-labelledby="new-recovery-key-label">
        <Text weight="semibold" id="new-recovery-key-label">CiC Register recovery key: {schoolName}</Text>
        <Text size={200}>Issued {today}. Replaces every earlier recovery key. OFFICIAL-SENSITIVE: keep in the school safe.</Text>
        <p className={styles.key} data-testid="new-recovery-key">{recoveryKey}</p>
      </section>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => window.print()}>Print</Button>
        <Button onClick={copy}>Copy</Button>
      </div>
      <div role="status" aria-live="polite"><Text size={200}>{copyNote}</Text></div>
      <Field
        required
        validationState={showError && !confirmed ? 'error' : 'none'}
        validationMessage={showError && !confirmed ? 'Tick the box to confirm you have kept the new recovery key.' : undefined}
      >
        <Checkbox
          checked={confirmed}
          onChange={(_e, d) => setConfirmed(d.checked === true)}
          label="I have printed or saved the new recovery key and will keep it in the school safe"
        />
      </Field>
      <div className={common.actions}>
        <Button appearance="primary" onClick={() => (confirmed ? onDone() : setShowError(true))}>Done</Button>
      </div>
    </>
  );
}
