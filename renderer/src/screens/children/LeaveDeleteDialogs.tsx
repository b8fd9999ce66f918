// Marking a child as left (destination, and the retention review date that follows), and deleting a
// child's record (DT only, confirmed by typing the UPN or DELETE; the register audits it and
// overwrites the freed space).

import { zodResolver } from '@hookform/resolvers/zod';
import { Field, Input, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { markChildLeftInput, type ChildFile } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { useSettings } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { submitErrors, ukDate } from '../../lib/forms.ts';
import { displayName, setFlash, todayIso, useChildFileOperation, useChildStyles } from './common.tsx';
import { childrenHref, go } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const leaveForm = z.object({ leavingDate: ukDate('the leaving date'), leavingDestination: z.string() });

function addYearsIso(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  // 29 February in a year that has none becomes 28 February.
  const fixed = md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : md;
  return `${y}-${fixed}`;
}

export function LeaveDialog({ file, onClose, onSaved }: { file: ChildFile; onClose: () => void; onSaved: (m: string) => void }) {
  const c = file.child;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const settings = useSettings();
  const schema = leaveForm.transform((v) => ({ id: c.id, ...v })).pipe(markChildLeftInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema), defaultValues: { leavingDate: formatUkDate(todayIso()), leavingDestination: '' },
  });
  const [failure, setFailure] = useState<string[]>([]);
  const dialog = useDialogState(onClose);
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const years = settings.data?.retentionYearsAfterDob;
  const review = years ? addYearsIso(c.dateOfBirth, years) : null;
  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    try {
      const next = await run('markChildLeft', values);
      onSaved(`${displayName(c)} is recorded as having left on ${formatUkDate(next.child.leavingDate)}. The record is now read-only`
        + (next.child.retentionReviewDate ? ` and will be reviewed on ${formatUkDate(next.child.retentionReviewDate)}.` : '.'));
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, ['leavingDate', 'leavingDestination']));
    }
  });
  return (
    <FormDialog title={`Mark ${displayName(c)} as left`} submitLabel="Mark as left" busy={isSubmitting} failure={failure}
      failureTitle="The leaving was not recorded" onSubmit={onSubmit} state={dialog} unsaved={unsaved}
      intro="Their record moves to Leavers and becomes read-only. Only the Designated Teacher can undo this.">
      <div className={common.formGrid2}>
        <DateField label="Leaving date" required control={control} name="leavingDate" />
      </div>
      <TextField label="Destination" required hint='Where they went, e.g. "Sixth form at another school" or "Moved to a school in another LA"'
        control={control} name="leavingDestination" />
      <Text data-testid="retention-preview">
        {review
          ? `The record will be kept until its retention review on ${formatUkDate(review)} (${years} years after their date of birth, as set in Settings).`
          : 'The record will be kept until its retention review date, worked out from their date of birth.'}
      </Text>
    </FormDialog>
  );
}

export function DeleteChildDialog({ file, onClose, onDeleted }: { file: ChildFile; onClose: () => void; onDeleted: () => void }) {
  const c = file.child;
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = useRef(false);
  const dialog = useDialogState(() => {
    onClose();
    if (deleted.current) go(childrenHref.list(file.editable ? 'current' : 'leavers'));
  });
  const doDelete = async () => {
    setFieldError(null);
    setFailure(null);
    const typed = confirm.trim();
    if (typed !== 'DELETE' && (!c.upn || typed.replace(/\s+/g, '').toUpperCase() !== c.upn)) {
      setFieldError(c.upn ? `Type the child's UPN (${c.upn}) or the word DELETE in capitals.` : 'Type the word DELETE in capitals.');
      return;
    }
    setBusy(true);
    try {
      await call('deleteChild', { id: c.id, confirm: typed });
      setFlash(`${displayName(c)}'s record has been deleted.`);
      deleted.current = true;
      onDeleted();
      dialog.close();
    } catch (e) {
      const issue = isApiError(e) ? e.issues.find((i) => i.path[0] === 'confirm') : undefined;
      if (issue) setFieldError(issue.message);
      else setFailure(submitErrors(e, () => undefined, []).join(' '));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog open={dialog.open} title={`Delete ${displayName(c)}'s record?`} confirmLabel="Delete for good" danger busy={busy}
      error={failure} onConfirm={doDelete} onCancel={dialog.close}>
      <Text>
        Everything held about {legalNameOf(file)} is removed from the register: placements, schooling, attendance,
        suspensions, the voice log and anything else recorded. It cannot be undone, except by restoring a backup made before now.
        The audit log keeps only the fact that a record was deleted, and by whom.
      </Text>
      <Text>If they have simply left the school, use Mark as left instead.</Text>
      <Field label={c.upn ? `To confirm, type their UPN (${c.upn}) or DELETE` : 'To confirm, type DELETE'} required
        validationMessage={fieldError ?? undefined} validationState={fieldError ? 'error' : 'none'}>
        <Input value={confirm} onChange={(_e, d) => setConfirm(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
    </ConfirmDialog>
  );
}

const legalNameOf = (file: ChildFile) => `${file.child.legalFirstName} ${file.child.legalLastName}`;
