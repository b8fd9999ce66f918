// The service level agreement for progress returns: due a number of school days after a window
// closes, then a stage of the chase ladder every so many school days; stage 3 goes to a senior leader.

import { Field, Select, Text } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { SlaSettings } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { wholeNumber } from '../../../lib/forms.ts';
import { Fieldset, QueryState, SaveButton, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useSla, useTeachers } from '../queries.ts';
import { useSaveOutcome } from '../../../components/useSaveOutcome.ts';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

const schema = z.object({
  returnDueSchoolDays: wholeNumber('The days until returns are due', 0, 60),
  escalationGapSchoolDays: wholeNumber('The days between stages', 1, 30),
  seniorLeaderName: z.string().trim().max(100, 'Must be at most 100 characters.'),
  seniorLeaderEmail: z.string().trim().max(200).refine((s) => !s || z.email().safeParse(s).success, 'Enter a valid email address.'),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = Object.keys(schema.shape);

const toForm = (s: SlaSettings): FormIn => ({
  returnDueSchoolDays: String(s.returnDueSchoolDays), escalationGapSchoolDays: String(s.escalationGapSchoolDays),
  seniorLeaderName: s.seniorLeaderName ?? '', seniorLeaderEmail: s.seniorLeaderEmail ?? '',
});

export function SlaSection() {
  const sla = useSla();
  return (
    <QueryState loading={sla.isPending} error={sla.error} what="service level agreement">
      {sla.data ? <SlaForm sla={sla.data} /> : null}
    </QueryState>
  );
}

function SlaForm({ sla }: { sla: SlaSettings }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const teachers = useTeachers();
  const { control, handleSubmit, setError, reset, setValue, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(sla),
  });
  useUnsavedChanges(isDirty);
  const outcome = useSaveOutcome(setError, FIELDS);
  const leaders = (teachers.data ?? []).filter((t) => t.isSeniorLeader && t.active);
  const onSubmit = handleSubmit((v) => outcome.attempt(async () => {
    const next = await call('updateSlaSettings', { ...v, seniorLeaderName: v.seniorLeaderName || null, seniorLeaderEmail: v.seniorLeaderEmail || null });
    await invalidateProgress(qc);
    reset(toForm(next));
    return 'Service level agreement saved.';
  }));
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Service level agreement">
      <Text>
        School days come from the academic years&rsquo; term dates, skipping weekends, holidays and INSET days. A return is
        late the school day after it is due; each later stage starts the set number of school days after the last.
      </Text>
      <Fieldset legend="Deadlines">
        <div className={styles.grid2}>
          <TextField label="Returns are due this many school days after a window closes" inputMode="numeric" control={control} name="returnDueSchoolDays"
            hint="Or after they are requested, if that is later" />
          <TextField label="School days between chase stages" inputMode="numeric" control={control} name="escalationGapSchoolDays"
            hint="Stage 1 reminder, stage 2 copied to the subject leader, stage 3 senior leadership" />
        </div>
      </Fieldset>
      <Fieldset legend="Stage 3: senior leader">
        {leaders.length ? (
          <Field label="Fill in from a senior leader" hint="Teachers marked as senior leaders">
            <Select defaultValue="" onChange={(_e, d) => {
              const t = leaders.find((l) => String(l.id) === d.value);
              if (t) {
                setValue('seniorLeaderName', t.name, { shouldDirty: true });
                setValue('seniorLeaderEmail', t.email ?? '', { shouldDirty: true });
              }
            }}>
              <option value="">Choose…</option>
              {leaders.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </Select>
          </Field>
        ) : null}
        <div className={styles.grid2}>
          <TextField label="Senior leader's name" control={control} name="seniorLeaderName" />
          <TextField label="Senior leader's email" type="email" inputMode="email" control={control} name="seniorLeaderEmail" />
        </div>
      </Fieldset>
      <SavedNote message={outcome.saved} />
      <FormAlert title="The agreement was not saved" messages={outcome.failure} />
      <div className={styles.actions}><SaveButton busy={isSubmitting} /></div>
    </form>
  );
}
