// Users: who can open the register. The DT adds and removes people; everyone can change their own
// passphrase.

import {
  Badge, Button, Field, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract, type AppStatus, type PublicUser } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { keys, useUsers } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { ROLE_LABELS, roleLabel } from '../../lib/roles.ts';
import { Fieldset, QueryState, useSettingsStyles } from './common.tsx';
import { useSaveOutcome } from '../../components/useSaveOutcome.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

export function UsersSection({ status }: { status: AppStatus }) {
  const styles = useSettingsStyles();
  const users = useUsers();
  const isDt = status.session?.role === 'dt';
  const me = status.session?.userId;
  const [removing, setRemoving] = useState<PublicUser | null>(null);
  return (
    <>
      <Text>
        Each person has their own passphrase. The Designated Teacher can add a deputy (usually the SENDCo) and remove
        people who no longer need access.
      </Text>
      <QueryState loading={users.isPending} error={users.error} what="users">
        <div className={styles.tableWrap}>
          <Table aria-label="Users who can open the register">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                {isDt ? <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {(users.data ?? []).map((u) => (
                <TableRow key={u.id}>
                  <TableCell>{u.name} {u.id === me ? <Badge appearance="tint" color="brand">You</Badge> : null}</TableCell>
                  <TableCell>{roleLabel(u.role)}</TableCell>
                  {isDt ? (
                    <TableCell>
                      <div className={styles.cellActions}>
                        {u.id !== me ? (
                          <Button size="small" onClick={() => setRemoving(u)} aria-label={`Remove ${u.name}`}>Remove</Button>
                        ) : null}
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </QueryState>
      {isDt ? <AddUserForm /> : null}
      <ChangePassphraseForm />
      {removing ? <RemoveUserDialog user={removing} onClose={() => setRemoving(null)} /> : null}
    </>
  );
}

function RemoveUserDialog({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('removeUser', { userId: user.id });
      qc.setQueryData(keys.users, next);
      await qc.invalidateQueries({ queryKey: keys.status });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog open title={`Remove ${user.name}?`} confirmLabel="Remove user" danger busy={busy} error={error} onConfirm={confirm} onCancel={onClose}>
      <Text>
        {user.name} ({roleLabel(user.role)}) will no longer be able to open the register. The register is re-encrypted
        with a new key, so an old copy of their passphrase will not work either, and their access is taken out of the
        backups in the register&apos;s backups folder. A backup copied elsewhere (a USB stick, say) still opens with the
        passphrase they had then. Their past actions stay in the audit log.
      </Text>
    </ConfirmDialog>
  );
}

const addSchema = contract.addUser.input.extend({ confirm: z.string() }).refine((v) => v.passphrase === v.confirm, {
  path: ['confirm'], message: 'The two passphrases do not match.',
});
type AddIn = z.input<typeof addSchema>;
type AddOut = z.output<typeof addSchema>;

function AddUserForm() {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const { control, handleSubmit, setError, reset, formState: { errors, isSubmitting, isDirty } } = useForm<AddIn, unknown, AddOut>({
    resolver: zodResolver(addSchema), defaultValues: { name: '', role: 'deputy', passphrase: '', confirm: '' },
  });
  useUnsavedChanges(isDirty);
  const outcome = useSaveOutcome(setError, ['name', 'role', 'passphrase', 'confirm']);
  const onSubmit = handleSubmit(({ confirm: _c, ...input }) => outcome.attempt(async () => {
    const user = await call('addUser', input);
    reset();
    await qc.invalidateQueries({ queryKey: keys.users });
    await qc.invalidateQueries({ queryKey: keys.status });
    return `${user.name} can now open the register with their passphrase.`;
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Add a user">
      <Fieldset legend="Add a user">
        <Text>Ask the person to type their own passphrase here, or give them one to change after they first sign in.</Text>
        <TextField label="Name" required control={control} name="name" />
        <Field label="Role" required validationMessage={errors.role?.message}>
          <Controller control={control} name="role" render={({ field }) => (
            <RadioGroup value={field.value} onChange={(_e, d) => field.onChange(d.value)} name={field.name} layout="horizontal">
              <Radio value="deputy" label={ROLE_LABELS.deputy} />
              <Radio value="dt" label={ROLE_LABELS.dt} />
            </RadioGroup>
          )} />
        </Field>
        <div className={styles.grid2}>
          <PassphraseField label="Their passphrase" control={control} name="passphrase" autoComplete="new-password" meter />
          <PassphraseField label="Confirm their passphrase" control={control} name="confirm" autoComplete="new-password" />
        </div>
        <FormAlert title="The user was not added" messages={outcome.failure} />
        <SavedNote message={outcome.saved} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Adding…' : 'Add user'}</Button>
        </div>
      </Fieldset>
    </form>
  );
}

const changeSchema = contract.changePassphrase.input.extend({
  oldPassphrase: z.string().min(1, 'Enter your current passphrase.'),
  confirm: z.string(),
}).refine((v) => v.newPassphrase === v.confirm, { path: ['confirm'], message: 'The two passphrases do not match.' });
type ChangeIn = z.input<typeof changeSchema>;
type ChangeOut = z.output<typeof changeSchema>;

function ChangePassphraseForm() {
  const styles = useSettingsStyles();
  const { control, handleSubmit, setError, reset, formState: { isSubmitting, isDirty } } = useForm<ChangeIn, unknown, ChangeOut>({
    resolver: zodResolver(changeSchema), defaultValues: { oldPassphrase: '', newPassphrase: '', confirm: '' },
  });
  useUnsavedChanges(isDirty);
  // The keyring names the new passphrase "passphrase"; a wrong current one is WrongPassphrase.
  const outcome = useSaveOutcome(setError, ['oldPassphrase', 'newPassphrase', 'confirm'], { passphrase: 'newPassphrase' });
  const onSubmit = handleSubmit(({ oldPassphrase, newPassphrase: p }) => outcome.attempt(async () => {
    try {
      await call('changePassphrase', { oldPassphrase, newPassphrase: p });
    } catch (e) {
      if (!isApiError(e) || e.code !== 'WrongPassphrase') throw e;
      setError('oldPassphrase', { type: 'server', message: 'That is not your current passphrase.' }, { shouldFocus: true });
      return null;
    }
    reset();
    return 'Your passphrase has been changed. Use the new one next time you unlock.';
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Change my passphrase">
      <Fieldset legend="Change my passphrase">
        <PassphraseField label="Current passphrase" control={control} name="oldPassphrase" autoComplete="current-password" />
        <div className={styles.grid2}>
          <PassphraseField label="New passphrase" control={control} name="newPassphrase" autoComplete="new-password" meter />
          <PassphraseField label="Confirm new passphrase" control={control} name="confirm" autoComplete="new-password" />
        </div>
        <FormAlert title="Your passphrase was not changed" messages={outcome.failure} />
        <SavedNote message={outcome.saved} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Changing…' : 'Change passphrase'}</Button>
        </div>
      </Fieldset>
    </form>
  );
}
