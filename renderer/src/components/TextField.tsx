// Labelled inputs (Fluent Field) bound to react-hook-form with useController. Fluent's Input,
// Textarea and Select keep their own value state, so they must be controlled: register() alone
// would not show default values or reset(). The Field wires label, hint and error message to the
// control for screen readers; errors come from the form state (zod or the API's field issues).

import { Field, Input, Select, Textarea, makeStyles, type InputProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DATE_PLACEHOLDER } from '../lib/dates.ts';

export interface BoundProps<T extends FieldValues, O = T> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's context type is irrelevant here
  control: Control<T, any, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

type TextFieldProps<T extends FieldValues, O> = BoundProps<T, O> & {
  type?: InputProps['type'];
  autoComplete?: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel';
  contentBefore?: InputProps['contentBefore'];
  size?: 'small' | 'medium' | 'large';
};

// Controls fill their column and may shrink with it (Fluent's default minimum width overflows grids).
const useStyles = makeStyles({ control: { width: '100%', minWidth: 0 } });

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function TextField<T extends FieldValues, O = T>(
  { control, name, label, hint, required, className, type = 'text', autoComplete, placeholder, inputMode, contentBefore, size }: TextFieldProps<T, O>,
) {
  const styles = useStyles();
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={error} validationState={error ? 'error' : 'none'} className={className}>
      <Input
        className={styles.control}
        ref={field.ref}
        name={field.name}
        value={text(field.value)}
        onChange={(_e, d) => field.onChange(d.value)}
        onBlur={field.onBlur}
        type={type}
        autoComplete={autoComplete ?? 'off'}
        placeholder={placeholder}
        inputMode={inputMode}
        contentBefore={contentBefore}
        size={size}
      />
    </Field>
  );
}

/** A date typed as dd/mm/yyyy (not <input type=date>, whose format follows the browser's locale). */
export function DateField<T extends FieldValues, O = T>(props: Omit<TextFieldProps<T, O>, 'placeholder' | 'type' | 'inputMode'>) {
  return <TextField {...props} placeholder={DATE_PLACEHOLDER} inputMode="numeric" hint={props.hint ?? 'dd/mm/yyyy'} />;
}

export function TextAreaField<T extends FieldValues, O = T>({ control, name, label, hint, required, className, rows = 3 }: BoundProps<T, O> & { rows?: number }) {
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={error} validationState={error ? 'error' : 'none'} className={className}>
      <Textarea ref={field.ref} name={field.name} value={text(field.value)} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} rows={rows} resize="vertical" />
    </Field>
  );
}

export function SelectField<T extends FieldValues, O = T>({ control, name, label, hint, required, className, children }: BoundProps<T, O> & { children: ReactNode }) {
  const styles = useStyles();
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={error} validationState={error ? 'error' : 'none'} className={className}>
      <Select className={styles.control} ref={field.ref} name={field.name} value={text(field.value)} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur}>
        {children}
      </Select>
    </Field>
  );
}
