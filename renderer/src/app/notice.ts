// One message carried across a lock, shown on the unlock screen (e.g. "The backup was restored").

import { useSyncExternalStore } from 'react';

let notice: string | null = null;
const listeners = new Set<() => void>();

export function setAppNotice(next: string | null): void {
  notice = next;
  for (const l of listeners) l();
}

export function useAppNotice(): [string | null, (next: string | null) => void] {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notice,
  );
  return [value, setAppNotice];
}
