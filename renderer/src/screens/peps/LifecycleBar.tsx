// The PEP's lifecycle bar: its status, only the moves the register allows from it (draft ⇄ ready →
// submitted → approved | returned → draft), the Virtual School's rating and feedback, the PDF
// export, and deleting a draft. Dates typed as dd/mm/yyyy; a return needs the VS's reason.

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useController, useForm, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus, PepDetail, PepManualStatus } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { submitErrors, ukDate } from '../../lib/forms.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { useSaveTracker } from './autosave.tsx';
import { RatingBadge, StatusBadge, setPepFlash, statusDetail, todayIso, usePepStyles } from './common.tsx';
import { invalidatePepViews, usePepOperation } from './queries.ts';
import { go, pepsHref } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const useStyles = makeStyles({
  bar: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  buttons: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  feedback: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  danger: {
    color: tokens.colorPaletteRedForeground1,
    ':hover': { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  full: { width: '100%' },
  note: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** What each move's button says (draft differs: back from ready, or reopening a returned PEP). */
function buttonLabel(to: PepManualStatus, from: PepDetail['status']): string {
  switch (to) {
    case 'ready': return 'Mark ready';
    case 'draft': return from === 'returned' ? 'Reopen as draft to amend' : 'Back to draft';
    case 'submitted': return 'Submit to Virtual School…';
    case 'approved': return 'Record approval…';
    case 'returned': return 'Record as returned…';
  }
}

const RATEABLE = new Set(['submitted', 'approved', 'returned', 'superseded']);

export function LifecycleBar({ pep, status, onMessage, onFailure }: {
  pep: PepDetail; status: AppStatus; onMessage: (m: string) => void; onFailure: (m: string | null) => void;
}) {
  const styles = useStyles();
  const common = usePepStyles();
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'submitted' | 'approved' | 'returned' | 'quality' | 'export' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const move = async (to: 'ready' | 'draft') => {
    setBusy(true);
    onFailure(null);
    try {
      const fresh = await tracker.run(() => run('changePepStatus', { id: pep.id, to }));
      const missing = fresh.completeness.missing.length;
      onMessage(to === 'ready'
        ? `Marked ready to submit.${missing ? ` ${missing} ${missing === 1 ? 'item is' : 'items are'} still missing: see Completeness.` : ''}`
        : pep.status === 'returned' ? 'Reopened as a draft: amend it, mark it ready and submit it again.' : 'Moved back to draft.');
    } catch (e) {
      onFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await call('deletePep', { id: pep.id });
      qc.removeQueries({ queryKey: ['peps', 'detail', pep.id] });
      await invalidatePepViews(qc, null);
      setPepFlash(`The draft PEP for ${pep.childName} (${pep.termLabel}) was deleted.`);
      go(pepsHref.list());
    } catch (e) {
      setDeleteError(errorMessage(e));
      setBusy(false);
    }
  };

  const detail = statusDetail(pep);
  return (
    <section className={styles.bar} aria-label="Status and lifecycle" data-testid="pep-lifecycle">
      <div className={styles.row}>
        <div className={styles.status}>
          <StatusBadge status={pep.status} size="large" long />
          {detail ? <Text data-testid="pep-status-detail">{detail}</Text> : null}
          {pep.status === 'draft' ? <Text className={common.muted}>Being written: mark it ready when the meeting has agreed it.</Text> : null}
          {pep.status === 'ready' ? <Text className={common.muted}>Send it to the Virtual School, then record the date here.</Text> : null}
          {pep.qualityRating ? (
            <span className={styles.feedback}><Text className={common.muted}>VS rating</Text><RatingBadge rating={pep.qualityRating} rag={pep.qualityRag} /></span>
          ) : null}
        </div>
        <div className={styles.buttons}>
          {pep.allowedTransitions.map((to) => (
            <Button key={to} appearance={to === 'draft' ? 'secondary' : 'primary'} disabled={busy}
              onClick={() => (to === 'ready' || to === 'draft' ? void move(to) : setDialog(to))}>
              {buttonLabel(to, pep.status)}
            </Button>
          ))}
          {RATEABLE.has(pep.status) ? <Button onClick={() => setDialog('quality')} disabled={busy}>{pep.qualityRating ? 'Change VS rating…' : 'Record VS rating…'}</Button> : null}
          <Button onClick={() => setDialog('export')} disabled={busy}>Export PDF…</Button>
          {pep.status === 'draft' && pep.editable ? (
            <Button appearance="subtle" className={styles.danger} onClick={() => setDialog('delete')} disabled={busy}>Delete draft</Button>
          ) : null}
        </div>
      </div>
      {pep.status === 'returned' && pep.returnedReason ? (
        <Text className={styles.note} data-testid="pep-returned-reason"><strong>The Virtual School&rsquo;s reason:</strong> {pep.returnedReason}</Text>
      ) : null}
      {pep.vsFeedback ? <Text data-testid="pep-vs-feedback"><strong>Virtual School&rsquo;s feedback:</strong> {pep.vsFeedback}</Text> : null}
      {exported ? <Text className={common.muted} data-testid="pep-exported-as">Last exported as <strong>{exported}</strong></Text> : null}

      {dialog === 'submitted' || dialog === 'approved' || dialog === 'returned' ? (
        <StatusDialog pep={pep} to={dialog} onClosed={() => setDialog(null)} onDone={onMessage} />
      ) : null}
      {dialog === 'quality' ? <QualityDialog pep={pep} onClosed={() => setDialog(null)} onDone={onMessage} /> : null}
      {dialog === 'export' ? (
        <ExportDialog pep={pep} status={status} onClosed={() => setDialog(null)}
          onDone={(name, message) => { setExported(name); onMessage(message); }} />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog open title="Delete this draft PEP?" confirmLabel="Delete draft" danger busy={busy} error={deleteError}
          onCancel={() => { setDialog(null); setDeleteError(null); }} onConfirm={() => void remove()}>
          <Text>The draft PEP for {pep.childName} for the {pep.termLabel}, with its targets, actions and attendees, will be deleted. The register itself is not changed.</Text>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

// ---- recording the Virtual School's side ------------------------------------------------------------

const statusSchema = (to: 'submitted' | 'approved' | 'returned') => z.object({
  on: ukDate(to === 'submitted' ? 'the date it was submitted' : 'the date of the decision'),
  reason: z.string().trim().max(2000, 'Must be at most 2000 characters.'),
  qualityRating: z.string(),
  feedback: z.string().trim().max(4000, 'Must be at most 4000 characters.'),
}).superRefine((v, ctx) => {
  if (to === 'returned' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: "Enter the Virtual School's reason for returning the PEP." });
});
type StatusIn = z.input<ReturnType<typeof statusSchema>>;
type StatusOut = z.output<ReturnType<typeof statusSchema>>;

const TITLES = {
  submitted: 'Submit to the Virtual School',
  approved: 'Record the Virtual School’s approval',
  returned: 'Record the PEP as returned',
} as const;

function StatusDialog({ pep, to, onClosed, onDone }: { pep: PepDetail; to: 'submitted' | 'approved' | 'returned'; onClosed: () => void; onDone: (m: string) => void }) {
  const styles = useStyles();
  const state = useDialogState(onClosed);
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState } = useForm<StatusIn, unknown, StatusOut>({
    resolver: zodResolver(statusSchema(to)),
    defaultValues: { on: formatUkDate(todayIso()), reason: '', qualityRating: pep.qualityRating ?? '', feedback: pep.vsFeedback ?? '' },
  });
  const unsaved = useUnsavedChanges(formState.isDirty && state.open);
  const vs = pep.snapshot.localAuthority;
  const submit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      await tracker.run(() => run('changePepStatus', {
        id: pep.id, to, on: v.on, reason: to === 'returned' ? v.reason : null,
        qualityRating: to === 'submitted' ? null : v.qualityRating || null, feedback: to === 'submitted' ? null : v.feedback || null,
      }));
      onDone(to === 'submitted' ? `Recorded as submitted to the Virtual School on ${formatUkDate(v.on)}. The PEP is now read-only.`
        : to === 'approved' ? `Recorded as approved on ${formatUkDate(v.on)}.` : `Recorded as returned on ${formatUkDate(v.on)}. Reopen it as a draft to amend it.`);
      state.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, ['on', 'reason', 'qualityRating', 'feedback']));
    }
  });
  return (
    <FormDialog width="narrow" state={state} unsaved={unsaved} title={TITLES[to]} submitLabel={to === 'submitted' ? 'Record as submitted' : to === 'approved' ? 'Record approval' : 'Record as returned'}
      busy={formState.isSubmitting} failure={failure} failureTitle="The status was not changed" onSubmit={submit}>
      {to === 'submitted' ? (
        <Text>
          Record the day the PEP went to {vs ? `${vs.name}’s Virtual School` : 'the Virtual School'}{vs?.epepSystem ? ` (through ${vs.epepSystem})` : ''}.
          Once submitted, the PEP and its figures are kept exactly as they are: only its status and the Virtual School&rsquo;s rating can change.
        </Text>
      ) : to === 'approved' ? (
        <Text>Record the Virtual School&rsquo;s decision, and its quality rating and feedback if it has given them.</Text>
      ) : (
        <Text>Record why the Virtual School returned the PEP. You can then reopen it as a draft, amend it and submit it again.</Text>
      )}
      <div className={styles.grid}>
        <DateField control={control} name="on" label={to === 'submitted' ? 'Submitted on' : to === 'approved' ? 'Approved on' : 'Returned on'} required />
        {to !== 'submitted' ? <RatingSelect control={control} scale={pep.qaScale} /> : null}
      </div>
      {to === 'returned' ? <LongText control={control} name="reason" label="The Virtual School's reason" required /> : null}
      {to !== 'submitted' ? <LongText control={control} name="feedback" label="The Virtual School's feedback" /> : null}
    </FormDialog>
  );
}

// The two dialogs' forms differ; these fields only need their shared names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's context type is irrelevant here
type AnyControl<T extends FieldValues, O> = Control<T, any, O>;

function RatingSelect<T extends FieldValues, O>({ control, scale }: { control: AnyControl<T, O>; scale: string[] }) {
  const { field, fieldState } = useController({ control, name: 'qualityRating' as FieldPath<T> });
  const error = fieldState.error?.message;
  return (
    <Field label="Quality rating" hint={`The Virtual School's scale: ${scale.join(', ')}`} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Select ref={field.ref} value={field.value} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur}>
        <option value="">No rating given</option>
        {scale.map((s) => <option key={s} value={s}>{s}</option>)}
      </Select>
    </Field>
  );
}

function LongText<T extends FieldValues, O>({ control, name, label, required }: { control: AnyControl<T, O>; name: 'reason' | 'feedback'; label: string; required?: boolean }) {
  const styles = useStyles();
  const { field, fieldState } = useController({ control, name: name as FieldPath<T> });
  const error = fieldState.error?.message;
  return (
    <Field label={label} required={required} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Textarea ref={field.ref} className={styles.full} value={field.value} rows={3} resize="vertical" onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} />
    </Field>
  );
}

const qualitySchema = z.object({ qualityRating: z.string(), feedback: z.string().trim().max(4000, 'Must be at most 4000 characters.') });
type QualityIn = z.input<typeof qualitySchema>;

function QualityDialog({ pep, onClosed, onDone }: { pep: PepDetail; onClosed: () => void; onDone: (m: string) => void }) {
  const state = useDialogState(onClosed);
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState } = useForm<QualityIn>({
    resolver: zodResolver(qualitySchema), defaultValues: { qualityRating: pep.qualityRating ?? '', feedback: pep.vsFeedback ?? '' },
  });
  const unsaved = useUnsavedChanges(formState.isDirty && state.open);
  const submit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      await tracker.run(() => run('recordPepQuality', { id: pep.id, qualityRating: v.qualityRating || null, feedback: v.feedback || null }));
      onDone(v.qualityRating ? `The Virtual School's rating (${v.qualityRating}) was recorded.` : "The Virtual School's feedback was recorded.");
      state.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, ['qualityRating', 'feedback']));
    }
  });
  return (
    <FormDialog width="narrow" state={state} unsaved={unsaved} title="The Virtual School's quality rating" submitLabel="Save rating" busy={formState.isSubmitting} failure={failure}
      failureTitle="The rating was not saved" onSubmit={submit}>
      <Text>The rating and feedback the Virtual School gave this PEP when it checked its quality. They feed the PEP quality figures in the governors&rsquo; report.</Text>
      <RatingSelect control={control} scale={pep.qaScale} />
      <LongText control={control} name="feedback" label="The Virtual School's feedback" />
    </FormDialog>
  );
}

// ---- export --------------------------------------------------------------------------------------

function ExportDialog({ pep, status, onClosed, onDone }: {
  pep: PepDetail; status: AppStatus; onClosed: () => void; onDone: (fileName: string, message: string) => void;
}) {
  const styles = useStyles();
  const common = usePepStyles();
  const state = useDialogState(onClosed);
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure([]);
    if (protect && password.length < 6) {
      setError('A PDF password must be at least 6 characters.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const { files } = await call('exportPep', { pepId: pep.id, password: protect ? password : null });
      const saved = await saveExportedFiles(files, status.shell);
      const name = files[0]?.fileName ?? 'the PDF';
      // On the desktop the DT chooses where to save it (and may rename it).
      const where = status.shell === 'desktop' && saved[0] ? ` Saved as ${saved[0]}.` : '';
      onDone(name, protect
        ? `Exported ${name}, protected with the password.${where} Send the password separately, for example by phone, never in the same email.`
        : `Exported ${name}.${where}`);
      state.close();
    } catch (err) {
      setFailure([errorMessage(err)]);
      setBusy(false);
    }
  };

  return (
    <FormDialog width="narrow" state={state} title="Export the PEP as a PDF" submitLabel={protect ? 'Export protected PDF' : 'Export PDF'} busyLabel="Exporting…" busy={busy}
      failure={failure} failureTitle="The PDF was not exported" onSubmit={(e) => void submit(e)}>
      <Text>
        The PDF follows {pep.laName ? `${pep.laName}’s` : 'the default'} PEP layout and is named by its file name pattern, which never includes the child&rsquo;s name.
        {pep.editable ? ' As a draft, it is marked as such for the meeting.' : ''}
      </Text>
      <Checkbox checked={protect} onChange={(_e, d) => { setProtect(d.checked === true); setError(null); }}
        label="Protect the PDF with a password (for sending by email)" />
      {protect ? (
        <>
          <Field label="PDF password" required hint="At least 6 characters" validationMessage={error} validationState={error ? 'error' : 'none'}>
            <Input className={styles.full} type={shown ? 'text' : 'password'} value={password} autoComplete="new-password" spellCheck={false}
              onChange={(_e, d) => setPassword(d.value)}
              contentAfter={(
                <Button appearance="transparent" size="small" aria-pressed={shown} onClick={() => setShown((s) => !s)}
                  aria-label={shown ? 'Hide PDF password' : 'Show PDF password'}>{shown ? 'Hide' : 'Show'}</Button>
              )} />
          </Field>
          <Text className={styles.note}>
            Send the password separately from the PDF: by phone or in a separate message, never in the same email.
          </Text>
        </>
      ) : <Text className={common.muted}>Without a password, send the PDF only through the Virtual School&rsquo;s secure ePEP system or secure email.</Text>}
    </FormDialog>
  );
}
