// One local authority's termly PEP cut-off dates for a chosen academic year. The Virtual School
// sets them; a termly PEP is due by the cut-off, else by the end of term (the PEP schedule,
// alerts and dashboard all read them).

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Select, Text, makeStyles } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PEP_TERMS, type LaPepDeadlineYear, type LaPepCutoff, type LocalAuthority } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { laPepDeadlinesKey, useLaPepDeadlines } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors } from '../../lib/forms.ts';
import { todayIso } from '../children/common.tsx';
import { QueryState, useSettingsStyles } from './common.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

const schema = z.object({ cutoffs: z.object({ Autumn: optionalUkDate(), Spring: optionalUkDate(), Summer: optionalUkDate() }) });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = PEP_TERMS.map((t) => `cutoffs.${t}`);

const toForm = (y: LaPepDeadlineYear | undefined): FormIn => ({
  cutoffs: {
    Autumn: formatUkDate(y?.terms[0]?.cutoffDate), Spring: formatUkDate(y?.terms[1]?.cutoffDate), Summer: formatUkDate(y?.terms[2]?.cutoffDate),
  },
});

/** The year containing today; else the latest that has started; else the earliest (the list is newest first). */
export function currentYear(years: readonly LaPepDeadlineYear[], today = todayIso()): LaPepDeadlineYear | undefined {
  return years.find((y) => y.startDate <= today && today <= y.endDate) ?? years.find((y) => y.startDate <= today) ?? years[years.length - 1];
}

const useStyles = makeStyles({
  // Padding inside the width, so the card lines up with the local authority form above it.
  card: { boxSizing: 'border-box' },
  yearPicker: { maxWidth: '220px' },
});

const hint = (t: LaPepCutoff): string => (t.termEnd
  ? `dd/mm/yyyy. A termly PEP is due by this date, else by the end of term, ${formatUkDate(t.termEnd)}.`
  : `dd/mm/yyyy. A termly PEP is due by this date, else by the end of term (the ${t.term} term's dates are not set in Academic years).`);

export function LaPepDeadlinesForm({ la }: { la: LocalAuthority }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const list = useLaPepDeadlines(la.id);
  const [yearId, setYearId] = useState<number | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const year = list.data?.find((y) => y.academicYearId === yearId) ?? currentYear(list.data ?? []);
  const { control, handleSubmit, reset, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(year),
  });
  const unsaved = useUnsavedChanges(isDirty);

  // Show the chosen year's dates once loaded, and whenever another year is chosen.
  const shownId = year?.academicYearId;
  useEffect(() => {
    reset(toForm(list.data?.find((y) => y.academicYearId === shownId)));
  }, [shownId, list.data, reset]);

  const onSubmit = handleSubmit(async (values) => {
    if (!year) return;
    setFailure([]);
    setSaved(null);
    try {
      await call('saveLaPepDeadlines', { laId: la.id, academicYearId: year.academicYearId, cutoffs: values.cutoffs });
      await qc.invalidateQueries({ queryKey: laPepDeadlinesKey(la.id) });
      setSaved(`PEP cut-off dates for ${year.label} saved.`);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });

  return (
    <form className={`${styles.form} ${styles.card} ${own.card}`} onSubmit={onSubmit} noValidate aria-labelledby="la-cutoffs-heading">
      <Heading level={3} id="la-cutoffs-heading">PEP cut-off dates</Heading>
      <Text>
        The dates by which {la.name}&rsquo;s Virtual School wants each term&rsquo;s PEPs. Leave a term empty if it has no
        cut-off: the PEP is then due by the end of term.
      </Text>
      <QueryState loading={list.isPending} error={list.error} what="PEP cut-off dates">
        {!year ? (
          <Text className={styles.muted}>Add an academic year with its terms (Settings, Academic years) first.</Text>
        ) : (
          <>
            <Field label="Academic year" className={own.yearPicker}>
              <Select value={String(year.academicYearId)} onChange={(_e, d) => unsaved.confirmDiscard(() => { setSaved(null); setFailure([]); setYearId(Number(d.value)); })}>
                {(list.data ?? []).map((y) => <option key={y.academicYearId} value={y.academicYearId}>{y.label}</option>)}
              </Select>
            </Field>
            <div className={styles.grid4}>
              {year.terms.map((t) => (
                <DateField key={t.term} label={`${t.term} term cut-off`} hint={hint(t)} control={control} name={`cutoffs.${t.term}`} />
              ))}
            </div>
            <FormAlert title="The PEP cut-off dates were not saved" messages={failure} />
            <SavedNote message={saved} />
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save PEP cut-off dates'}</Button>
            </div>
          </>
        )}
      </QueryState>
    </form>
  );
}
