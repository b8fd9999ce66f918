// Tells the register the user is active (keys and pointer), at most every 20 seconds, so the idle
// auto-lock only fires when nobody is using the app. Status polling does not count as activity.

import { useEffect } from 'react';
import { call } from '../api/client.ts';

export const ACTIVITY_THROTTLE_MS = 20_000;

export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      call('noteActivity', {}).catch(() => undefined);
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [enabled]);
}
