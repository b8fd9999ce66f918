// A checkbox bound to react-hook-form (Fluent's Checkbox is controlled, like its inputs).

import { Checkbox } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export function CheckboxField<T extends FieldValues, O = T>({ control, name, label }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's context type is irrelevant here
  control: Control<T, any, O>; name: FieldPath<T>; label: string;
}) {
  const { field } = useController({ control, name });
  return (
    <Checkbox ref={field.ref} name={field.name} label={label} checked={Boolean(field.value)}
      onChange={(_e, d) => field.onChange(d.checked === true)} onBlur={field.onBlur} />
  );
}
