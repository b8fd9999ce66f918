// Teachers: who returns progress entries (from the timetable), their email for chase letters, and
// senior leaders (stage 3). A teacher who leaves is kept, marked as left, for their returns' history.

import { Badge, Button, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { teacherInput, type Teacher } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { submitErrors } from '../../../lib/forms.ts';
import { Fieldset, QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useTeachers } from '../queries.ts';
import { CheckboxField } from './fields.tsx';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../../components/recordList.tsx';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

export function TeachersSection() {
  const styles = useSettingsStyles();
  const [includeLeft, setIncludeLeft] = useState(false);
  const teachers = useTeachers(includeLeft);
  const qc = useQueryClient();
  const list = useRecordList<Teacher>({
    name: (t) => t.name,
    remove: async (t) => {
      await call('deleteTeacher', { id: t.id });
      await invalidateProgress(qc);
    },
  });

  if (list.editing) return <TeacherForm teacher={list.editing === 'new' ? null : list.editing} onDone={list.done} />;

  return (
    <>
      <Text>Subject teachers receive chase letters about their overdue returns. Senior leaders can receive stage 3 escalations.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add a teacher</Button>
        <Switch label="Show teachers who have left" checked={includeLeft} onChange={(_e, d) => setIncludeLeft(d.checked)} />
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={teachers.isPending} error={teachers.error} what="teachers">
        {teachers.data?.length === 0 ? <Text className={styles.muted}>No teachers yet.</Text> : (
          <div className={styles.tableWrap}>
            <Table aria-label="Teachers">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Teacher</TableHeaderCell>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Timetabled</TableHeaderCell>
                  <TableHeaderCell>Returns outstanding</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(teachers.data ?? []).map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>
                      {t.name}{' '}
                      {t.isSeniorLeader ? <Badge appearance="tint" color="brand" shape="rounded">Senior leader</Badge> : null}{' '}
                      {!t.active ? <Badge appearance="tint" color="subtle" shape="rounded">Left</Badge> : null}
                    </TableCell>
                    <TableCell style={{ overflowWrap: 'anywhere' }}>{t.email ?? '—'}</TableCell>
                    <TableCell>{t.timetabled}</TableCell>
                    <TableCell>{t.outstanding}</TableCell>
                    <TableCell><RecordListActions list={list} record={t} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete teacher">
        <Text>A teacher with timetable entries or returns cannot be deleted: mark them as left instead (Edit).</Text>
      </RecordListDeleteDialog>
    </>
  );
}

const schema = teacherInput.omit({ id: true }).required({ active: true });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['name', 'email', 'isSeniorLeader', 'active'];

function TeacherForm({ teacher, onDone }: { teacher: Teacher | null; onDone: (t: Teacher | null) => void }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { name: teacher?.name ?? '', email: teacher?.email ?? '', isSeniorLeader: teacher?.isSeniorLeader ?? false, active: teacher?.active ?? true },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      const saved = await call('saveTeacher', { ...(teacher ? { id: teacher.id } : {}), ...v });
      await invalidateProgress(qc);
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="teacher-form-heading">
      <Heading level={3} id="teacher-form-heading" focusOnMount>{teacher ? `Edit ${teacher.name}` : 'Add a teacher'}</Heading>
      <Fieldset legend="Teacher">
        <div className={styles.grid2}>
          <TextField label="Name" required control={control} name="name" />
          <TextField label="Email" type="email" inputMode="email" control={control} name="email" />
        </div>
        <CheckboxField control={control} name="isSeniorLeader" label="Senior leader" />
        {teacher ? <CheckboxField control={control} name="active" label="Still at the school (untick when they leave)" /> : null}
      </Fieldset>
      <FormAlert title="The teacher was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save teacher'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
