// Grade scales: the built-in ones (GCSE 9–1, KS3 flight path, KS2 scaled scores, KS2 teacher
// assessment, A level) are read-only; a school can add its own, ordered lowest first.

import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { GradeScale } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { TextAreaField, TextField } from '../../../components/TextField.tsx';
import { submitErrors } from '../../../lib/forms.ts';
import { Fieldset, QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { invalidateProgress, useGradeScales } from '../queries.ts';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../../components/recordList.tsx';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

const useStyles = makeStyles({
  grades: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, maxWidth: '520px' },
  grade: {
    padding: `0 ${tokens.spacingHorizontalXS}`, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums',
  },
});

export function GradeScalesSection() {
  const styles = useSettingsStyles();
  const own = useStyles();
  const scales = useGradeScales();
  const qc = useQueryClient();
  const list = useRecordList<GradeScale>({
    name: (s) => s.name,
    remove: async (s) => {
      await call('deleteGradeScale', { id: s.id });
      await invalidateProgress(qc);
    },
  });

  if (list.editing) return <ScaleForm scale={list.editing === 'new' ? null : list.editing} onDone={list.done} />;

  return (
    <>
      <Text>Grades are checked against the window&rsquo;s scale for each child, and on-track or below-target flags follow the scale&rsquo;s order.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add the school&rsquo;s own scale</Button>
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={scales.isPending} error={scales.error} what="grade scales">
        <div className={styles.tableWrap}>
          <Table aria-label="Grade scales">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '28%' }}>Scale</TableHeaderCell>
                <TableHeaderCell>Grades, lowest first</TableHeaderCell>
                <TableHeaderCell style={{ width: '170px' }}><span className="visually-hidden">Actions</span></TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(scales.data ?? []).map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <strong>{s.name}</strong>{' '}
                    {s.builtIn ? <Badge appearance="tint" color="subtle" shape="rounded">Built in</Badge> : null}{' '}
                    {s.inUse ? <Badge appearance="tint" color="brand" shape="rounded">In use</Badge> : null}
                    {s.description ? <><br /><span className={styles.muted}>{s.description}</span></> : null}
                  </TableCell>
                  <TableCell>
                    <ol className={own.grades} style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`${s.name} grades, lowest first`}>
                      {s.grades.map((g) => <li key={g} className={own.grade}>{g}</li>)}
                    </ol>
                  </TableCell>
                  <TableCell>
                    {s.builtIn ? <span className={styles.muted}>Read-only</span> : (
                      <RecordListActions list={list} record={s} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete scale">
        <Text>A scale used by an assessment window cannot be deleted.</Text>
      </RecordListDeleteDialog>
    </>
  );
}

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the scale.').max(100),
  description: z.string().trim().max(500, 'Must be at most 500 characters.'),
  grades: z.string().transform((s, ctx) => {
    const list = s.split(/\r?\n/).map((g) => g.trim()).filter(Boolean);
    if (list.length < 2) {
      ctx.addIssue({ code: 'custom', message: 'A scale needs at least two grades, one per line.' });
      return z.NEVER;
    }
    const long = list.find((g) => g.length > 20);
    if (long) {
      ctx.addIssue({ code: 'custom', message: `"${long.slice(0, 20)}…" is too long: a grade is at most 20 characters.` });
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const g of list) {
      if (seen.has(g.toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `"${g}" appears twice.` });
        return z.NEVER;
      }
      seen.add(g.toLowerCase());
    }
    return list;
  }),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

function ScaleForm({ scale, onDone }: { scale: GradeScale | null; onDone: (s: GradeScale | null) => void }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { name: scale?.name ?? '', description: scale?.description ?? '', grades: (scale?.grades ?? []).join('\n') },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      const saved = await call('saveGradeScale', { ...(scale ? { id: scale.id } : {}), name: v.name, description: v.description || null, grades: v.grades });
      await invalidateProgress(qc);
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, ['name', 'description', 'grades'], { 'grades.0': 'grades', 'grades.1': 'grades' }));
    }
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="scale-form-heading">
      <Heading level={3} id="scale-form-heading" focusOnMount>{scale ? `Edit ${scale.name}` : 'Add the school\u2019s own scale'}</Heading>
      <Fieldset legend="Scale">
        <TextField label="Name" required control={control} name="name" />
        <TextField label="Description" control={control} name="description" />
        <TextAreaField label="Grades, one per line, lowest first" required rows={8} control={control} name="grades"
          hint={scale?.inUse ? 'The scale is in use: grades already recorded cannot be removed.' : 'For example: Emerging, Developing, Secure, Mastery'} />
      </Fieldset>
      <FormAlert title="The scale was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save scale'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
