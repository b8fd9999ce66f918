// Each child's timetable: subject → teacher and class code. Returns are requested from it, and an
// unreturned return follows a change of teacher. Saved as a whole (setChildTimetable).

import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { TimetableEntry } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { useChildren } from '../../../api/queries.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { SelectField, TextField } from '../../../components/TextField.tsx';
import { submitErrors } from '../../../lib/forms.ts';
import { QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useAllTimetable, useChildTimetable, useSubjects, useTeachers } from '../queries.ts';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

const useStyles = makeStyles({
  row: {
    display: 'grid', gridTemplateColumns: 'minmax(160px, 1fr) minmax(200px, 1.4fr) minmax(110px, 0.7fr) auto', gap: tokens.spacingHorizontalM,
    alignItems: 'start', paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  picker: { maxWidth: '420px' },
});

export function TimetableSection() {
  const styles = useSettingsStyles();
  const own = useStyles();
  const children = useChildren('current');
  const all = useAllTimetable();
  const [childId, setChildId] = useState<number | null>(null);
  const counts = useMemo(() => {
    const m = new Map<number, number>();
    for (const e of all.data ?? []) m.set(e.childId, (m.get(e.childId) ?? 0) + 1);
    return m;
  }, [all.data]);
  const rows = [...(children.data?.rows ?? [])].sort((a, b) => a.legalLastName.localeCompare(b.legalLastName) || a.legalFirstName.localeCompare(b.legalFirstName));
  const without = rows.filter((c) => !counts.get(c.id)).length;
  const child = rows.find((c) => c.id === childId);
  return (
    <>
      <Text>
        Which teacher teaches each child each subject, and in which class. Returns are requested from the timetable.
        {all.data && rows.length ? ` ${without === 0 ? 'Every child on roll has a timetable.' : `${without} of ${rows.length} children on roll have no timetable yet.`}` : ''}
      </Text>
      <QueryState loading={children.isPending} error={children.error} what="children">
        <Field label="Child" className={own.picker}>
          <Select value={childId === null ? '' : String(childId)} onChange={(_e, d) => setChildId(d.value ? Number(d.value) : null)}>
            <option value="">Choose a child</option>
            {rows.map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalLastName}, {c.preferredName ?? c.legalFirstName} ({c.yearGroupLabel}){counts.get(c.id) ? `: ${counts.get(c.id)} subjects` : ': no timetable'}
              </option>
            ))}
          </Select>
        </Field>
      </QueryState>
      {childId !== null && child ? (
        <ChildTimetable key={childId} childId={childId} childName={`${child.preferredName ?? child.legalFirstName} ${child.legalLastName}`} />
      ) : null}
      {childId === null ? <Text className={styles.muted}>Choose a child to see and change their timetable.</Text> : null}
    </>
  );
}

const idText = (message: string) => z.string().trim().min(1, message).transform(Number);
const schema = z.object({
  entries: z.array(z.object({
    subjectId: idText('Choose the subject.'),
    teacherId: idText('Choose the teacher.'),
    classCode: z.string().trim().max(30, 'Must be at most 30 characters.'),
  })).superRefine((entries, ctx) => {
    const seen = new Set<number>();
    entries.forEach((e, i) => {
      if (seen.has(e.subjectId)) ctx.addIssue({ code: 'custom', path: [i, 'subjectId'], message: 'This subject is already on the timetable.' });
      seen.add(e.subjectId);
    });
  }),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['entries.*.subjectId', 'entries.*.teacherId', 'entries.*.classCode'];

function ChildTimetable({ childId, childName }: { childId: number; childName: string }) {
  const timetable = useChildTimetable(childId);
  return (
    <QueryState loading={timetable.isPending} error={timetable.error} what="timetable">
      {timetable.data ? <TimetableForm childId={childId} childName={childName} entries={timetable.data} /> : null}
    </QueryState>
  );
}

function TimetableForm({ childId, childName, entries }: { childId: number; childName: string; entries: TimetableEntry[] }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const subjects = useSubjects();
  const teachers = useTeachers();
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const toForm = (list: TimetableEntry[]): FormIn => ({
    entries: list.map((e) => ({ subjectId: String(e.subjectId), teacherId: String(e.teacherId), classCode: e.classCode ?? '' })),
  });
  const { control, handleSubmit, setError, reset, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(entries),
  });
  useUnsavedChanges(isDirty);
  const rows = useFieldArray({ control, name: 'entries' });
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    setSaved(null);
    try {
      const next = await call('setChildTimetable', { childId, entries: v.entries.map((e) => ({ ...e, classCode: e.classCode || null })) });
      await invalidateProgress(qc);
      reset(toForm(next));
      setSaved(`${childName}'s timetable saved (${next.length} ${next.length === 1 ? 'subject' : 'subjects'}).`);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={`Timetable for ${childName}`}>
      <div className={styles.card}>
        {rows.fields.length === 0 ? <Text className={styles.muted}>No subjects on {childName}&rsquo;s timetable.</Text> : null}
        {rows.fields.map((f, i) => (
          <div key={f.id} className={own.row} role="group" aria-label={`Timetable row ${i + 1}`}>
            <SelectField label="Subject" control={control} name={`entries.${i}.subjectId`}>
              <option value="">Choose…</option>
              {(subjects.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </SelectField>
            <SelectField label="Teacher" control={control} name={`entries.${i}.teacherId`}>
              <option value="">Choose…</option>
              {(teachers.data ?? []).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </SelectField>
            <TextField label="Class" control={control} name={`entries.${i}.classCode`} />
            <Button className={styles.besideFields} onClick={() => rows.remove(i)} aria-label={`Remove timetable row ${i + 1}`}>Remove</Button>
          </div>
        ))}
        <div><Button onClick={() => rows.append({ subjectId: '', teacherId: '', classCode: '' })}>Add a subject</Button></div>
      </div>
      <SavedNote message={saved} />
      <FormAlert title="The timetable was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save timetable'}</Button>
      </div>
    </form>
  );
}
