// The thresholds of the issue 6 alert rules and PP+ warnings. The school table (migration 1) holds
// the attendance and ESW figures; these newer ones are kept as one JSON value in `meta`
// (key 'alert_thresholds') so no schema change was needed. Missing or unreadable values fall back
// to the defaults one by one, so a register written by an older version keeps working.

import type { Register } from '../../../db/register.ts';
import { type AlertThresholds, alertThresholdsInput, DEFAULT_ALERT_THRESHOLDS } from '../../api/contract/dashboard.ts';

const KEY = 'alert_thresholds';

export function getAlertThresholds(register: Register): AlertThresholds {
  const raw = register.sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!raw) return { ...DEFAULT_ALERT_THRESHOLDS };
  let stored: Record<string, unknown> = {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) stored = v as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_ALERT_THRESHOLDS };
  }
  const out: Record<string, unknown> = { ...DEFAULT_ALERT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_ALERT_THRESHOLDS) as (keyof AlertThresholds)[]) {
    const v = stored[key];
    if (typeof v === typeof DEFAULT_ALERT_THRESHOLDS[key]) out[key] = v;
  }
  const checked = alertThresholdsInput.safeParse(out);
  return checked.success ? checked.data : { ...DEFAULT_ALERT_THRESHOLDS };
}

export function updateAlertThresholds(register: Register, t: AlertThresholds): AlertThresholds {
  const value = JSON.stringify(alertThresholdsInput.parse(t));
  register.transaction(() => {
    register.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, value);
    register.audit({ action: 'settings.update', recordType: 'alert_thresholds', recordId: 1 });
  });
  return getAlertThresholds(register);
}
