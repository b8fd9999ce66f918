// After a recovery-key unlock: set a new passphrase for one user; the session becomes theirs.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { setStatus } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/TextField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LockedLayout } from '../../components/LockedLayout.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { submitErrors } from '../../lib/forms.ts';
import { roleLabel } from '../../lib/roles.ts';

const schema = z.object({
  userId: z.string().min(1, 'Choose whose passphrase to set.'),
  newPassphrase: z.string().min(1, 'Enter a new passphrase.'),
  confirm: z.string(),
}).refine((v) => v.newPassphrase === v.confirm, { path: ['confirm'], message: 'The two passphrases do not match.' });
type Values = z.infer<typeof schema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export function ResetPassphraseScreen({ status }: { status: AppStatus }) {
  const styles = useStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { handleSubmit, control, setError, formState: { isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { userId: status.users.find((u) => u.role === 'dt')?.id ?? status.users[0]?.id ?? '', newPassphrase: '', confirm: '' },
  });

  const onSubmit = handleSubmit(async ({ userId, newPassphrase: p }) => {
    setFailure([]);
    try {
      setStatus(qc, await call('resetPassphrase', { userId, newPassphrase: p }));
    } catch (e) {
      // The keyring reports passphrase problems on "passphrase"; here that field is newPassphrase.
      setFailure(submitErrors(e, setError, ['userId', 'newPassphrase'], { passphrase: 'newPassphrase' }));
    }
  });

  const lock = async () => {
    setStatus(qc, await call('lock', {}));
  };

  return (
    <LockedLayout width={560}>
      <Heading focusOnMount>Set a new passphrase</Heading>
      <Text>
        The register is open with the recovery key. Choose whose passphrase to replace and type a new one.
        You will then be signed in as that person.
      </Text>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Set a new passphrase">
        <SelectField control={control} name="userId" label="Whose passphrase?" required>
          {status.users.map((u) => <option key={u.id} value={u.id}>{u.name} ({roleLabel(u.role)})</option>)}
        </SelectField>
        <PassphraseField label="New passphrase" control={control} name="newPassphrase" autoComplete="new-password" meter />
        <PassphraseField label="Confirm new passphrase" control={control} name="confirm" autoComplete="new-password" />
        <FormAlert title="The passphrase was not changed" messages={failure} />
        <div className={styles.actions}>
          <Button type="button" onClick={lock}>Cancel and lock</Button>
          <Button type="submit" appearance="primary" size="large" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Set passphrase and continue'}</Button>
        </div>
      </form>
    </LockedLayout>
  );
}
