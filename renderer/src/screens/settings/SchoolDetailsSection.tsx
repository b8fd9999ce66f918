// School details and the alert thresholds (attendance, ESW visits). Saves the whole settings
// record: fields from other sections are kept as they are.

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { schoolSettingsInput, type SchoolSettings } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys, useSettings } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { TextAreaField, TextField } from '../../components/TextField.tsx';
import { decimalNumber, wholeNumber } from '../../lib/forms.ts';
import { blankToNull, Fieldset, QueryState, SaveButton, useSettingsStyles } from './common.tsx';
import { useSaveOutcome } from '../../components/useSaveOutcome.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

const schema = schoolSettingsInput
  .pick({ name: true, urn: true, headteacher: true, designatedGovernor: true, dtName: true, deputyDtName: true, address: true, phone: true, email: true })
  .extend({
    attendanceActionPlanPercent: decimalNumber('The attendance action plan threshold', 50, 100),
    attendancePepReviewPercent: decimalNumber('The PEP review threshold', 50, 100),
    eswSessionWeeks: wholeNumber('The weeks between ESW sessions', 1, 52),
  });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = Object.keys(schema.shape);

const toForm = (s: SchoolSettings): FormIn => ({
  name: s.name, urn: s.urn ?? '', headteacher: s.headteacher ?? '', designatedGovernor: s.designatedGovernor ?? '',
  dtName: s.dtName ?? '', deputyDtName: s.deputyDtName ?? '', address: s.address ?? '', phone: s.phone ?? '', email: s.email ?? '',
  attendanceActionPlanPercent: String(s.attendanceActionPlanPercent), attendancePepReviewPercent: String(s.attendancePepReviewPercent),
  eswSessionWeeks: String(s.eswSessionWeeks),
});

export function SchoolDetailsSection() {
  const settings = useSettings();
  return (
    <QueryState loading={settings.isPending} error={settings.error} what="school details">
      {settings.data ? <SchoolDetailsForm settings={settings.data} /> : null}
    </QueryState>
  );
}

function SchoolDetailsForm({ settings }: { settings: SchoolSettings }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const { control, handleSubmit, setError, reset, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(settings),
  });
  useUnsavedChanges(isDirty);
  const outcome = useSaveOutcome(setError, FIELDS);
  const onSubmit = handleSubmit((values) => outcome.attempt(async () => {
    const next = await call('updateSettings', { ...settings, ...blankToNull(values), name: values.name });
    qc.setQueryData(keys.settings, next);
    reset(toForm(next));
    await qc.invalidateQueries({ queryKey: keys.status });
    return 'School details saved.';
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="School details">
      <Fieldset legend="School">
        <div className={styles.grid2}>
          <TextField label="School name" required control={control} name="name" />
          <TextField label="URN" hint="Unique reference number: six digits" inputMode="numeric" control={control} name="urn" />
          <TextField label="Headteacher" control={control} name="headteacher" />
          <TextField label="Designated governor for children in care" control={control} name="designatedGovernor" />
          <TextField label="Designated Teacher" control={control} name="dtName" />
          <TextField label="Deputy DT (usually the SENDCo)" control={control} name="deputyDtName" />
        </div>
        <TextAreaField label="Address" control={control} name="address" />
        <div className={styles.grid2}>
          <TextField label="Phone" type="tel" inputMode="tel" control={control} name="phone" />
          <TextField label="Email" type="email" inputMode="email" control={control} name="email" />
        </div>
      </Fieldset>
      <Fieldset legend="Alert thresholds">
        <div className={styles.grid2}>
          <TextField label="Attendance action plan at or below (%)" hint="Default 90%" inputMode="decimal"
            control={control} name="attendanceActionPlanPercent" />
          <TextField label="Review the PEP when attendance is below (%)" hint="Default 85%" inputMode="decimal"
            control={control} name="attendancePepReviewPercent" />
          <TextField label="Education Support Worker session at least every (weeks)" hint="Default 4 weeks" inputMode="numeric"
            control={control} name="eswSessionWeeks" />
        </div>
      </Fieldset>
      <FormAlert title="The school details were not saved" messages={outcome.failure} />
      <SavedNote message={outcome.saved} />
      <div className={styles.actions}><SaveButton busy={isSubmitting} /></div>
    </form>
  );
}
