// Form controls the Children forms need beyond components/TextField.tsx: a checkbox, radio buttons,
// and a drop-down of DfE codes showing "code: meaning". All controlled through useController.

import { Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useController, type FieldValues } from 'react-hook-form';
import type { BoundProps } from '../../components/TextField.tsx';
import { SelectField } from '../../components/TextField.tsx';

export function CheckboxField<T extends FieldValues, O = T>({ control, name, label, hint, className }: BoundProps<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'} className={className}>
      <Checkbox
        ref={field.ref}
        name={field.name}
        checked={field.value === true}
        onChange={(_e, d) => field.onChange(d.checked === true)}
        onBlur={field.onBlur}
        label={label}
      />
    </Field>
  );
}

export function RadioField<T extends FieldValues, O = T>(
  { control, name, label, hint, required, className, options }: BoundProps<T, O> & { options: { value: string; label: string }[] },
) {
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={error} validationState={error ? 'error' : 'none'} className={className}>
      <RadioGroup ref={field.ref} name={field.name} value={typeof field.value === 'string' ? field.value : ''} layout="horizontal"
        onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur}>
        {options.map((o) => <Radio key={o.value} value={o.value} label={o.label} />)}
      </RadioGroup>
    </Field>
  );
}

/** A drop-down of codes, each shown as "C2: Full care order"; `blank` adds an empty first choice. */
export function CodeSelectField<T extends FieldValues, O = T>(
  { codes, blank, ...props }: BoundProps<T, O> & { codes: Record<string, string>; blank?: string },
) {
  return (
    <SelectField {...props}>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {Object.entries(codes).map(([code, meaning]) => <option key={code} value={code}>{`${code}: ${meaning}`}</option>)}
    </SelectField>
  );
}
