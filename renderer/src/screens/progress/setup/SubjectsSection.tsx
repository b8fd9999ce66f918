// Subjects: the core flag (English, maths, science), the subject leader (copied into stage 2
// chase letters) and the order of the grid's columns.

import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { subjectInput, type Subject } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { submitErrors } from '../../../lib/forms.ts';
import { blankToNull, Fieldset, QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useSubjects } from '../queries.ts';
import { CheckboxField } from './fields.tsx';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../../components/recordList.tsx';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

export function SubjectsSection() {
  const styles = useSettingsStyles();
  const subjects = useSubjects();
  const qc = useQueryClient();
  const list = useRecordList<Subject>({
    name: (s) => s.name,
    remove: async (s) => {
      await call('deleteSubject', { id: s.id });
      await invalidateProgress(qc);
    },
  });

  if (list.editing) {
    return <SubjectForm subject={list.editing === 'new' ? null : list.editing} next={(subjects.data?.length ?? 0)} onDone={list.done} />;
  }

  return (
    <>
      <Text>Subjects appear as the returns grid&rsquo;s subjects, in this order. The subject leader is copied into stage 2 chase letters.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add a subject</Button>
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={subjects.isPending} error={subjects.error} what="subjects">
        {subjects.data?.length === 0 ? <Text className={styles.muted}>No subjects yet.</Text> : (
          <div className={styles.tableWrap}>
            <Table aria-label="Subjects">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Subject</TableHeaderCell>
                  <TableHeaderCell style={{ width: '40%' }}>Subject leader</TableHeaderCell>
                  <TableHeaderCell>Children timetabled</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(subjects.data ?? []).map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>{s.name} {s.isCore ? <Badge appearance="tint" color="brand" shape="rounded">Core</Badge> : null}</TableCell>
                    <TableCell>{s.leaderName ?? '—'}{s.leaderEmail ? <><br /><span className={styles.muted} style={{ overflowWrap: 'anywhere' }}>{s.leaderEmail}</span></> : null}</TableCell>
                    <TableCell>{s.timetabled}</TableCell>
                    <TableCell><RecordListActions list={list} record={s} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete subject">
        <Text>A subject on a timetable or with returns recorded cannot be deleted.</Text>
      </RecordListDeleteDialog>
    </>
  );
}

const schema = subjectInput.omit({ id: true, sortOrder: true }).extend({
  leaderName: z.string().trim().max(100, 'Must be at most 100 characters.'),
  sortOrder: z.string().trim().transform((s, ctx) => {
    const n = Number(s);
    if (!s || !Number.isInteger(n) || n < 0 || n > 1000) {
      ctx.addIssue({ code: 'custom', message: 'The position must be a whole number from 0 to 1000.' });
      return z.NEVER;
    }
    return n;
  }),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['name', 'isCore', 'leaderName', 'leaderEmail', 'sortOrder'];

function SubjectForm({ subject, next, onDone }: { subject: Subject | null; next: number; onDone: (s: Subject | null) => void }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: subject?.name ?? '', isCore: subject?.isCore ?? false, leaderName: subject?.leaderName ?? '',
      leaderEmail: subject?.leaderEmail ?? '', sortOrder: String(subject?.sortOrder ?? next),
    },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      const saved = await call('saveSubject', { ...(subject ? { id: subject.id } : {}), ...blankToNull(v), name: v.name, isCore: v.isCore });
      await invalidateProgress(qc);
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="subject-form-heading">
      <Heading level={3} id="subject-form-heading" focusOnMount>{subject ? `Edit ${subject.name}` : 'Add a subject'}</Heading>
      <Fieldset legend="Subject">
        <div className={styles.grid2}>
          <TextField label="Subject" required control={control} name="name" />
          <TextField label="Position in the grid" hint="0 comes first" inputMode="numeric" control={control} name="sortOrder" />
        </div>
        <CheckboxField control={control} name="isCore" label="Core subject (English, maths or science)" />
      </Fieldset>
      <Fieldset legend="Subject leader">
        <div className={styles.grid2}>
          <TextField label="Name" control={control} name="leaderName" />
          <TextField label="Email" type="email" inputMode="email" control={control} name="leaderEmail" />
        </div>
      </Fieldset>
      <FormAlert title="The subject was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save subject'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
