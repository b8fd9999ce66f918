// The risk register's dialogs: add a risk (from one of the six templates, or blank), edit a risk,
// and review one (re-score it, say what was found, move the next review on). Each form is text and
// is checked with the contract's own schema on submit, so its messages appear under the fields.

import { zodResolver } from '@hookform/resolvers/zod';
import { Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  RISK_CATEGORIES, RISK_STATUSES, createRiskFromTemplateInput, createRiskInput, reviewRiskInput, riskBand, updateRiskInput,
  type RiskCategory, type RiskDetail, type RiskTemplate,
} from '../../api/contract.ts';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors } from '../../lib/forms.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { Loading, LoadFailed, addDays, todayIso } from '../dashboard/ui.tsx';
import { BAND_LABEL, BandBadge, impactText, likelihoodText } from './common.tsx';
import { useRiskTemplates } from './queries.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const useStyles = makeStyles({
  grid2: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  grid3: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  score: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium,
  },
  templates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  template: {
    display: 'flex', flexDirection: 'column', alignSelf: 'stretch', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  templateChosen: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  templateMeta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', paddingLeft: '32px', paddingBottom: tokens.spacingVerticalXS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

interface DialogProps { onClose: () => void; onSaved: (message: string, risk: RiskDetail) => void }

const scoreOptions = (text: (n: number) => string) => [1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{text(n)}</option>);

function ScorePreview({ likelihood, impact, was }: { likelihood: string; impact: string; was?: { score: number; band: RiskDetail['band'] } }) {
  const s = useStyles();
  const l = Number(likelihood);
  const i = Number(impact);
  if (!(l >= 1 && l <= 5 && i >= 1 && i <= 5)) return null;
  const score = l * i;
  return (
    <div className={s.score} aria-live="polite" data-testid="score-preview">
      <Text>Score {l} × {i} =</Text>
      <BandBadge band={riskBand(score)} score={score} />
      {was ? <Text className={s.small}>(was {BAND_LABEL[was.band]} · {was.score})</Text> : null}
    </div>
  );
}

// ---- add: choose a template or blank ----------------------------------------------------------------

const templateForm = z.object({ templateKey: z.string(), owner: z.string(), nextReviewDate: optionalUkDate() });

export function AddRiskDialog({ onClose, onSaved, onBlank }: DialogProps & { onBlank: () => void }) {
  const s = useStyles();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const templates = useRiskTemplates();
  const [choice, setChoice] = useState<string>('');
  const [failure, setFailure] = useState<string[]>([]);
  const schema = templateForm.transform((v) => v as z.input<typeof createRiskFromTemplateInput>).pipe(createRiskFromTemplateInput);
  const { control, handleSubmit, setError, setValue, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof templateForm>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { templateKey: '', owner: '', nextReviewDate: '' },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const risk = await run('createRiskFromTemplate', body);
      unsaved.saved(); // the list moves on to the new risk
      onSaved(`Risk added from the template: "${risk.title}". Adjust its wording, score and owner to fit your school.`, risk);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(templateForm.shape)));
    }
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    if (choice === 'blank') {
      e.preventDefault();
      onBlank();
      dialog.close();
      return;
    }
    if (!choice) {
      e.preventDefault();
      setFailure(['Choose one of the templates, or a blank risk.']);
      return;
    }
    void onSubmit(e);
  };
  const chosen = templates.data?.find((t) => t.key === choice);
  return (
    <FormDialog state={dialog} unsaved={unsaved} title="Add a risk" submitLabel={choice === 'blank' ? 'Continue' : 'Add risk'} busy={isSubmitting}
      failure={failure} failureTitle="The risk was not added" onSubmit={submit}
      intro="Start from one of the risks most Designated Teachers record, or from a blank risk. You can change everything afterwards.">
      {templates.isPending ? <Loading what="templates" /> : templates.error ? <LoadFailed what="templates" error={templates.error} /> : (
        <RadioGroup aria-label="Start from" value={choice} className={s.templates}
          onChange={(_e, d) => { setChoice(d.value); setFailure([]); if (d.value !== 'blank') setValue('templateKey', d.value); }}>
          {templates.data.map((t) => <TemplateChoice key={t.key} t={t} chosen={choice === t.key} />)}
          <div className={mergeClasses(s.template, choice === 'blank' && s.templateChosen)}>
            <Radio value="blank" label="A blank risk" />
            <div className={s.templateMeta}><Text className={s.small}>Any other risk: you fill in every detail.</Text></div>
          </div>
        </RadioGroup>
      )}
      {chosen ? (
        <div className={s.grid2}>
          <TextField label="Owner" hint="Who manages this risk, e.g. Headteacher" control={control} name="owner" />
          <DateField label="First review" hint={`dd/mm/yyyy. Blank: ${formatUkDate(addDays(todayIso(), chosen.reviewEveryDays))} (every ${chosen.reviewEveryDays} days)`}
            control={control} name="nextReviewDate" />
        </div>
      ) : null}
    </FormDialog>
  );
}

function TemplateChoice({ t, chosen }: { t: RiskTemplate; chosen: boolean }) {
  const s = useStyles();
  return (
    <div className={mergeClasses(s.template, chosen && s.templateChosen)}>
      <Radio value={t.key} label={t.title} />
      <div className={s.templateMeta}>
        <Text className={s.small}>{RISK_CATEGORIES[t.category]}</Text>
        <BandBadge band={t.band} score={t.score} size="small" />
        <Text className={s.small}>Review every {t.reviewEveryDays} days</Text>
        {t.inUse ? <Text className={s.small}>· Already in your register</Text> : null}
      </div>
    </div>
  );
}

// ---- add blank / edit ----------------------------------------------------------------------------------

const riskForm = z.object({
  category: z.string(),
  title: z.string(),
  description: z.string(),
  likelihood: z.string().transform(Number),
  impact: z.string().transform(Number),
  owner: z.string(),
  mitigations: z.string(),
  reviewEveryDays: z.string().trim().transform((t, ctx) => {
    const v = Number(t);
    if (!t || !Number.isInteger(v)) {
      ctx.addIssue({ code: 'custom', message: 'Review every is a whole number of days, e.g. 90.' });
      return z.NEVER;
    }
    return v;
  }),
  nextReviewDate: optionalUkDate(),
  status: z.string(),
});

export function RiskFormDialog({ risk, onClose, onSaved }: DialogProps & { risk: RiskDetail | null }) {
  const s = useStyles();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [failure, setFailure] = useState<string[]>([]);
  const schema = risk
    ? riskForm.transform((v) => ({ id: risk.id, ...v }) as z.input<typeof updateRiskInput>).pipe(updateRiskInput)
    : riskForm.transform((v) => v as z.input<typeof createRiskInput>).pipe(createRiskInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof riskForm>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      category: risk?.category ?? '', title: risk?.title ?? '', description: risk?.description ?? '',
      likelihood: String(risk?.likelihood ?? 3), impact: String(risk?.impact ?? 3), owner: risk?.owner ?? '', mitigations: risk?.mitigations ?? '',
      reviewEveryDays: String(risk?.reviewEveryDays ?? 90), nextReviewDate: formatUkDate(risk?.nextReviewDate ?? null), status: risk?.status ?? 'open',
    },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const [likelihood, impact] = useWatch({ control, name: ['likelihood', 'impact'] });
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const saved = risk
        ? await run('updateRisk', body as z.output<typeof updateRiskInput>)
        : await run('createRisk', body as z.output<typeof createRiskInput>);
      unsaved.saved(); // a new risk opens its own page
      onSaved(risk ? 'Risk saved.' : `Risk added: "${saved.title}".`, saved);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(riskForm.shape)));
    }
  });
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={risk ? 'Edit risk' : 'Add a blank risk'} submitLabel={risk ? 'Save risk' : 'Add risk'} busy={isSubmitting}
      failure={failure} failureTitle="The risk was not saved" onSubmit={onSubmit}
      intro={risk ? 'To record a change of score after looking at the risk again, use Review instead: it keeps the history.' : undefined}>
      <div className={s.grid2}>
        <SelectField label="Category" required control={control} name="category">
          <option value="">Choose…</option>
          {(Object.entries(RISK_CATEGORIES) as [RiskCategory, string][]).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
        <SelectField label="Status" control={control} name="status">
          {Object.entries(RISK_STATUSES).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
      </div>
      <TextField label="Title" required hint="A short name for the risk" control={control} name="title" />
      <TextAreaField label="Description" hint="If … happens, then … because …" control={control} name="description" rows={3} />
      <div className={s.grid2}>
        <SelectField label="Likelihood" required control={control} name="likelihood">{scoreOptions(likelihoodText)}</SelectField>
        <SelectField label="Impact" required control={control} name="impact">{scoreOptions(impactText)}</SelectField>
      </div>
      <ScorePreview likelihood={likelihood} impact={impact} />
      <TextAreaField label="Mitigations" hint="What is in place, or planned, to reduce it" control={control} name="mitigations" rows={3} />
      <div className={s.grid3}>
        <TextField label="Owner" control={control} name="owner" />
        <TextField label="Review every (days)" required inputMode="numeric" control={control} name="reviewEveryDays" />
        <DateField label="Next review" hint={risk ? 'dd/mm/yyyy' : 'dd/mm/yyyy. Blank: today + the frequency'} control={control} name="nextReviewDate" />
      </div>
    </FormDialog>
  );
}

// ---- review ------------------------------------------------------------------------------------------

const reviewForm = z.object({
  reviewedOn: optionalUkDate(),
  likelihood: z.string().transform(Number),
  impact: z.string().transform(Number),
  note: z.string(),
  mitigations: z.string(),
  status: z.string().transform((v) => (v ? v : null)),
  nextReviewDate: optionalUkDate(),
});

export function ReviewDialog({ risk, onClose, onSaved }: DialogProps & { risk: RiskDetail }) {
  const s = useStyles();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [failure, setFailure] = useState<string[]>([]);
  const schema = reviewForm.transform((v) => ({
    id: risk.id, ...v,
    // Mitigations are replaced only when changed here.
    mitigations: v.mitigations.trim() === (risk.mitigations ?? '').trim() ? null : v.mitigations,
  }) as z.input<typeof reviewRiskInput>).pipe(reviewRiskInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof reviewForm>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      reviewedOn: formatUkDate(todayIso()), likelihood: String(risk.likelihood), impact: String(risk.impact), note: '',
      mitigations: risk.mitigations ?? '', status: '', nextReviewDate: '',
    },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const [likelihood, impact] = useWatch({ control, name: ['likelihood', 'impact'] });
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const saved = await run('reviewRisk', body);
      const changed = saved.score !== risk.score ? `score ${risk.score} → ${saved.score} (${BAND_LABEL[saved.band]})` : `score unchanged at ${saved.score}`;
      onSaved(`Review recorded: ${changed}. Next review ${formatUkDate(saved.nextReviewDate)}.`, saved);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(reviewForm.shape)));
    }
  });
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={`Review: ${risk.title}`} submitLabel="Record review" busy={isSubmitting}
      failure={failure} failureTitle="The review was not recorded" onSubmit={onSubmit}
      intro={`Now ${likelihoodText(risk.likelihood)} × ${impactText(risk.impact)} = ${risk.score} (${BAND_LABEL[risk.band]}). Last reviewed ${risk.lastReviewedOn ? formatUkDate(risk.lastReviewedOn) : 'never'}.`}>
      <div className={s.grid3}>
        <DateField label="Reviewed on" control={control} name="reviewedOn" />
        <SelectField label="Likelihood" required control={control} name="likelihood">{scoreOptions(likelihoodText)}</SelectField>
        <SelectField label="Impact" required control={control} name="impact">{scoreOptions(impactText)}</SelectField>
      </div>
      <ScorePreview likelihood={likelihood} impact={impact} was={{ score: risk.score, band: risk.band }} />
      <TextAreaField label="What the review found" required hint="What changed, and why the score is what it is" control={control} name="note" rows={3} />
      <TextAreaField label="Mitigations" hint="Change them here if the review changed them" control={control} name="mitigations" rows={3} />
      <div className={s.grid2}>
        <SelectField label="Status" control={control} name="status">
          <option value="">Keep: {RISK_STATUSES[risk.status]}</option>
          {Object.entries(RISK_STATUSES).filter(([k]) => k !== risk.status).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
        <DateField label="Next review" hint={`dd/mm/yyyy. Blank: the review date + ${risk.reviewEveryDays} days`} control={control} name="nextReviewDate" />
      </div>
    </FormDialog>
  );
}
