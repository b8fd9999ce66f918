// The lock screen (status 'locked'): choose who you are, type your passphrase. A wrong passphrase
// says so clearly and the register stays locked. The recovery-key route starts here too.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { setStatus } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/TextField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LockedLayout } from '../../components/LockedLayout.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { roleLabel } from '../../lib/roles.ts';
import { RecoveryKeyForm } from './RecoveryKeyForm.tsx';

const schema = z.object({
  userId: z.string().min(1, 'Choose who you are.'),
  passphrase: z.string().min(1, 'Enter your passphrase.'),
});
type Values = z.infer<typeof schema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const LAST_USER = 'cic-last-user';

export function UnlockScreen({ status, notice }: { status: AppStatus; notice?: string | null }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return (
    <LockedLayout width={520}>
      {mode === 'passphrase'
        ? <PassphraseUnlock status={status} notice={notice ?? null} onForgotten={() => setMode('recovery')} />
        : <RecoveryKeyForm onCancel={() => setMode('passphrase')} />}
    </LockedLayout>
  );
}

/** Why the register locked itself, in plain English; null after a manual lock or a fresh start. */
function lockReason(status: AppStatus): string | null {
  if (status.lockedBecause === 'idle') {
    const n = status.autoLockMinutes;
    return `Locked after ${n} ${n === 1 ? 'minute' : 'minutes'} without use, to keep the register safe. Anything saved before then is kept.`;
  }
  if (status.lockedBecause === 'system') return 'Locked because the computer was locked or went to sleep.';
  return null;
}

function PassphraseUnlock({ status, notice, onForgotten }: { status: AppStatus; notice: string | null; onForgotten: () => void }) {
  const styles = useStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const remembered = localStorage.getItem(LAST_USER);
  const initialUser = status.users.find((u) => u.id === remembered)?.id ?? status.users[0]?.id ?? '';
  const { control, handleSubmit, setValue, setFocus, formState: { isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { userId: initialUser, passphrase: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const next = await call('unlock', values);
      localStorage.setItem(LAST_USER, values.userId);
      setStatus(qc, next);
    } catch (e) {
      setFailure(errorMessage(e));
      if (isApiError(e) && e.code === 'WrongPassphrase') {
        setValue('passphrase', '');
        setFocus('passphrase');
      }
    }
  });

  const leaveDemo = async () => {
    await call('useMainRegister', {}).then((s) => setStatus(qc, s), (e: unknown) => setFailure(errorMessage(e)));
  };

  return (
    <>
      <Heading focusOnMount>{status.isDemo ? 'Unlock the demo register' : 'Unlock the register'}</Heading>
      {notice ? (
        <MessageBar intent="info" layout="multiline"><MessageBarBody>{notice}</MessageBarBody></MessageBar>
      ) : null}
      {!notice && lockReason(status) ? (
        <MessageBar intent="info" layout="multiline" data-testid="lock-reason"><MessageBarBody>{lockReason(status)}</MessageBarBody></MessageBar>
      ) : null}
      <Text>The register is locked. Choose your name and type your passphrase to open it.</Text>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Unlock">
        <SelectField control={control} name="userId" label="Who are you?" required>
          {status.users.map((u) => <option key={u.id} value={u.id}>{u.name} ({roleLabel(u.role)})</option>)}
        </SelectField>
        <PassphraseField label="Passphrase" control={control} name="passphrase" autoComplete="current-password" />
        <FormAlert title="The register is still locked" messages={failure} />
        <div className={styles.actions}>
          <Link as="button" type="button" onClick={onForgotten}>Forgotten your passphrase? Use the recovery key</Link>
          <Button type="submit" appearance="primary" size="large" disabled={isSubmitting}>{isSubmitting ? 'Unlocking…' : 'Unlock'}</Button>
        </div>
      </form>
      {status.isDemo ? (
        <Button appearance="secondary" onClick={leaveDemo}>Leave the demo and go back to my register</Button>
      ) : null}
    </>
  );
}
