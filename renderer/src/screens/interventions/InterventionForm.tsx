// Add or edit an intervention: what it is and who delivers it, when and how many sessions, what it
// costs and who pays (PP+, school or the Virtual School), and how its impact is measured. The form
// is text (dates dd/mm/yyyy, the cost in pounds); on submit it becomes the API's input and is checked
// with the contract's own schema, so "Describe the intervention when its type is Other" and the
// like appear under their fields, as do the register's own Invalid answers.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  FUNDING_SOURCES, IMPACT_RATINGS, INTERVENTION_KINDS, createInterventionInput, updateInterventionInput,
  type InterventionDetail, type InterventionDraft,
} from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { useChildren } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors, ukDate } from '../../lib/forms.ts';
import { RadioField } from '../children/fields.tsx';
import { useProviders, useSubjects } from '../progress/queries.ts';
import { Fieldset } from '../settings/common.tsx';
import { refreshRegisterData } from '../dashboard/queries.ts';
import { LoadFailed, Loading, penceToInput, setFlash, useUi } from '../dashboard/ui.tsx';
import { useIntervention, useInterventionDraft } from './queries.ts';
import { go, interventionsHref } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

/** A whole number typed as text; blank is 0. */
const countText = (label: string) => z.string().trim().transform((t, ctx) => {
  if (t === '') return 0;
  const v = Number(t);
  if (!Number.isInteger(v)) {
    ctx.addIssue({ code: 'custom', message: `${label} is a whole number.` });
    return z.NEVER;
  }
  return v;
});

/** Pounds typed as text ("350", "£1,250.50"); blank is £0. Becomes whole pence. */
const poundsText = z.string().trim().transform((t, ctx) => {
  const clean = t.replace(/[£,\s]/g, '');
  if (clean === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
    ctx.addIssue({ code: 'custom', message: 'Enter the cost in pounds, like 350 or 1250.50.' });
    return z.NEVER;
  }
  return Math.round(Number(clean) * 100);
});

// Field names are the API's, so its issues land on the right field (costPence holds pounds here).
const formShape = {
  childId: z.string().min(1, 'Choose the child.').transform(Number),
  kind: z.string(),
  kindOther: z.string(),
  providerId: z.string().transform((v) => (v ? Number(v) : null)),
  deliveredBy: z.string(),
  subjectId: z.string().transform((v) => (v ? Number(v) : null)),
  startDate: ukDate('the date it starts'),
  endDate: optionalUkDate(),
  sessionsPlanned: countText('Sessions planned'),
  costPence: poundsText,
  fundingSource: z.string(),
  baselineMeasure: z.string(),
  baselineValue: z.string(),
  outcomeMeasure: z.string(),
  outcomeValue: z.string(),
  impactRating: z.string(),
  evidenceNote: z.string(),
};
const FIELDS = Object.keys(formShape);
type FormIn = { [K in keyof typeof formShape]: string };

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function defaults(src: Omit<Partial<z.input<typeof createInterventionInput>>, 'childId'> & { childId?: number | null }): FormIn {
  return {
    childId: s(src.childId), kind: s(src.kind), kindOther: s(src.kindOther), providerId: s(src.providerId), deliveredBy: s(src.deliveredBy),
    subjectId: s(src.subjectId), startDate: formatUkDate(src.startDate), endDate: formatUkDate(src.endDate ?? null),
    sessionsPlanned: src.sessionsPlanned === undefined ? '' : String(src.sessionsPlanned),
    costPence: src.costPence ? penceToInput(src.costPence) : '', fundingSource: s(src.fundingSource),
    baselineMeasure: s(src.baselineMeasure), baselineValue: s(src.baselineValue), outcomeMeasure: s(src.outcomeMeasure),
    outcomeValue: s(src.outcomeValue), impactRating: s(src.impactRating ?? 'not_assessed'), evidenceNote: s(src.evidenceNote),
  };
}

export type FormMode =
  | { kind: 'new'; childId: number | null }
  | { kind: 'from'; childId: number; subjectId: number; windowId: number }
  | { kind: 'edit'; id: number };

export function InterventionFormScreen({ mode }: { mode: FormMode }) {
  const ui = useUi();
  const existing = useIntervention(mode.kind === 'edit' ? mode.id : null);
  const draft = useInterventionDraft(mode.kind === 'from' ? mode : null);
  const title = mode.kind === 'edit' ? 'Edit intervention' : 'Add an intervention';
  const pending = (mode.kind === 'edit' && existing.isPending) || (mode.kind === 'from' && draft.isPending);
  const error = mode.kind === 'edit' ? existing.error : mode.kind === 'from' ? draft.error : null;
  return (
    <div className={ui.page} style={{ maxWidth: 960 }}>
      <Link href={mode.kind === 'edit' ? interventionsHref.detail(mode.id) : interventionsHref.list()} className={ui.back}>
        {mode.kind === 'edit' ? '‹ Back to the intervention' : '‹ All interventions'}
      </Link>
      <Heading focusOnMount>{title}</Heading>
      {pending ? <Loading what={mode.kind === 'edit' ? 'intervention' : 'suggested intervention'} />
        : error ? <LoadFailed what={mode.kind === 'edit' ? 'intervention' : 'suggested intervention'} error={error} />
          : mode.kind === 'edit' ? <InterventionForm title={title} existing={existing.data!} draft={null} childId={null} />
            : <InterventionForm title={title} existing={null} draft={mode.kind === 'from' ? draft.data! : null} childId={mode.kind === 'new' ? mode.childId : null} />}
    </div>
  );
}

function InterventionForm({ title, existing, draft, childId }: { title: string; existing: InterventionDetail | null; draft: InterventionDraft | null; childId: number | null }) {
  const ui = useUi();
  const qc = useQueryClient();
  const children = useChildren('current');
  const providers = useProviders();
  const subjects = useSubjects();
  const [failure, setFailure] = useState<string[]>([]);
  const schema = existing
    ? z.object(formShape).transform(({ childId: _c, ...v }) => ({ id: existing.id, ...v }) as z.input<typeof updateInterventionInput>).pipe(updateInterventionInput)
    : z.object(formShape).transform((v) => v as z.input<typeof createInterventionInput>).pipe(createInterventionInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: existing ? defaults(existing) : draft ? defaults(draft.input) : defaults({ childId, fundingSource: 'pp_plus', impactRating: 'not_assessed' }),
  });
  const unsaved = useUnsavedChanges(isDirty);
  const [kind, providerId, impactRating] = useWatch({ control, name: ['kind', 'providerId', 'impactRating'] });

  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const saved = 'id' in body ? await call('updateIntervention', body) : await call('createIntervention', body);
      await refreshRegisterData(qc);
      unsaved.saved();
      setFlash(existing ? 'Intervention saved.' : `Intervention added for ${saved.childName}.`);
      go(interventionsHref.detail(saved.id));
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS, { id: 'childId' }));
    }
  });

  const childRows = [...(children.data?.rows ?? [])].sort((a, b) => a.legalLastName.localeCompare(b.legalLastName, 'en-GB') || a.legalFirstName.localeCompare(b.legalFirstName, 'en-GB'));
  const activeProviders = (providers.data ?? []).filter((p) => p.active || String(p.id) === providerId);
  const src = draft?.source;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className={ui.card}>
      {src ? (
        <MessageBar intent={src.flag === 'below' ? 'warning' : 'info'} layout="multiline" data-testid="draft-source">
          <MessageBarBody>
            <MessageBarTitle>Suggested from {src.childName}&rsquo;s {src.subjectName} progress at {src.windowName}</MessageBarTitle>
            Current {src.current ?? 'not given'}, target {src.target ?? 'not given'}, predicted {src.predicted ?? 'not given'}
            {src.steps !== null && src.steps < 0 ? ` (${-src.steps} ${src.steps === -1 ? 'step' : 'steps'} below target)` : ''}.
            {src.activeInterventions > 0 ? ` ${src.activeInterventions} ${src.subjectName} ${src.activeInterventions === 1 ? 'intervention is' : 'interventions are'} already running for this child.` : ''}
            {' '}Check the suggestion, add the cost, and save.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {existing && !existing.editable ? (
        <MessageBar intent="info"><MessageBarBody>{existing.childName} has left the school: their interventions are read-only.</MessageBarBody></MessageBar>
      ) : null}

      <Fieldset legend="The intervention">
        <div className={ui.formGrid2}>
          {existing ? (
            <div>
              <Text weight="semibold" block>Child</Text>
              <Text>{existing.childName}</Text>
            </div>
          ) : (
            <SelectField label="Child" required control={control} name="childId">
              <option value="">Choose a child…</option>
              {childRows.map((c) => <option key={c.id} value={c.id}>{c.legalLastName}, {c.preferredName || c.legalFirstName} ({c.yearGroupLabel})</option>)}
            </SelectField>
          )}
          <SelectField label="Type" required control={control} name="kind">
            <option value="">Choose…</option>
            {Object.entries(INTERVENTION_KINDS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </SelectField>
          {kind === 'other' ? <TextField label="Describe it" required hint="e.g. Forest school sessions" control={control} name="kindOther" /> : null}
          <SelectField label="Subject" hint="Leave blank when it is not about one subject" control={control} name="subjectId">
            <option value="">No particular subject</option>
            {(subjects.data ?? []).map((sj) => <option key={sj.id} value={sj.id}>{sj.name}</option>)}
          </SelectField>
          <SelectField label="External provider" hint="Tutoring companies and agencies are set up in Progress › Set-up" control={control} name="providerId">
            <option value="">None: delivered in school</option>
            {activeProviders.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </SelectField>
          <TextField label={providerId ? "Tutor's name" : 'Delivered by'} required={!providerId}
            hint={providerId ? 'Optional' : 'The member of staff (or role) who runs it in school'} control={control} name="deliveredBy" />
        </div>
      </Fieldset>

      <Fieldset legend="Dates and sessions">
        <div className={ui.formGrid}>
          <DateField label="Starts" required control={control} name="startDate" />
          <DateField label="Ends" hint="dd/mm/yyyy. Blank if open-ended" control={control} name="endDate" />
          <TextField label="Sessions planned" inputMode="numeric" hint="0 if not fixed" control={control} name="sessionsPlanned" />
        </div>
      </Fieldset>

      <Fieldset legend="Cost and funding">
        <div className={ui.formGrid}>
          <TextField label="Cost" inputMode="decimal" contentBefore={<span aria-hidden="true">£</span>} hint="In pounds, e.g. 350 or 1250.50"
            control={control} name="costPence" />
        </div>
        <RadioField label="Funded by" required control={control} name="fundingSource"
          options={Object.entries(FUNDING_SOURCES).map(([value, label]) => ({ value, label }))} />
      </Fieldset>

      <Fieldset legend="Measuring impact">
        <div className={ui.formGrid2}>
          <TextField label="Baseline measure" hint="e.g. Reading age, times-tables score" control={control} name="baselineMeasure" />
          <TextField label="Baseline" hint="The value at the start" control={control} name="baselineValue" />
          <TextField label="Outcome measure" hint="What will show it worked" control={control} name="outcomeMeasure" />
          <TextField label="Outcome" hint="The value at the end" control={control} name="outcomeValue" />
          <SelectField label="Impact rating" control={control} name="impactRating">
            {Object.entries(IMPACT_RATINGS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </SelectField>
        </div>
        <TextAreaField label="Evidence of impact" required={impactRating !== 'not_assessed' && impactRating !== ''}
          hint="What shows the rating: the measure, teacher or child comments" control={control} name="evidenceNote" rows={3} />
      </Fieldset>

      <FormAlert title="The intervention was not saved" messages={failure} />
      <div className={ui.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting || (existing !== null && !existing.editable)}>
          {isSubmitting ? 'Saving…' : existing ? 'Save intervention' : 'Add intervention'}
        </Button>
        <Button as="a" href={existing ? interventionsHref.detail(existing.id) : interventionsHref.list()}>Cancel</Button>
      </div>
    </form>
  );
}
