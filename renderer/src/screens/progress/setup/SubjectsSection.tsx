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
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { submitErrors } from '../../../lib/forms.ts';
import { blankToNull, Fieldset, QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useSubjects } from '../queries.ts';
import { CheckboxField } from './fields.tsx';
import { useDeleteConfirm } from '../../../components/useDeleteConfirm.ts';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

export function SubjectsSection() {
  const styles = useSettingsStyles();
  const subjects = useSubjects();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Subject | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const del = useDeleteConfirm<Subject>(async (x) => {
    await call('deleteSubject', { id: x.id });
    await invalidateProgress(qc);
  }, (x) => setSaved(`${x.name} deleted.`));

  if (editing) {
    return <SubjectForm subject={editing === 'new' ? null : editing} next={(subjects.data?.length ?? 0)}
      onDone={(s) => { setEditing(null); if (s) setSaved(`${s.name} saved.`); }} />;
  }

  return (
    <>
      <Text>Subjects appear as the returns grid&rsquo;s subjects, in this order. The subject leader is copied into stage 2 chase letters.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => { setSaved(null); setEditing('new'); }}>Add a subject</Button>
      </div>
      <SavedNote message={saved} />
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
                    <TableCell>
                      <div className={styles.cellActions}>
                        <Button size="small" onClick={() => { setSaved(null); setEditing(s); }} aria-label={`Edit ${s.name}`}>Edit</Button>
                        <Button size="small" onClick={() => { del.ask(s); }} aria-label={`Delete ${s.name}`}>Delete</Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      {del.deleting ? (
        <ConfirmDialog open title={`Delete ${del.deleting.name}?`} confirmLabel="Delete subject" danger busy={del.busy} error={del.error}
          onConfirm={del.confirm} onCancel={del.cancel}>
          <Text>A subject on a timetable or with returns recorded cannot be deleted.</Text>
        </ConfirmDialog>
      ) : null}
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
