// The typed client over window.register: unwraps { ok, value } and throws ApiError otherwise.
// Any 'Locked' answer is reported to the listener so the app can show the unlock screen.

import type { Input, OperationName, Output } from './contract.ts';
import { ApiError } from './errors.ts';

type LockedListener = () => void;
let onLocked: LockedListener = () => {};

/** Called whenever an operation answers Locked (the app refreshes its status). */
export function setLockedListener(listener: LockedListener): void {
  onLocked = listener;
}

export async function call<N extends OperationName>(name: N, input: Input<N>): Promise<Output<N>> {
  const api = window.register;
  if (!api) {
    throw new ApiError({ code: 'Internal', message: 'The app could not reach the register. Restart CiC Register.', issues: [] });
  }
  let result;
  try {
    result = await api[name](input);
  } catch {
    throw new ApiError({ code: 'Io', message: 'The app could not reach the register. Restart CiC Register.', issues: [] });
  }
  if (result.ok) return result.value;
  if (result.error.code === 'Locked') onLocked();
  throw new ApiError(result.error);
}

