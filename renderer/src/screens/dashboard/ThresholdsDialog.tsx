// The alert thresholds of issue 6 (attendance and ESW weeks are in Settings › School): how early a
// PEP, risk review or EHCP review is flagged, from which year a careers plan is expected, and the
// PP+ spending checkpoints.

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { alertThresholdsInput, type AlertThresholds } from '../../api/contract.ts';
import { TextField } from '../../components/TextField.tsx';
import { submitErrors } from '../../lib/forms.ts';
import { CheckboxField } from '../children/fields.tsx';
import { useRegisterChange } from './queries.ts';
import { useUi } from './ui.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const whole = (label: string) => z.string().trim().transform((t, ctx) => {
  const v = Number(t);
  if (!t || !Number.isInteger(v)) {
    ctx.addIssue({ code: 'custom', message: `${label} is a whole number.` });
    return z.NEVER;
  }
  return v;
});

const form = z.object({
  pepDueSoonSchoolDays: whole('This'),
  riskReviewDueSoonDays: whole('This'),
  ehcpReviewWarningDays: whole('This'),
  eswCountSchoolWeeks: z.boolean(),
  careersPlanFromYear: whole('The year group'),
  progressCoreSubjectsOnly: z.boolean(),
  ppPlusAutumnMinSpentPercent: whole('The share'),
  ppPlusMarchMinSpentPercent: whole('The share'),
});

export function ThresholdsDialog({ thresholds: t, onClose, onSaved }: { thresholds: AlertThresholds; onClose: () => void; onSaved: (m: string) => void }) {
  const ui = useUi();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [failure, setFailure] = useState<string[]>([]);
  const schema = form.pipe(alertThresholdsInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof form>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      pepDueSoonSchoolDays: String(t.pepDueSoonSchoolDays), riskReviewDueSoonDays: String(t.riskReviewDueSoonDays),
      ehcpReviewWarningDays: String(t.ehcpReviewWarningDays), eswCountSchoolWeeks: t.eswCountSchoolWeeks,
      careersPlanFromYear: String(t.careersPlanFromYear), progressCoreSubjectsOnly: t.progressCoreSubjectsOnly,
      ppPlusAutumnMinSpentPercent: String(t.ppPlusAutumnMinSpentPercent), ppPlusMarchMinSpentPercent: String(t.ppPlusMarchMinSpentPercent),
    },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      await run('updateAlertThresholds', body);
      onSaved('Alert thresholds saved. The alerts have been worked out again.');
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(form.shape)));
    }
  });
  return (
    <FormDialog state={dialog} unsaved={unsaved} title="Alert thresholds" submitLabel="Save thresholds" busy={isSubmitting} failure={failure}
      failureTitle="The thresholds were not saved" onSubmit={onSubmit}
      intro="Attendance thresholds and the ESW session gap are in Settings › School details.">
      <div className={ui.formGrid2}>
        <TextField label="Warn of a PEP due within (school days)" inputMode="numeric" control={control} name="pepDueSoonSchoolDays" />
        <TextField label="List risk reviews due within (days)" inputMode="numeric" control={control} name="riskReviewDueSoonDays" />
        <TextField label="Warn before an EHCP review (days)" inputMode="numeric" control={control} name="ehcpReviewWarningDays" />
        <TextField label="Careers plan expected from year" inputMode="numeric" hint="7 to 13" control={control} name="careersPlanFromYear" />
        <TextField label="PP+ spent by the end of autumn (%)" inputMode="numeric" control={control} name="ppPlusAutumnMinSpentPercent" />
        <TextField label="PP+ spent by 1 March (%)" inputMode="numeric" control={control} name="ppPlusMarchMinSpentPercent" />
      </div>
      <CheckboxField label="Count ESW weeks in school weeks (no alerts over the holidays)" control={control} name="eswCountSchoolWeeks" />
      <CheckboxField label="Progress below target: core subjects only (English, maths, science)" control={control} name="progressCoreSubjectsOnly" />
    </FormDialog>
  );
}
