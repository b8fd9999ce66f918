// Add / edit dialogs for the records in a child's file: placements, schools attended, prior
// attainment, attendance periods, suspensions and exclusions, and voice-log entries. Each form is
// text (dates as dd/mm/yyyy, numbers as typed); on submit it is turned into the API's input and
// checked with the contract's "add" schema (the edit operations share its body and its rules), so
// messages such as "The placement must end on or after the day it started" appear under the field.

import { zodResolver } from '@hookform/resolvers/zod';
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm, useWatch, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import {
  EXCLUSION_TYPES, PLACEMENT_TYPE_CODES, PRIOR_ATTAINMENT_MEASURES, VOICE_KINDS, addAttendancePeriodInput,
  addEducationHistoryInput, addExclusionInput, addPlacementInput, addPriorAttainmentInput, addVoiceEntryInput,
  type AttendancePeriod, type EducationHistoryEntry, type Exclusion, type Placement, type PriorAttainment, type VoiceEntry,
} from '../../api/contract.ts';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors, ukDate } from '../../lib/forms.ts';
import { useChildFileOperation, useChildStyles } from './common.tsx';
import { CodeSelectField, RadioField } from './fields.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

export interface DialogProps<R> {
  childId: number;
  /** The record to edit, or null to add one. */
  record: R | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

const s = (v: string | null | undefined): string => v ?? '';
const n = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A whole number typed as text; blank gives `blank` (NaN makes the contract say what is wrong). */
const countText = (label: string, blank?: number) => z.string().trim().transform((t, ctx) => {
  if (t === '') {
    if (blank !== undefined) return blank;
    ctx.addIssue({ code: 'custom', message: `Enter the ${label.toLowerCase()}.` });
    return z.NEVER;
  }
  const v = Number(t);
  if (!Number.isInteger(v)) {
    ctx.addIssue({ code: 'custom', message: `${label} must be a whole number.` });
    return z.NEVER;
  }
  return v;
});

/** A number typed as text (decimals allowed); blank is null. */
const optionalNumberText = (label: string) => z.string().trim().transform((t, ctx) => {
  if (t === '') return null;
  const v = Number(t);
  if (!Number.isFinite(v)) {
    ctx.addIssue({ code: 'custom', message: `${label} must be a number, or left blank.` });
    return z.NEVER;
  }
  return v;
});

function useSave<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly string[], props: DialogProps<unknown>, dirty: boolean) {
  const [failure, setFailure] = useState<string[]>([]);
  const dialog = useDialogState(props.onClose);
  const unsaved = useUnsavedChanges(dirty && dialog.open);
  const save = async (action: () => Promise<unknown>, message: string) => {
    setFailure([]);
    try {
      await action();
      unsaved.saved();
      props.onSaved(message);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, fields));
    }
  };
  return { failure, save, dialog, unsaved };
}

// ---- placements ---------------------------------------------------------------------------------

const placementForm = z.object({
  placementType: z.string(),
  carerName: z.string(),
  carerPhone: z.string(),
  carerEmail: z.string(),
  startDate: ukDate('the date the placement started'),
  endDate: optionalUkDate(),
  notes: z.string(),
});

export function PlacementDialog(props: DialogProps<Placement>) {
  const { childId, record: p } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = placementForm.transform((v) => ({ childId, ...v }) as z.input<typeof addPlacementInput>).pipe(addPlacementInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      placementType: s(p?.placementType), carerName: s(p?.carerName), carerPhone: s(p?.carerPhone), carerEmail: s(p?.carerEmail),
      startDate: formatUkDate(p?.startDate), endDate: formatUkDate(p?.endDate), notes: s(p?.notes),
    },
  });
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(placementForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (p ? run('updatePlacement', { id: p.id, ...body }) : run('addPlacement', { childId, ...body })),
    p ? 'Placement saved.' : 'Placement added.',
  ));
  return (
    <FormDialog title={p ? 'Edit placement' : 'Add a placement'} submitLabel={p ? 'Save placement' : 'Add placement'} busy={isSubmitting}
      failure={failure} failureTitle="The placement was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}
      intro={p ? undefined : 'A new placement with no end date becomes the current one: the previous placement is ended on the day this one starts.'}>
      <CodeSelectField label="Placement type (SSDA903)" required control={control} name="placementType" codes={PLACEMENT_TYPE_CODES} blank="Choose…" />
      <div className={common.formGrid2}>
        <DateField label="Started" required control={control} name="startDate" />
        <DateField label="Ended" hint="dd/mm/yyyy. Blank while the child lives there" control={control} name="endDate" />
      </div>
      <div className={common.formGrid3}>
        <TextField label="Carer(s)" control={control} name="carerName" />
        <TextField label="Carer's phone" type="tel" inputMode="tel" control={control} name="carerPhone" />
        <TextField label="Carer's email" type="email" inputMode="email" control={control} name="carerEmail" />
      </div>
      <TextAreaField label="Notes" control={control} name="notes" rows={2} />
    </FormDialog>
  );
}

// ---- schools attended -----------------------------------------------------------------------------

const educationForm = z.object({
  schoolName: z.string(),
  schoolUrn: z.string(),
  startDate: optionalUkDate(),
  endDate: optionalUkDate(),
  reasonForLeaving: z.string(),
});

export function EducationDialog(props: DialogProps<EducationHistoryEntry>) {
  const { childId, record: r } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = educationForm.transform((v) => ({ childId, ...v }) as z.input<typeof addEducationHistoryInput>).pipe(addEducationHistoryInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      schoolName: s(r?.schoolName), schoolUrn: s(r?.schoolUrn), startDate: formatUkDate(r?.startDate), endDate: formatUkDate(r?.endDate),
      reasonForLeaving: s(r?.reasonForLeaving),
    },
  });
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(educationForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (r ? run('updateEducationHistory', { id: r.id, ...body }) : run('addEducationHistory', { childId, ...body })),
    r ? 'School saved.' : 'School added to the education history.',
  ));
  return (
    <FormDialog title={r ? 'Edit a school attended' : 'Add a school attended'} submitLabel={r ? 'Save school' : 'Add school'} busy={isSubmitting}
      failure={failure} failureTitle="The school was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}>
      <div className={common.formGrid2}>
        <TextField label="School" required control={control} name="schoolName" />
        <TextField label="URN" hint="Six digits, if known" inputMode="numeric" control={control} name="schoolUrn" />
        <DateField label="Started" control={control} name="startDate" />
        <DateField label="Left" control={control} name="endDate" />
      </div>
      <TextField label="Reason for leaving" hint="e.g. Placement move, or transfer to secondary school" control={control} name="reasonForLeaving" />
    </FormDialog>
  );
}

// ---- prior attainment -------------------------------------------------------------------------------

const attainmentForm = z.object({
  measure: z.string(),
  subject: z.string(),
  result: z.string(),
  resultNum: optionalNumberText('The score as a number'),
  assessedOn: optionalUkDate(),
  notes: z.string(),
});

export function AttainmentDialog(props: DialogProps<PriorAttainment>) {
  const { childId, record: r } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = attainmentForm.transform((v) => ({ childId, ...v }) as z.input<typeof addPriorAttainmentInput>).pipe(addPriorAttainmentInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      measure: r?.measure ?? 'KS2', subject: s(r?.subject), result: s(r?.result), resultNum: n(r?.resultNum),
      assessedOn: formatUkDate(r?.assessedOn), notes: s(r?.notes),
    },
  });
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(attainmentForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (r ? run('updatePriorAttainment', { id: r.id, ...body }) : run('addPriorAttainment', { childId, ...body })),
    r ? 'Prior attainment saved.' : 'Prior attainment added.',
  ));
  const measure = useWatch({ control, name: 'measure' });
  return (
    <FormDialog title={r ? 'Edit prior attainment' : 'Add prior attainment'} submitLabel={r ? 'Save' : 'Add'} busy={isSubmitting}
      failure={failure} failureTitle="The prior attainment was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}>
      <div className={common.formGrid2}>
        <SelectField label="Measure" required control={control} name="measure">
          {[...new Set([...PRIOR_ATTAINMENT_MEASURES, measure])].map((m) => <option key={m} value={m}>{m}</option>)}
        </SelectField>
        <TextField label="Subject" hint="e.g. Reading, Maths" control={control} name="subject" />
        <TextField label="Result" required hint="As reported, e.g. 104, 5, Met, 9y 2m" control={control} name="result" />
        <TextField label="Score as a number" inputMode="decimal"
          hint={measure === 'KS2' ? 'KS2 scaled score, 80 to 120' : measure === 'GCSE' ? 'GCSE grade, 1 to 9' : 'Optional, for charts and comparisons'}
          control={control} name="resultNum" />
        <DateField label="Assessed on" control={control} name="assessedOn" />
      </div>
      <TextAreaField label="Notes" control={control} name="notes" rows={2} />
    </FormDialog>
  );
}

// ---- attendance -------------------------------------------------------------------------------------

const attendanceForm = z.object({
  periodStart: ukDate('the first day of the period'),
  periodEnd: ukDate('the last day of the period'),
  possibleSessions: countText('Possible sessions'),
  presentSessions: countText('Present sessions'),
  authorisedAbsence: countText('Authorised absence', 0),
  unauthorisedAbsence: countText('Unauthorised absence', 0),
});

export function AttendanceDialog(props: DialogProps<AttendancePeriod>) {
  const { childId, record: r } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = attendanceForm.transform((v) => ({ childId, ...v }) as z.input<typeof addAttendancePeriodInput>).pipe(addAttendancePeriodInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      periodStart: formatUkDate(r?.periodStart), periodEnd: formatUkDate(r?.periodEnd), possibleSessions: n(r?.possibleSessions),
      presentSessions: n(r?.presentSessions), authorisedAbsence: n(r?.authorisedAbsence), unauthorisedAbsence: n(r?.unauthorisedAbsence),
    },
  });
  const [possible, present] = useWatch({ control, name: ['possibleSessions', 'presentSessions'] });
  const pct = Number(possible) > 0 && present !== '' && Number.isFinite(Number(present)) ? (Number(present) / Number(possible)) * 100 : null;
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(attendanceForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (r ? run('updateAttendancePeriod', { id: r.id, ...body }) : run('addAttendancePeriod', { childId, ...body })),
    r ? 'Attendance period saved.' : 'Attendance period added.',
  ));
  return (
    <FormDialog title={r ? 'Edit attendance period' : 'Add attendance'} submitLabel={r ? 'Save attendance' : 'Add attendance'} busy={isSubmitting}
      failure={failure} failureTitle="The attendance was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}
      intro="Sessions are half days (two a day), as the MIS counts them.">
      <div className={common.formGrid2}>
        <DateField label="From" required control={control} name="periodStart" />
        <DateField label="To" required control={control} name="periodEnd" />
      </div>
      <div className={common.formGrid2}>
        <TextField label="Possible sessions" required inputMode="numeric" control={control} name="possibleSessions" />
        <TextField label="Present sessions" required hint="Including approved educational activity" inputMode="numeric" control={control} name="presentSessions" />
        <TextField label="Authorised absence" hint="Sessions" inputMode="numeric" control={control} name="authorisedAbsence" />
        <TextField label="Unauthorised absence" hint="Sessions" inputMode="numeric" control={control} name="unauthorisedAbsence" />
      </div>
      <Text aria-live="polite">{pct === null ? '' : `Attendance: ${pct.toFixed(1)}%`}</Text>
    </FormDialog>
  );
}

// ---- suspensions and exclusions -----------------------------------------------------------------------

const exclusionForm = z.object({
  kind: z.string(),
  startDate: ukDate('the first day of the suspension'),
  endDate: optionalUkDate(),
  schoolDays: z.string().trim().transform((t, ctx) => {
    const v = Number(t);
    if (t === '' || !Number.isFinite(v)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the number of school days, e.g. 1, 2.5 or 0.5.' });
      return z.NEVER;
    }
    return v;
  }),
  reason: z.string(),
  vsInformedOn: optionalUkDate(),
  socialWorkerInformedOn: optionalUkDate(),
  paperworkSentOn: optionalUkDate(),
  reintegrationMeetingOn: optionalUkDate(),
});

export function ExclusionDialog(props: DialogProps<Exclusion>) {
  const { childId, record: r } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = exclusionForm.transform((v) => ({ childId, ...v }) as z.input<typeof addExclusionInput>).pipe(addExclusionInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: r?.kind ?? 'SUSP', startDate: formatUkDate(r?.startDate), endDate: formatUkDate(r?.endDate), schoolDays: n(r?.schoolDays),
      reason: s(r?.reason), vsInformedOn: formatUkDate(r?.vsInformedOn), socialWorkerInformedOn: formatUkDate(r?.socialWorkerInformedOn),
      paperworkSentOn: formatUkDate(r?.paperworkSentOn), reintegrationMeetingOn: formatUkDate(r?.reintegrationMeetingOn),
    },
  });
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(exclusionForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (r ? run('updateExclusion', { id: r.id, ...body }) : run('addExclusion', { childId, ...body })),
    r ? 'Suspension saved.' : 'Suspension recorded.',
  ));
  return (
    <FormDialog title={r ? 'Edit suspension or exclusion' : 'Record a suspension or exclusion'} submitLabel={r ? 'Save' : 'Record'}
      busy={isSubmitting} failure={failure} failureTitle="The suspension was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}
      intro="Tell the Virtual School and the social worker on the day it starts, and send the paperwork within 48 hours.">
      <RadioField label="Type" required control={control} name="kind"
        options={Object.keys(EXCLUSION_TYPES).map((k) => ({ value: k, label: k === 'SUSP' ? 'Suspension (fixed period)' : 'Permanent exclusion' }))} />
      <div className={common.formGrid3}>
        <DateField label="First day" required control={control} name="startDate" />
        <DateField label="Last day" control={control} name="endDate" />
        <TextField label="School days" required hint="Whole or half days, e.g. 2.5" inputMode="decimal" control={control} name="schoolDays" />
      </div>
      <TextAreaField label="Reason" control={control} name="reason" rows={2} />
      <div className={common.formGrid2}>
        <DateField label="Virtual School informed on" control={control} name="vsInformedOn" />
        <DateField label="Social worker informed on" control={control} name="socialWorkerInformedOn" />
        <DateField label="Paperwork sent on" control={control} name="paperworkSentOn" />
        <DateField label="Reintegration meeting on" control={control} name="reintegrationMeetingOn" />
      </div>
    </FormDialog>
  );
}

// ---- voice log ------------------------------------------------------------------------------------------

const voiceForm = z.object({
  heldOn: ukDate('the date'),
  kind: z.string(),
  staffName: z.string(),
  wishesFeelings: z.string(),
  concerns: z.string(),
  actions: z.string(),
});

export function VoiceDialog(props: DialogProps<VoiceEntry> & { defaultStaff?: string | null }) {
  const { childId, record: r, defaultStaff } = props;
  const common = useChildStyles();
  const run = useChildFileOperation();
  const schema = voiceForm.transform((v) => ({ childId, ...v }) as z.input<typeof addVoiceEntryInput>).pipe(addVoiceEntryInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      heldOn: formatUkDate(r?.heldOn), kind: r?.kind ?? 'esw_session', staffName: r ? s(r.staffName) : s(defaultStaff),
      wishesFeelings: s(r?.wishesFeelings), concerns: s(r?.concerns), actions: s(r?.actions),
    },
  });
  const { failure, save, dialog, unsaved } = useSave(setError, Object.keys(voiceForm.shape), props, isDirty);
  const onSubmit = handleSubmit(({ childId: _c, ...body }) => save(
    () => (r ? run('updateVoiceEntry', { id: r.id, ...body }) : run('addVoiceEntry', { childId, ...body })),
    r ? 'Voice log entry saved.' : 'Added to the voice log.',
  ));
  return (
    <FormDialog title={r ? 'Edit voice log entry' : 'Add to the voice log'} submitLabel={r ? 'Save entry' : 'Add entry'} busy={isSubmitting}
      failure={failure} failureTitle="The entry was not saved" onSubmit={onSubmit} state={dialog} unsaved={unsaved}>
      <div className={common.formGrid3}>
        <DateField label="Date" required control={control} name="heldOn" />
        <SelectField label="Kind" required control={control} name="kind">
          {Object.entries(VOICE_KINDS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </SelectField>
        <TextField label="Who with" hint="Member of staff" control={control} name="staffName" />
      </div>
      <TextAreaField label="Wishes and feelings" hint="In the child's own words where possible" control={control} name="wishesFeelings" />
      <TextAreaField label="Concerns raised" control={control} name="concerns" rows={2} />
      <TextAreaField label="Actions agreed" control={control} name="actions" rows={2} />
    </FormDialog>
  );
}
