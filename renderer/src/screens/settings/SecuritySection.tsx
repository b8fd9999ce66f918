// Security: how soon the register locks itself when nobody is using it, and records retention.

import { zodResolver } from '@hookform/resolvers/zod';
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { SchoolSettings } from '../../api/contract.ts';
import { useSettings } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
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
  return (
    <QueryState loading={settings.isPending} error={settings.error} what="security settings">
      {settings.data ? <SecurityForm settings={settings.data} /> : null}
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
