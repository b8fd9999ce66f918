// Actions agreed at the PEP meeting, each with an owner and a date (and when it was done).
// Added and edited in a small dialog.

import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { PepAction, PepDetail } from '../../../api/contract.ts';
import { errorMessage } from '../../../api/errors.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateField, TextAreaField, TextField } from '../../../components/TextField.tsx';
import { formatUkDate } from '../../../lib/dates.ts';
import { optionalText, optionalUkDate, submitErrors } from '../../../lib/forms.ts';
import { useSaveTracker } from '../autosave.tsx';
import { todayIso, usePepStyles } from '../common.tsx';
import { usePepOperation } from '../queries.ts';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../../components/FormDialog.tsx';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  actionCell: { minWidth: '260px', width: '50%' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', flexWrap: 'nowrap' },
});

const schema = z.object({
  action: z.string().trim().min(1, 'Write the action.').max(1000, 'Must be at most 1000 characters.'),
  owner: optionalText(200),
  dueOn: optionalUkDate(),
  doneOn: optionalUkDate(),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

export function ActionsSection({ pep, onSaved }: { pep: PepDetail; onSaved: (message: string) => void }) {
  const styles = useStyles();
  const common = usePepStyles();
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const [dialog, setDialog] = useState<PepAction | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PepAction | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIso();

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await tracker.run(() => run('deletePepAction', { id: deleting.id }));
      setDeleting(null);
      setDeleteError(null);
      onSaved('Action deleted.');
    } catch (e) {
      setDeleteError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {pep.actions.length === 0 ? <Text className={common.muted}>No actions yet. Add what was agreed at the meeting, with who will do it and by when.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Actions">
            <TableHeader><TableRow>
              <TableHeaderCell>Action</TableHeaderCell><TableHeaderCell>Owner</TableHeaderCell><TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Done</TableHeaderCell>
              {pep.editable ? <TableHeaderCell><span className="visually-hidden">Change</span></TableHeaderCell> : null}
            </TableRow></TableHeader>
            <TableBody>
              {pep.actions.map((a, i) => {
                const late = !a.doneOn && a.dueOn !== null && a.dueOn < today;
                return (
                  <TableRow key={a.id} data-testid="pep-action">
                    <TableCell className={styles.actionCell}>{a.action}</TableCell>
                    <TableCell>{a.owner ?? <span className={common.warn}>No owner</span>}</TableCell>
                    <TableCell className={common.nowrap}>
                      {a.dueOn ? <span className={late ? common.bad : undefined}>{formatUkDate(a.dueOn)}</span> : <span className={common.warn}>No date</span>}
                      {late ? <> <Badge appearance="tint" color="danger" size="small" shape="rounded">Overdue</Badge></> : null}
                    </TableCell>
                    <TableCell className={common.nowrap}>{a.doneOn ? formatUkDate(a.doneOn) : <span className={common.muted}>Not yet</span>}</TableCell>
                    {pep.editable ? (
                      <TableCell>
                        <div className={styles.buttons}>
                          <Button size="small" onClick={() => setDialog(a)} aria-label={`Edit action ${i + 1}`}>Edit</Button>
                          <Button size="small" appearance="subtle" onClick={() => setDeleting(a)} aria-label={`Delete action ${i + 1}`}>Delete</Button>
                        </div>
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {pep.editable ? <div><Button onClick={() => setDialog('new')}>Add an action</Button></div> : null}
      {dialog ? (
        <ActionDialog pep={pep} action={dialog === 'new' ? null : dialog} onClosed={() => setDialog(null)} onSaved={onSaved} />
      ) : null}
      {deleting ? (
        <ConfirmDialog open title="Delete this action?" confirmLabel="Delete action" danger busy={busy} error={deleteError}
          onCancel={() => { setDeleting(null); setDeleteError(null); }} onConfirm={() => void remove()}>
          <Text>&ldquo;{deleting.action}&rdquo; will be removed from this PEP.</Text>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function ActionDialog({ pep, action, onClosed, onSaved }: { pep: PepDetail; action: PepAction | null; onClosed: () => void; onSaved: (m: string) => void }) {
  const styles = useStyles();
  const state = useDialogState(onClosed);
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { action: action?.action ?? '', owner: action?.owner ?? '', dueOn: formatUkDate(action?.dueOn), doneOn: formatUkDate(action?.doneOn) },
  });
  const unsaved = useUnsavedChanges(formState.isDirty && state.open);
  const submit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      await tracker.run(() => run('savePepAction', { pepId: pep.id, ...(action ? { id: action.id } : {}), ...v }));
      onSaved(action ? 'Action saved.' : 'Action added.');
      state.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, ['action', 'owner', 'dueOn', 'doneOn']));
    }
  });
  return (
    <FormDialog width="narrow" state={state} unsaved={unsaved} title={action ? 'Edit action' : 'Add an action'} submitLabel={action ? 'Save action' : 'Add action'}
      busy={formState.isSubmitting} failure={failure} failureTitle="The action was not saved" onSubmit={submit}>
      <TextAreaField control={control} name="action" label="Action" required rows={2} />
      <div className={styles.grid}>
        <TextField control={control} name="owner" label="Owner" placeholder="e.g. Designated Teacher" />
        <DateField control={control} name="dueOn" label="Due by" />
        <DateField control={control} name="doneOn" label="Done on" hint="dd/mm/yyyy, when done" />
      </div>
    </FormDialog>
  );
}
