// What a screen shows while its data loads, or when it could not be loaded.

import { Spinner } from '@fluentui/react-components';
import { errorMessage } from '../api/errors.ts';
import { FormAlert } from './FormAlert.tsx';

export function Loading({ what }: { what: string }) {
  return <Spinner size="small" label={`Loading ${what}…`} />;
}

export function LoadFailed({ what, error }: { what: string; error: unknown }) {
  return <FormAlert title={`The ${what} could not be loaded`} messages={errorMessage(error)} />;
}
