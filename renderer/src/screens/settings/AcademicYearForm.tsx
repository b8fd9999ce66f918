// Add or edit one academic year: its three terms (with half terms) and its closure days.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { academicYearInput, type AcademicYear, type Closure } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField, TextField, SelectField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalText, optionalUkDate, submitErrors, ukDate } from '../../lib/forms.ts';
import { Fieldset, useSettingsStyles } from './common.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

const TERMS = ['Autumn', 'Spring', 'Summer'] as const;
export const CLOSURE_KINDS: Record<Closure['kind'], string> = { inset: 'INSET day', bank_holiday: 'Bank holiday', closure: 'Other closure' };

const schema = z.object({
  id: z.number().optional(),
  label: z.string().trim(),
  startDate: ukDate('the first day of the academic year'),
  endDate: ukDate('the last day of the academic year'),
  terms: z.array(z.object({
    name: z.enum(TERMS),
    startDate: ukDate('the first day of term'),
    endDate: ukDate('the last day of term'),
    halfTermStart: optionalUkDate(),
    halfTermEnd: optionalUkDate(),
  })).length(3),
  closures: z.array(z.object({
    date: ukDate('the closure date'),
    kind: z.enum(['inset', 'bank_holiday', 'closure']),
    description: optionalText(200),
  })),
}).transform((v): z.input<typeof academicYearInput> => v).pipe(academicYearInput);
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['label', 'startDate', 'endDate', 'terms.*.startDate', 'terms.*.endDate', 'terms.*.halfTermStart', 'terms.*.halfTermEnd', 'closures.*.date', 'closures.*.kind', 'closures.*.description'];

function blankYear(): FormIn {
  const now = new Date();
  const y = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
  return {
    label: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
    startDate: `01/09/${y}`,
    endDate: `31/08/${y + 1}`,
    terms: TERMS.map((name) => ({ name, startDate: '', endDate: '', halfTermStart: '', halfTermEnd: '' })),
    closures: [],
  };
}

function toForm(y: AcademicYear): FormIn {
  return {
    id: y.id,
    label: y.label,
    startDate: formatUkDate(y.startDate),
    endDate: formatUkDate(y.endDate),
    terms: TERMS.map((name) => {
      const t = y.terms.find((x) => x.name === name);
      return { name, startDate: formatUkDate(t?.startDate), endDate: formatUkDate(t?.endDate), halfTermStart: formatUkDate(t?.halfTermStart), halfTermEnd: formatUkDate(t?.halfTermEnd) };
    }),
    closures: y.closures.map((c) => ({ date: formatUkDate(c.date), kind: c.kind, description: c.description ?? '' })),
  };
}

const useStyles = makeStyles({
  closureRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(150px, 180px) minmax(150px, 180px) 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

export function AcademicYearForm({ year, onDone }: { year: AcademicYear | null; onDone: (saved: AcademicYear | null) => void }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { errors, isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: year ? toForm(year) : blankYear(),
  });
  const unsaved = useUnsavedChanges(isDirty);
  const closures = useFieldArray({ control, name: 'closures' });

  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    try {
      const saved = await call('saveAcademicYear', values);
      await qc.invalidateQueries({ queryKey: keys.academicYears });
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });

  // Zod's array-level issues (e.g. "Terms must not overlap") land on the array itself.
  const arrayErrors = [errors.terms?.message, errors.terms?.root?.message, errors.closures?.message, errors.closures?.root?.message]
    .filter((m): m is string => Boolean(m));

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="year-form-heading">
      <Heading level={3} id="year-form-heading" focusOnMount>{year ? `Edit academic year ${year.label}` : 'Add an academic year'}</Heading>
      <div className={styles.grid4}>
        <TextField label="Academic year" hint="Like 2025-26" required control={control} name="label" />
        <DateField label="First day" required control={control} name="startDate" />
        <DateField label="Last day" required control={control} name="endDate" />
      </div>
      {TERMS.map((name, i) => {
        return (
          <Fieldset key={name} legend={`${name} term`}>
            <div className={styles.grid4}>
              <DateField label="Term starts" required control={control} name={`terms.${i}.startDate`} />
              <DateField label="Term ends" required control={control} name={`terms.${i}.endDate`} />
              <DateField label="Half-term holiday from" control={control} name={`terms.${i}.halfTermStart`} />
              <DateField label="Half-term holiday to" control={control} name={`terms.${i}.halfTermEnd`} />
            </div>
          </Fieldset>
        );
      })}
      <Fieldset legend="Closure days in term time">
        <Text className={styles.muted}>INSET days, bank holidays and other days the school is closed during term.</Text>
        {closures.fields.length === 0 ? <Text>No closure days added.</Text> : null}
        {closures.fields.map((f, i) => {
          return (
            <div key={f.id} role="group" aria-label={`Closure day ${i + 1}`} className={own.closureRow}>
              <DateField label="Date" required control={control} name={`closures.${i}.date`} />
              <SelectField control={control} name={`closures.${i}.kind`} label="Type">
                {Object.entries(CLOSURE_KINDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </SelectField>
              <TextField label="Description (optional)" control={control} name={`closures.${i}.description`} />
              <Button className={styles.besideFields} onClick={() => closures.remove(i)} aria-label={`Remove closure day ${i + 1}`}>Remove</Button>
            </div>
          );
        })}
        <div>
          <Button onClick={() => closures.append({ date: '', kind: 'inset', description: '' })}>Add a closure day</Button>
        </div>
      </Fieldset>
      <FormAlert title="The academic year was not saved" messages={[...arrayErrors, ...failure]} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save academic year'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
