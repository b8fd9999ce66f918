// Backups: back up now, the list of backups, automatic backup settings, and restore (DT only).

import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus, BackupInfo, SchoolSettings } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys, useBackups, useSettings } from '../../api/queries.ts';
import { useAppNotice } from '../../app/notice.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatUkDateTime } from '../../lib/dates.ts';
import { wholeNumber } from '../../lib/forms.ts';
import { Fieldset, QueryState, SaveButton, useSettingsStyles } from './common.tsx';
import { useSaveOutcome } from '../../components/useSaveOutcome.ts';
import { useSettingsPatch } from './useSettingsPatch.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function BackupsSection({ status }: { status: AppStatus }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const backups = useBackups();
  const settings = useSettings();
  const isDt = status.session?.role === 'dt';
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backUpNow = async () => {
    setBusy(true);
    setNote(null);
    setFailure(null);
    try {
      const b = await call('backupNow', {});
      await Promise.all([qc.invalidateQueries({ queryKey: keys.backups }), qc.invalidateQueries({ queryKey: keys.status })]);
      setNote(`Backed up at ${formatUkDateTime(b.createdAt)} (${formatBytes(b.bytes)}). The backup was checked by reopening it.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text>
        Backups are encrypted copies of the whole register, kept in a backups folder beside it. Copy them to the
        school&rsquo;s secure storage as your data protection policy requires.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={backUpNow} disabled={busy}>{busy ? 'Backing up…' : 'Back up now'}</Button>
      </div>
      <SavedNote message={note} />
      <FormAlert title="The backup failed" messages={failure} />
      <QueryState loading={backups.isPending} error={backups.error} what="backups">
        {backups.data && backups.data.length === 0 ? (
          <Text className={styles.muted}>No backups yet.</Text>
        ) : (
          <div className={styles.tableWrap}>
            <Table aria-label="Backups">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Made</TableHeaderCell>
                  <TableHeaderCell>Type</TableHeaderCell>
                  <TableHeaderCell>Size</TableHeaderCell>
                  <TableHeaderCell>File</TableHeaderCell>
                  {isDt ? <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {(backups.data ?? []).map((b) => (
                  <TableRow key={b.name}>
                    <TableCell>{formatUkDateTime(b.createdAt)}</TableCell>
                    <TableCell>{b.automatic ? <Badge appearance="outline">Automatic</Badge> : <Badge appearance="tint" color="brand">Manual</Badge>}</TableCell>
                    <TableCell>{formatBytes(b.bytes)}</TableCell>
                    <TableCell><code>{b.name}</code></TableCell>
                    {isDt ? (
                      <TableCell>
                        <div className={styles.cellActions}>
                          <Button size="small" onClick={() => setRestoring(b)} aria-label={`Restore the backup made ${formatUkDateTime(b.createdAt)}`}>Restore…</Button>
                        </div>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      {settings.data ? <AutomaticBackupsForm settings={settings.data} /> : null}
      {restoring ? <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} /> : null}
    </>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const qc = useQueryClient();
  const [, setNotice] = useAppNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { control, getValues, setError: setFieldError } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const when = formatUkDateTime(backup.createdAt);

  const confirm = async () => {
    const passphrase = getValues('passphrase');
    if (!passphrase) {
      setFieldError('passphrase', { message: 'Type your passphrase to confirm.' }, { shouldFocus: true });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { status, restoredAs } = await call('restoreBackup', { name: backup.name, passphrase });
      setNotice(`The backup made ${when} has been restored. The register it replaced was kept beside it as ${restoredAs}. Unlock to continue.`);
      qc.setQueryData(keys.status, status);
    } catch (e) {
      // The register locks itself before restoring: if it is now locked, say why on the unlock screen.
      const now = await call('getStatus', {}).catch(() => null);
      if (now && now.state !== 'unlocked') {
        setNotice(`The backup was not restored: ${errorMessage(e)} The register is unchanged. Unlock it to continue.`);
        qc.setQueryData(keys.status, now);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog open title="Restore this backup?" confirmLabel="Restore backup" danger busy={busy} error={error} onConfirm={confirm} onCancel={onClose}>
      <Text>
        The register will be replaced by the backup made <strong>{when}</strong>. Anything entered since then will not be in
        the restored register. The current register is kept aside as a safety copy. The register then locks; unlock it
        with your passphrase as it was when the backup was made.
      </Text>
      <PassphraseField label="Your passphrase" hint="To confirm it is you" control={control} name="passphrase" autoComplete="current-password" />
    </ConfirmDialog>
  );
}

const autoSchema = z.object({
  backupEveryHours: wholeNumber('The backup interval', 1, 720),
  backupKeep: wholeNumber('The number of automatic backups to keep', 1, 100),
});
type AutoIn = z.input<typeof autoSchema>;
type AutoOut = z.output<typeof autoSchema>;

function AutomaticBackupsForm({ settings }: { settings: SchoolSettings }) {
  const styles = useSettingsStyles();
  const save = useSettingsPatch();
  const { control, handleSubmit, setError, reset, getValues, formState: { isSubmitting, isDirty } } = useForm<AutoIn, unknown, AutoOut>({
    resolver: zodResolver(autoSchema),
    defaultValues: { backupEveryHours: String(settings.backupEveryHours), backupKeep: String(settings.backupKeep) },
  });
  useUnsavedChanges(isDirty);
  const outcome = useSaveOutcome(setError, ['backupEveryHours', 'backupKeep']);
  const onSubmit = handleSubmit((values) => outcome.attempt(async () => {
    await save(settings, values);
    reset(getValues()); // what was saved is the form's new starting point
    return 'Automatic backup settings saved.';
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Automatic backups">
      <Fieldset legend="Automatic backups">
        <div className={styles.grid2}>
          <TextField label="Back up automatically every (hours)" hint="Default 24" inputMode="numeric" control={control} name="backupEveryHours" />
          <TextField label="Automatic backups to keep" hint="Older ones are deleted. Default 10" inputMode="numeric" control={control} name="backupKeep" />
        </div>
        <FormAlert title="The settings were not saved" messages={outcome.failure} />
        <SavedNote message={outcome.saved} />
        <div className={styles.actions}><SaveButton busy={isSubmitting} /></div>
      </Fieldset>
    </form>
  );
}
