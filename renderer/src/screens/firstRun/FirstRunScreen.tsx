// First run (status 'none'): create the register, or explore the fictitious demo register.

import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button, Divider, Field, Radio, RadioGroup, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { contract } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { setStatus } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LockedLayout } from '../../components/LockedLayout.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { submitErrors } from '../../lib/forms.ts';
import { ROLE_LABELS } from '../../lib/roles.ts';

const schema = contract.createRegister.input.extend({ confirm: z.string() }).refine((v) => v.passphrase === v.confirm, {
  path: ['confirm'], message: 'The two passphrases do not match.',
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['schoolName', 'userName', 'role', 'passphrase', 'confirm'] as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end' },
  demo: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export function FirstRunScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const styles = useStyles();
  const qc = useQueryClient();
  const [formError, setFormError] = useState<string[]>([]);
  const [demoError, setDemoError] = useState<string | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  const { handleSubmit, control, setError, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { schoolName: '', userName: '', role: 'dt', passphrase: '', confirm: '' },
  });

  const onSubmit = handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFormError([]);
    try {
      const { recoveryKey, status } = await call('createRegister', input);
      onCreated(recoveryKey);
      setStatus(qc, status);
    } catch (e) {
      setFormError(submitErrors(e, setError, FIELDS));
    }
  });

  const openDemo = async () => {
    setDemoError(null);
    setDemoBusy(true);
    try {
      const { status } = await call('openDemoRegister', {});
      setStatus(qc, status);
    } catch (e) {
      // Put the DT's own register back in use, whatever state the demo attempt left behind.
      await call('useMainRegister', {}).then((s) => setStatus(qc, s), () => undefined);
      setDemoError(`The demo register could not be opened. ${errorMessage(e)}`);
    } finally {
      setDemoBusy(false);
    }
  };

  return (
    <LockedLayout width={620}>
      <Heading focusOnMount>Set up your register</Heading>
      <Text>
        CiC Register keeps your school&rsquo;s register of children in care and previously looked-after children,
        encrypted on this computer. Only people with a passphrase (you and your deputy) can open it.
      </Text>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Create the register">
        <TextField label="School name" required control={control} name="schoolName" autoComplete="organization" />
        <TextField label="Your name" required control={control} name="userName" autoComplete="name" />
        <Field label="Your role" required validationMessage={errors.role?.message}>
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <RadioGroup value={field.value} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} name={field.name}>
                <Radio value="dt" label={ROLE_LABELS.dt} />
                <Radio value="deputy" label={ROLE_LABELS.deputy} />
              </RadioGroup>
            )}
          />
        </Field>
        <PassphraseField
          label="Passphrase"
          hint="You will type this every time you open the register. Three or four unrelated words work well."
          control={control} name="passphrase"
          autoComplete="new-password"
          meter
        />
        <PassphraseField label="Confirm passphrase" control={control} name="confirm" autoComplete="new-password" />
        <FormAlert title="The register was not created" messages={formError} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" size="large" disabled={isSubmitting}>
            {isSubmitting ? 'Creating the register…' : 'Create the register'}
          </Button>
        </div>
      </form>
      <Divider />
      <section className={styles.demo} aria-labelledby="demo-heading">
        <Heading level={2} id="demo-heading">Just looking?</Heading>
        <Text>Try the app with a separate demo register of made-up children. Your own register is not touched.</Text>
        <Button onClick={openDemo} disabled={demoBusy}>{demoBusy ? 'Opening the demo…' : 'Explore a demo register (fictitious data)'}</Button>
        <FormAlert messages={demoError} />
      </section>
    </LockedLayout>
  );
}
