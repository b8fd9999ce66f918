// Add or edit a local authority and its Virtual School. PP+ is typed in pounds, stored in pence.

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localAuthorityInput, type LocalAuthority } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { TextAreaField, TextField, SelectField } from '../../components/TextField.tsx';
import { penceToPounds, poundsToPence, submitErrors, wholeNumber } from '../../lib/forms.ts';
import { blankToNull, Fieldset, useSettingsStyles } from './common.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

export const PAYMENT_LABELS: Record<LocalAuthority['ppplusPayment'], string> = {
  termly: 'Termly', annual: 'Annually', on_request: 'On request',
};

export const formatPounds = (pence: number): string =>
  (pence / 100).toLocaleString('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: pence % 100 ? 2 : 0 });

/** DfE PP+ rate for 2024-25 (reference data): an editable default, never a rule. */
const DEFAULT_PPPLUS_POUNDS = '2570';

const schema = localAuthorityInput.extend({
  initialPepSchoolDays: wholeNumber('The initial PEP timescale', 1, 100),
  newSchoolPepSchoolDays: wholeNumber('The PEP timescale after a change of school', 1, 100),
  ppplusPencePerYear: poundsToPence('The PP+ amount', 100_000),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = [...Object.keys(schema.shape).filter((k) => k !== 'contacts'), 'contacts.*.name', 'contacts.*.role', 'contacts.*.email', 'contacts.*.phone'];

function toForm(la: LocalAuthority | null): FormIn {
  if (!la) {
    return {
      name: '', laCode: '', vshName: '', vsEmail: '', vsPhone: '', vsAddress: '', epepSystem: '',
      initialPepSchoolDays: '20', newSchoolPepSchoolDays: '20', ppplusPencePerYear: DEFAULT_PPPLUS_POUNDS, ppplusPayment: 'termly',
      ppplusConditions: '', qaScale: '', pepFilenamePattern: '', contacts: [],
    };
  }
  return {
    id: la.id, name: la.name, laCode: la.laCode ?? '', vshName: la.vshName ?? '', vsEmail: la.vsEmail ?? '', vsPhone: la.vsPhone ?? '',
    vsAddress: la.vsAddress ?? '', epepSystem: la.epepSystem ?? '',
    initialPepSchoolDays: String(la.initialPepSchoolDays), newSchoolPepSchoolDays: String(la.newSchoolPepSchoolDays),
    ppplusPencePerYear: penceToPounds(la.ppplusPencePerYear), ppplusPayment: la.ppplusPayment,
    ppplusConditions: la.ppplusConditions ?? '', qaScale: la.qaScale ?? '', pepFilenamePattern: la.pepFilenamePattern ?? '',
    contacts: la.contacts.map((c) => ({ name: c.name, role: c.role ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
  };
}

const useStyles = makeStyles({
  contactRow: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(140px, 1fr)) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

export function LocalAuthorityForm({ la, onDone }: { la: LocalAuthority | null; onDone: (saved: LocalAuthority | null) => void }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema), defaultValues: toForm(la),
  });
  const unsaved = useUnsavedChanges(isDirty);
  const contacts = useFieldArray({ control, name: 'contacts' });

  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    try {
      const saved = await call('saveLocalAuthority', {
        ...blankToNull(values),
        name: values.name,
        contacts: values.contacts.map((c) => ({ ...blankToNull(c), name: c.name })),
      });
      await qc.invalidateQueries({ queryKey: keys.localAuthorities });
      onDone(saved);
    } catch (err) {
      setFailure(submitErrors(err, setError, FIELDS));
    }
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="la-form-heading">
      <Heading level={3} id="la-form-heading" focusOnMount>{la ? `Edit ${la.name}` : 'Add a local authority'}</Heading>
      <Fieldset legend="Local authority and Virtual School">
        <div className={styles.grid2}>
          <TextField label="Local authority" required control={control} name="name" />
          <TextField label="LA code" hint="Three digits, e.g. 201" inputMode="numeric" control={control} name="laCode" />
          <TextField label="Virtual School Head" control={control} name="vshName" />
          <TextField label="Virtual School email" type="email" inputMode="email" control={control} name="vsEmail" />
          <TextField label="Virtual School phone" type="tel" inputMode="tel" control={control} name="vsPhone" />
          <TextField label="ePEP system" hint="The online PEP system this Virtual School uses" control={control} name="epepSystem" />
        </div>
        <TextAreaField label="Virtual School address" control={control} name="vsAddress" />
      </Fieldset>
      <Fieldset legend="PEP timescales">
        <div className={styles.grid2}>
          <TextField label="Initial PEP within (school days of entering care)" hint="Default 20" inputMode="numeric"
            control={control} name="initialPepSchoolDays" />
          <TextField label="New PEP after a change of school within (school days)" hint="Default 20" inputMode="numeric"
            control={control} name="newSchoolPepSchoolDays" />
          <TextField label="PEP quality assurance scale" hint="e.g. Red / Amber / Green" control={control} name="qaScale" />
          <TextField label="PEP file name pattern" hint="How this Virtual School wants PEP files named" control={control} name="pepFilenamePattern" />
        </div>
        <Text className={styles.muted}>
          {la ? 'Termly PEP cut-off dates are set below, under PEP cut-off dates.' : 'Termly PEP cut-off dates can be set once the local authority is saved: choose Edit.'}
        </Text>
      </Fieldset>
      <Fieldset legend="Pupil Premium Plus (PP+)">
        <div className={styles.grid2}>
          <TextField label="PP+ per child per year (£)" hint="In pounds. 2024-25 DfE rate: £2,570" inputMode="decimal" contentBefore="£"
            control={control} name="ppplusPencePerYear" />
          <SelectField control={control} name="ppplusPayment" label="Paid to the school">
            {Object.entries(PAYMENT_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </SelectField>
        </div>
        <TextAreaField label="PP+ conditions" hint="e.g. spending must be linked to PEP targets; unspent PP+ is returned" control={control} name="ppplusConditions" />
      </Fieldset>
      <Fieldset legend="Other Virtual School contacts">
        {contacts.fields.map((f, i) => {
          return (
            <div key={f.id} role="group" aria-label={`Contact ${i + 1}`} className={own.contactRow}>
              <TextField label="Name" required control={control} name={`contacts.${i}.name`} />
              <TextField label="Role" control={control} name={`contacts.${i}.role`} />
              <TextField label="Email" type="email" control={control} name={`contacts.${i}.email`} />
              <TextField label="Phone" type="tel" control={control} name={`contacts.${i}.phone`} />
              <Button className={styles.besideFields} onClick={() => contacts.remove(i)} aria-label={`Remove contact ${i + 1}`}>Remove</Button>
            </div>
          );
        })}
        <div>
          <Button onClick={() => contacts.append({ name: '', role: '', email: '', phone: '' })}>Add a contact</Button>
        </div>
      </Fieldset>
      <FormAlert title="The local authority was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save local authority'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
