// Add a child, or edit a child's details. The form holds text (dates typed as dd/mm/yyyy); on
// submit it becomes the API's input and is checked with the contract's own schema, so the UPN check
// letter, dates in order and "fields that only make sense together" give the same messages here as
// from the register. Fields that do not apply (a legal status for a previously looked-after child,
// a primary need without SEN) are hidden and cleared.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  GENDERS, LEGAL_STATUS_CODES, PLAC_ARRANGEMENTS, SEN_PRIMARY_NEED_CODES, SEN_PROVISION_CODES, createChildInput,
  updateChildInput, type Child,
} from '../../api/contract.ts';
import { useChildFile, useLocalAuthorities } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/TextField.tsx';
import { formatUkDate, parseUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors, ukDate } from '../../lib/forms.ts';
import { hrefFor } from '../../app/router.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { Fieldset } from '../settings/common.tsx';
import {
  LoadFailed, Loading, displayName, setFlash, todayIso, useChildFileOperation, useChildStyles, yearGroupLabel, yearGroupOn,
} from './common.tsx';
import { CheckboxField, CodeSelectField, RadioField } from './fields.tsx';
import { childrenHref, go } from './route.ts';

const formSchema = z.object({
  upn: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string(),
  dateOfBirth: ukDate('the date of birth'),
  gender: z.string(),
  ethnicity: z.string(),
  yearGroupOffset: z.string(),
  status: z.enum(['CLA', 'PLAC']),
  placArrangement: z.string(),
  legalStatus: z.string(),
  responsibleLaId: z.string(),
  dateIntoCare: optionalUkDate(),
  dateJoinedSchool: ukDate('the date the child joined the school'),
  socialWorkerName: z.string(),
  socialWorkerEmail: z.string(),
  socialWorkerPhone: z.string(),
  iroName: z.string(),
  iroEmail: z.string(),
  iroPhone: z.string(),
  keyAdult: z.string(),
  eswName: z.string(),
  senProvision: z.enum(['N', 'K', 'E']),
  senPrimaryNeed: z.string(),
  ehcpReviewDate: optionalUkDate(),
  ppPlusEligible: z.boolean(),
  consentInformationSharing: z.boolean(),
  consentNotes: z.string(),
  transitionNotes: z.string(),
  careersPlan: z.string(),
});
type FormIn = z.input<typeof formSchema>;
type FormParsed = z.output<typeof formSchema>;
const FIELDS = Object.keys(formSchema.shape);

/** Form values → the API's input; fields that do not apply are cleared. */
function toInput(v: FormParsed): z.input<typeof createChildInput> {
  const blank = (s: string) => (s.trim() === '' ? null : s);
  return {
    ...v,
    upn: blank(v.upn),
    yearGroupOffset: Number(v.yearGroupOffset) || 0,
    gender: v.gender as 'F' | 'M' | 'X',
    placArrangement: v.status === 'PLAC' ? (blank(v.placArrangement) as keyof typeof PLAC_ARRANGEMENTS | null) : null,
    legalStatus: v.status === 'CLA' ? (blank(v.legalStatus) as keyof typeof LEGAL_STATUS_CODES | null) : null,
    responsibleLaId: v.responsibleLaId ? Number(v.responsibleLaId) : null,
    senPrimaryNeed: v.senProvision === 'N' ? null : (blank(v.senPrimaryNeed) as keyof typeof SEN_PRIMARY_NEED_CODES | null),
    ehcpReviewDate: v.senProvision === 'E' ? v.ehcpReviewDate : null,
  };
}

const createSchema = formSchema.transform(toInput).pipe(createChildInput);
const updateSchema = (id: number) => formSchema.transform((v) => ({ id, ...toInput(v) })).pipe(updateChildInput);

function blankForm(): FormIn {
  return {
    upn: '', legalFirstName: '', legalLastName: '', preferredName: '', dateOfBirth: '', gender: '', ethnicity: '', yearGroupOffset: '0',
    status: 'CLA', placArrangement: '', legalStatus: '', responsibleLaId: '', dateIntoCare: '', dateJoinedSchool: '',
    socialWorkerName: '', socialWorkerEmail: '', socialWorkerPhone: '', iroName: '', iroEmail: '', iroPhone: '', keyAdult: '', eswName: '',
    senProvision: 'N', senPrimaryNeed: '', ehcpReviewDate: '', ppPlusEligible: true, consentInformationSharing: false,
    consentNotes: '', transitionNotes: '', careersPlan: '',
  };
}

function toForm(c: Child): FormIn {
  const s = (v: string | null) => v ?? '';
  return {
    upn: s(c.upn), legalFirstName: c.legalFirstName, legalLastName: c.legalLastName, preferredName: s(c.preferredName),
    dateOfBirth: formatUkDate(c.dateOfBirth), gender: c.gender, ethnicity: s(c.ethnicity), yearGroupOffset: String(c.yearGroupOffset),
    status: c.status, placArrangement: s(c.placArrangement), legalStatus: s(c.legalStatus),
    responsibleLaId: c.responsibleLaId === null ? '' : String(c.responsibleLaId), dateIntoCare: formatUkDate(c.dateIntoCare),
    dateJoinedSchool: formatUkDate(c.dateJoinedSchool), socialWorkerName: s(c.socialWorkerName), socialWorkerEmail: s(c.socialWorkerEmail),
    socialWorkerPhone: s(c.socialWorkerPhone), iroName: s(c.iroName), iroEmail: s(c.iroEmail), iroPhone: s(c.iroPhone),
    keyAdult: s(c.keyAdult), eswName: s(c.eswName), senProvision: c.senProvision, senPrimaryNeed: s(c.senPrimaryNeed),
    ehcpReviewDate: formatUkDate(c.ehcpReviewDate), ppPlusEligible: c.ppPlusEligible, consentInformationSharing: c.consentInformationSharing,
    consentNotes: s(c.consentNotes), transitionNotes: s(c.transitionNotes), careersPlan: s(c.careersPlan),
  };
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  sticky: {
    position: 'sticky', bottom: 0, zIndex: 1,
    display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center',
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function ChildFormScreen({ childId }: { childId: number | null }) {
  return childId === null ? <ChildForm child={null} /> : <EditChild childId={childId} />;
}

function EditChild({ childId }: { childId: number }) {
  const file = useChildFile(childId);
  const common = useChildStyles();
  if (file.isPending) return <Loading what="child's details" />;
  if (file.error) return <LoadFailed what="child's details" error={file.error} />;
  if (!file.data.editable) {
    return (
      <div className={common.page}>
        <Heading focusOnMount>{displayName(file.data.child)} has left</Heading>
        <Text>A leaver&rsquo;s record is read-only. <Link href={childrenHref.file(childId)}>Back to their file</Link></Text>
      </div>
    );
  }
  return <ChildForm child={file.data.child} />;
}

function ChildForm({ child }: { child: Child | null }) {
  const styles = useStyles();
  const common = useChildStyles();
  const las = useLocalAuthorities();
  const run = useChildFileOperation();
  const [failure, setFailure] = useState<string[]>([]);
  const schema = useMemo(() => (child ? updateSchema(child.id) : createSchema), [child]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, z.output<typeof createChildInput>>({
    // The two schemas share the form's shape; the update one adds the id.
    resolver: zodResolver(schema as typeof createSchema),
    defaultValues: child ? toForm(child) : blankForm(),
  });
  // Cancel is a link, so the app-wide guard asks before it (and any other link) leaves the form.
  const unsaved = useUnsavedChanges(isDirty);
  const [status, senProvision, dob, offset] = useWatch({ control, name: ['status', 'senProvision', 'dateOfBirth', 'yearGroupOffset'] });

  const dobIso = parseUkDate(dob ?? '');
  const today = todayIso();
  const chronological = dobIso ? yearGroupOn(dobIso, today) : null;

  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    try {
      if (child) {
        await run('updateChild', { ...values, id: child.id });
        unsaved.saved();
        setFlash('Details saved.');
        go(childrenHref.file(child.id));
      } else {
        const file = await run('createChild', values);
        unsaved.saved();
        setFlash(`${displayName(file.child)} has been added. Record their placement under Care and contacts.`);
        go(childrenHref.file(file.child.id, 'care'));
      }
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });

  const cancelHref = child ? childrenHref.file(child.id) : childrenHref.list();
  const offsetLabel = (n: number) => {
    const base = n === 0 ? 'Their chronological year group' : n < 0 ? `${-n} ${n === -1 ? 'year' : 'years'} below` : `${n} ${n === 1 ? 'year' : 'years'} above`;
    return chronological === null ? base : `${base} (${yearGroupLabel(chronological + n)})`;
  };

  return (
    <div className={common.page}>
      <Heading focusOnMount>{child ? `Edit ${displayName(child)}'s details` : 'Add a child'}</Heading>
      <Text>
        {child
          ? 'Change anything that is out of date, then save. Placements, schooling, attendance and the voice log are recorded in the child\u2019s file.'
          : 'Fields marked * are needed. You can add the rest later. Dates are dd/mm/yyyy.'}
      </Text>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={child ? 'Edit the child\u2019s details' : 'Add a child'}>
        <Fieldset legend="The child">
          <div className={common.formGrid}>
            <TextField label="Legal first name" required control={control} name="legalFirstName" />
            <TextField label="Legal last name" required control={control} name="legalLastName" />
            <TextField label="Preferred name" hint="What the child likes to be called" control={control} name="preferredName" />
            <DateField label="Date of birth" required control={control} name="dateOfBirth" />
            <SelectField label="Gender" required control={control} name="gender">
              <option value="">Choose…</option>
              {Object.entries(GENDERS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </SelectField>
            <TextField label="Ethnicity" hint="Census code or description, e.g. WBRI" control={control} name="ethnicity" />
            <TextField label="UPN" hint="Unique Pupil Number: 13 characters, from the MIS" control={control} name="upn" />
            <SelectField label="Year group" control={control} name="yearGroupOffset"
              hint={chronological === null ? 'Worked out from the date of birth' : `From the date of birth: ${yearGroupLabel(chronological + (Number(offset) || 0))}`}>
              {[0, -1, -2, -3, 1, 2, 3].map((n) => <option key={n} value={String(n)}>{offsetLabel(n)}</option>)}
            </SelectField>
          </div>
        </Fieldset>

        <Fieldset legend="Care status">
          <RadioField label="Status" required control={control} name="status"
            options={[{ value: 'CLA', label: 'Looked after (CLA)' }, { value: 'PLAC', label: 'Previously looked after (PLAC)' }]} />
          <div className={common.formGrid}>
            {status === 'CLA' ? (
              <CodeSelectField label="Legal status (SSDA903)" control={control} name="legalStatus" codes={LEGAL_STATUS_CODES} blank="Not recorded" />
            ) : (
              <CodeSelectField label="How they left care" control={control} name="placArrangement" codes={PLAC_ARRANGEMENTS} blank="Not recorded" />
            )}
            <DateField label={status === 'CLA' ? 'Date into care' : 'Date they first came into care'} control={control} name="dateIntoCare" />
            <SelectField label="Responsible local authority" control={control} name="responsibleLaId"
              hint={las.data && las.data.length === 0 ? 'No local authorities yet: add them in Settings' : undefined}>
              <option value="">Not recorded</option>
              {(las.data ?? []).map((la) => <option key={la.id} value={String(la.id)}>{la.name}</option>)}
            </SelectField>
          </div>
          {las.data && las.data.length === 0 ? (
            <Text size={200}><Link href={hrefFor('settings', 'las')}>Add local authorities and their Virtual Schools in Settings</Link></Text>
          ) : null}
        </Fieldset>

        <Fieldset legend="School">
          <div className={common.formGrid}>
            <DateField label="Date joined the school" required control={control} name="dateJoinedSchool" />
          </div>
          <CheckboxField label="Eligible for Pupil Premium Plus (PP+)" control={control} name="ppPlusEligible" />
        </Fieldset>

        <Fieldset legend="People">
          <div className={common.formGrid3}>
            <TextField label="Social worker" control={control} name="socialWorkerName" />
            <TextField label="Social worker's email" type="email" inputMode="email" control={control} name="socialWorkerEmail" />
            <TextField label="Social worker's phone" type="tel" inputMode="tel" control={control} name="socialWorkerPhone" />
            <TextField label="Independent Reviewing Officer (IRO)" control={control} name="iroName" />
            <TextField label="IRO's email" type="email" inputMode="email" control={control} name="iroEmail" />
            <TextField label="IRO's phone" type="tel" inputMode="tel" control={control} name="iroPhone" />
            <TextField label="Key adult in school" control={control} name="keyAdult" />
            <TextField label="Education Support Worker (ESW)" control={control} name="eswName" />
          </div>
        </Fieldset>

        <Fieldset legend="Special educational needs">
          <div className={common.formGrid}>
            <CodeSelectField label="SEN provision" required control={control} name="senProvision" codes={SEN_PROVISION_CODES} />
            {senProvision !== 'N' ? (
              <CodeSelectField label="Primary need" control={control} name="senPrimaryNeed" codes={SEN_PRIMARY_NEED_CODES} blank="Not recorded" />
            ) : null}
            {senProvision === 'E' ? <DateField label="Next EHCP annual review" control={control} name="ehcpReviewDate" /> : null}
          </div>
        </Fieldset>

        <Fieldset legend="Consent and plans">
          <CheckboxField label="Consent to share information with the Virtual School and partners is recorded" control={control} name="consentInformationSharing" />
          <TextAreaField label="Consent notes" hint="Who gave consent, when, and any limits" control={control} name="consentNotes" rows={2} />
          <TextAreaField label="Transition notes" hint="Moves between key stages or schools, and what helps" control={control} name="transitionNotes" />
          <TextAreaField label="Careers plan" hint="From Year 8 or 9: aspirations, guidance and next steps" control={control} name="careersPlan" />
        </Fieldset>

        <FormAlert title={child ? 'The changes were not saved' : 'The child was not added'} messages={failure} />
        <div className={styles.sticky}>
          <Button type="submit" appearance="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : child ? 'Save changes' : 'Add child'}
          </Button>
          <Button as="a" href={cancelHref}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
