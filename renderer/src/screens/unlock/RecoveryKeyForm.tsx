// "Forgotten your passphrase?": unlock with the recovery key from the school safe. The app then
// asks for a new passphrase (ResetPassphraseScreen) before anything else.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { setStatus } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { TextField } from '../../components/TextField.tsx';

const schema = z.object({
  recoveryKey: z.string().trim().min(1, 'Type the recovery key from the printed sheet.').max(100, 'That is too long to be a recovery key.'),
});
type Values = z.infer<typeof schema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  key: { '& input': { fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace", letterSpacing: '0.05em' } },
});

export function RecoveryKeyForm({ onCancel }: { onCancel: () => void }) {
  const styles = useStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState: { isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema), defaultValues: { recoveryKey: '' },
  });
  const onSubmit = handleSubmit(async ({ recoveryKey }) => {
    setFailure(null);
    try {
      setStatus(qc, await call('unlockWithRecoveryKey', { recoveryKey }));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  });
  return (
    <>
      <Heading focusOnMount>Use the recovery key</Heading>
      <Text>
        Type the recovery key printed when the register was set up (kept in the school safe). You will then
        choose a new passphrase.
      </Text>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Unlock with the recovery key">
        <TextField
          className={styles.key}
          label="Recovery key"
          hint="32 letters and digits in groups of four, like ABCD-EFGH-…"
          required
          control={control} name="recoveryKey"
          size="large"
        />
        <FormAlert title="The register is still locked" messages={failure} />
        <div className={styles.actions}>
          <Button type="button" onClick={onCancel}>Back</Button>
          <Button type="submit" appearance="primary" size="large" disabled={isSubmitting}>{isSubmitting ? 'Checking…' : 'Unlock with the recovery key'}</Button>
        </div>
      </form>
    </>
  );
}
