// For sections that edit a few of the school settings: save them merged into the whole record.

import { useQueryClient } from '@tanstack/react-query';
import type { SchoolSettings } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';

export function useSettingsPatch() {
  const qc = useQueryClient();
  return async (current: SchoolSettings, patch: Partial<SchoolSettings>): Promise<SchoolSettings> => {
    const next = await call('updateSettings', { ...current, ...patch });
    qc.setQueryData(keys.settings, next);
    await qc.invalidateQueries({ queryKey: keys.status });
    return next;
  };
}
