// New SMART targets: each shown as a card; "Add a target" and "Edit" open a form in place whose
// SMART check runs live (checkSmartTarget, a moment after typing stops) and shows a gentle prompt
// per criterion (specific, measurable, time-bound, owner). The prompts never block saving.

import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Field, Input, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';
import { PEP_TARGET_AREAS, TARGET_OUTCOMES, type PepDetail, type PepTarget, type SmartCriterion, type SmartResult } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField, TextAreaField, TextField } from '../../../components/TextField.tsx';
import { formatUkDate, parseUkDate } from '../../../lib/dates.ts';
import { optionalText, optionalUkDate, penceToPounds, submitErrors } from '../../../lib/forms.ts';
import { useDirtyFlag, useSaveTracker } from '../autosave.tsx';
import { formatPounds, usePepStyles } from '../common.tsx';
import { usePepOperation } from '../queries.ts';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  target: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  editing: { border: `1px solid ${tokens.colorBrandStroke2}`, boxShadow: tokens.shadow4 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  targetText: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', margin: 0 },
  wideFact: { gridColumn: '1 / -1' },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  prompts: { margin: 0, paddingInlineStart: '1.2em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  formGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  formCols: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 320px)', gap: tokens.spacingHorizontalXL, alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  formMain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  interventions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The live SMART check: quiet, never alarming.
  hints: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}`,
  },
  hintsOk: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  hintList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { display: 'grid', gridTemplateColumns: '20px 1fr', gap: tokens.spacingHorizontalXS, alignItems: 'start' },
  mark: { fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase300 },
  markOk: { color: tokens.colorPaletteGreenForeground1 },
  markTodo: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hintPrompt: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  smartLine: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const CRITERIA: { key: SmartCriterion; label: string }[] = [
  { key: 'specific', label: 'Specific' },
  { key: 'measurable', label: 'Measurable' },
  { key: 'timeBound', label: 'Time-bound' },
  { key: 'owner', label: 'Has an owner' },
];

// ---- the form -----------------------------------------------------------------------------------

const amount = z.string().trim().transform((s, ctx) => {
  const clean = s.replace(/[£,\s]/g, '');
  if (!clean) return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(clean) || Number(clean) > 100_000) {
    ctx.addIssue({ code: 'custom', message: 'Enter the PP+ amount in pounds, like 300 or 299.50 (at most £100,000).' });
    return z.NEVER;
  }
  return Math.round(Number(clean) * 100);
});

const schema = z.object({
  area: optionalText(100),
  target: z.string().trim().min(1, 'Write the target.').max(2000, 'Must be at most 2000 characters.'),
  successCriteria: optionalText(2000),
  byWhen: optionalUkDate(),
  who: optionalText(200),
  ppPlus: amount,
  interventionIds: z.array(z.number()),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

const toForm = (t: PepTarget | null): FormIn => ({
  area: t?.area ?? '',
  target: t?.target ?? '',
  successCriteria: t?.successCriteria ?? '',
  byWhen: formatUkDate(t?.byWhen),
  who: t?.who ?? '',
  ppPlus: t && t.ppPlusPence ? penceToPounds(t.ppPlusPence) : '',
  interventionIds: t?.interventions.flatMap((i) => (i.interventionId === null ? [] : [i.interventionId])) ?? [],
});

/** Asks the register's SMART check about the target as typed, a moment after typing stops. */
function useLiveSmart(control: Control<FormIn, unknown, FormOut>, notBefore: string | null, initial: SmartResult | null): SmartResult | null {
  const [area, target, successCriteria, byWhen, who] = useWatch({ control, name: ['area', 'target', 'successCriteria', 'byWhen', 'who'] });
  const [result, setResult] = useState<SmartResult | null>(initial);
  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(() => {
      call('checkSmartTarget', {
        area: area ?? '', target: target ?? '', successCriteria: successCriteria ?? '',
        byWhen: parseUkDate(byWhen ?? '') ?? '', who: who ?? '', notBefore: notBefore ?? '',
      }).then((r) => { if (!cancelled) setResult(r); }, () => { /* the hints are a help, not a gate */ });
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [area, target, successCriteria, byWhen, who, notBefore]);
  return result;
}

export function SmartHints({ result, live = true }: { result: SmartResult | null; live?: boolean }) {
  const styles = useStyles();
  const id = useId();
  if (!result) return null;
  return (
    <div className={mergeClasses(styles.hints, result.smart && styles.hintsOk)} data-testid="smart-hints" role="group" aria-labelledby={id}>
      <Text weight="semibold" id={id}>SMART check</Text>
      <Text size={200} aria-live={live ? 'polite' : undefined} data-testid="smart-summary">
        {result.smart ? 'All four checks are met.' : `${result.passed} of 4 checks met. These are suggestions: you can save the target as it is.`}
      </Text>
      <ul className={styles.hintList}>
        {CRITERIA.map((c) => {
          const check = result.checks[c.key];
          return (
            <li key={c.key} className={styles.hint} data-criterion={c.key} data-ok={check.ok}>
              <span aria-hidden="true" className={mergeClasses(styles.mark, check.ok ? styles.markOk : styles.markTodo)}>{check.ok ? '✓' : '○'}</span>
              <span>
                <Text weight="semibold">{c.label}</Text>
                <span className="visually-hidden">{check.ok ? ': met' : ': not yet'}</span>
                {check.prompt ? <span className={styles.hintPrompt} data-testid="smart-prompt">{check.prompt}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function TargetForm({ pep, target, number, onDone }: { pep: PepDetail; target: PepTarget | null; number: number; onDone: (message: string | null) => void }) {
  const styles = useStyles();
  const tracker = useSaveTracker();
  const run = usePepOperation();
  const listId = useId();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, setValue, getValues, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(target),
  });
  const unsaved = useUnsavedChanges(formState.isDirty);
  const smart = useLiveSmart(control, pep.meetingDate, target?.smart ?? null);
  const linked = useWatch({ control, name: 'interventionIds' });
  const label = target ? `Target ${number}` : 'New target';
  useDirtyFlag(`target:${target?.id ?? 'new'}`, label, formState.isDirty);
  const rootRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  const submit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      const fresh = await tracker.run(() => run('savePepTarget', {
        pepId: pep.id, ...(target ? { id: target.id } : {}), area: v.area, target: v.target, successCriteria: v.successCriteria, byWhen: v.byWhen,
        who: v.who, ppPlusPence: v.ppPlus, interventionIds: v.interventionIds,
      }));
      const saved = target ? fresh.targets.find((t) => t.id === target.id) : fresh.targets[fresh.targets.length - 1];
      const what = target ? `Target ${number} saved.` : `Target ${fresh.targets.length} added.`;
      onDone(saved && !saved.smart.smart ? `${what} It is not yet SMART: the prompts on it say what would help.` : what);
    } catch (e) {
      setFailure(submitErrors(e, setError, ['area', 'target', 'successCriteria', 'byWhen', 'who', 'interventionIds'], { ppPlusPence: 'ppPlus' }));
    }
  });

  const toggle = (id: number, on: boolean) => {
    const now = getValues('interventionIds');
    setValue('interventionIds', on ? [...now, id] : now.filter((x) => x !== id), { shouldDirty: true });
  };

  return (
    <form ref={rootRef} className={styles.form} onSubmit={submit} noValidate aria-label={target ? `Edit target ${number}` : 'Add a target'}>
      <div className={styles.formCols}>
        <div className={styles.formMain}>
          <div className={styles.formGrid}>
            <AreaField control={control} listId={listId} />
            <DateField control={control} name="byWhen" label="By when" hint="dd/mm/yyyy, usually by the next PEP" />
            <TextField control={control} name="who" label="Who will lead it" placeholder="e.g. Maths teacher (Mr Okafor)" />
            <TextField control={control} name="ppPlus" label="PP+ amount (£)" inputMode="decimal" placeholder="0" />
          </div>
          <TextAreaField control={control} name="target" label="Target" required rows={2} />
          <TextAreaField control={control} name="successCriteria" label="Success criteria" hint="How everyone will know it has been achieved" rows={2} />
          {pep.interventionOptions.length ? (
            <fieldset className={styles.interventions} style={{ border: 'none', margin: 0, padding: 0 }}>
              <legend><Text weight="semibold">Linked interventions</Text></legend>
              {pep.interventionOptions.map((o) => (
                <Checkbox key={o.id} label={`${o.label} (${formatPounds(o.costPence)})`} checked={linked.includes(o.id)}
                  onChange={(_e, d) => toggle(o.id, d.checked === true)} />
              ))}
            </fieldset>
          ) : null}
        </div>
        <SmartHints result={smart} />
      </div>
      <FormAlert title="The target was not saved" messages={failure} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={formState.isSubmitting}>{formState.isSubmitting ? 'Saving…' : target ? 'Save target' : 'Add target'}</Button>
        <Button type="button" onClick={() => unsaved.confirmDiscard(() => onDone(null))} disabled={formState.isSubmitting}>Cancel</Button>
      </div>
    </form>
  );
}

/** The area: free text with the usual areas suggested (a native datalist on the input). */
function AreaField({ control, listId }: { control: Control<FormIn, unknown, FormOut>; listId: string }) {
  const { field, fieldState } = useController({ control, name: 'area' });
  const error = fieldState.error?.message;
  return (
    <div>
      <Field label="Area" validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input ref={field.ref} name={field.name} value={field.value ?? ''} list={listId} placeholder="e.g. Maths" autoComplete="off"
          style={{ width: '100%', minWidth: 0 }} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} />
      </Field>
      <datalist id={listId}>{PEP_TARGET_AREAS.map((a) => <option key={a} value={a} />)}</datalist>
    </div>
  );
}

// ---- the section ----------------------------------------------------------------------------------

export function TargetsSection({ pep, onSaved }: { pep: PepDetail; onSaved: (message: string) => void }) {
  const styles = useStyles();
  const common = usePepStyles();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PepTarget | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = usePepOperation();
  const tracker = useSaveTracker();
  const addRef = useRef<HTMLButtonElement>(null);

  const done = (message: string | null) => {
    setEditing(null);
    if (message) onSaved(message);
    setTimeout(() => addRef.current?.focus(), 0);
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await tracker.run(() => run('deletePepTarget', { id: deleting.id }));
      setDeleting(null);
      setDeleteError(null);
      onSaved('Target deleted.');
    } catch (e) {
      setDeleteError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {pep.targets.length === 0 && editing !== 'new' ? <Text className={common.muted}>No targets yet. Add at least one SMART target for the coming term.</Text> : null}
      <ol className={styles.list} aria-label="New targets">
        {pep.targets.map((t, i) => (
          <li key={t.id} className={mergeClasses(styles.target, editing === t.id && styles.editing)} data-testid="pep-target">
            {editing === t.id ? (
              <TargetForm pep={pep} target={t} number={i + 1} onDone={done} />
            ) : (
              <TargetCard target={t} number={i + 1} editable={pep.editable} onEdit={() => setEditing(t.id)} onDelete={() => setDeleting(t)} />
            )}
          </li>
        ))}
        {editing === 'new' ? (
          <li className={mergeClasses(styles.target, styles.editing)} data-testid="pep-target-new">
            <TargetForm pep={pep} target={null} number={pep.targets.length + 1} onDone={done} />
          </li>
        ) : null}
      </ol>
      {pep.editable && editing === null ? (
        <div><Button ref={addRef} appearance="primary" onClick={() => setEditing('new')}>Add a target</Button></div>
      ) : null}
      {deleting ? (
        <ConfirmDialog open title="Delete this target?" confirmLabel="Delete target" danger busy={busy} error={deleteError}
          onCancel={() => { setDeleting(null); setDeleteError(null); }} onConfirm={() => void remove()}>
          <Text>&ldquo;{deleting.target}&rdquo; will be removed from this PEP.</Text>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function TargetCard({ target: t, number, editable, onEdit, onDelete }: { target: PepTarget; number: number; editable: boolean; onEdit: () => void; onDelete: () => void }) {
  const styles = useStyles();
  const common = usePepStyles();
  return (
    <>
      <div className={styles.head}>
        <div className={styles.title}>
          <Text weight="semibold">Target {number}</Text>
          {t.area ? <Badge appearance="tint" color="brand" shape="rounded">{t.area}</Badge> : null}
          {t.carriedFromReviewId !== null ? <Badge appearance="outline" color="informative" shape="rounded">Carried forward</Badge> : null}
          {t.smart.smart
            ? <Badge appearance="tint" color="success" shape="rounded" data-testid="target-smart">SMART</Badge>
            : <Badge appearance="tint" color="warning" shape="rounded" data-testid="target-smart">Not yet SMART ({t.smart.passed} of 4)</Badge>}
        </div>
        {editable ? (
          <div className={common.actions}>
            <Button size="small" onClick={onEdit} aria-label={`Edit target ${number}`}>Edit</Button>
            <Button size="small" appearance="subtle" onClick={onDelete} aria-label={`Delete target ${number}`}>Delete</Button>
          </div>
        ) : null}
      </div>
      <p className={styles.targetText}>{t.target}</p>
      <dl className={styles.facts}>
        <div className={mergeClasses(styles.fact, styles.wideFact)}><dt className={styles.factLabel}>Success criteria</dt><dd style={{ margin: 0 }}>{t.successCriteria ?? <span className={common.muted}>Not given</span>}</dd></div>
        <div className={styles.fact}><dt className={styles.factLabel}>By when</dt><dd style={{ margin: 0 }}>{formatUkDate(t.byWhen) || <span className={common.muted}>Not given</span>}</dd></div>
        <div className={styles.fact}><dt className={styles.factLabel}>Who</dt><dd style={{ margin: 0 }}>{t.who ?? <span className={common.muted}>Not given</span>}</dd></div>
        <div className={styles.fact}><dt className={styles.factLabel}>PP+</dt><dd style={{ margin: 0 }}>{t.ppPlusPence ? formatPounds(t.ppPlusPence) : <span className={common.muted}>None</span>}</dd></div>
        {t.interventions.length ? (
          <div className={mergeClasses(styles.fact, styles.wideFact)}><dt className={styles.factLabel}>Interventions</dt><dd style={{ margin: 0 }}>{t.interventions.map((i) => i.label).join('; ')}</dd></div>
        ) : null}
      </dl>
      {!t.smart.smart && editable ? (
        <ul className={styles.prompts} aria-label={`Prompts for target ${number}`}>
          {t.smart.prompts.map((p) => <li key={p} data-testid="smart-prompt">{p}</li>)}
        </ul>
      ) : null}
      {t.laterReview ? (
        <Text className={common.muted}>
          Reviewed at the {t.laterReview.termLabel} PEP: {t.laterReview.outcome ? TARGET_OUTCOMES[t.laterReview.outcome] : 'not yet reviewed'}
          {t.laterReview.note ? `. ${t.laterReview.note}` : ''}
        </Text>
      ) : null}
    </>
  );
}
