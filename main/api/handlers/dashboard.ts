// The dashboard and the alerts: thin wrappers over main/services/dashboard and main/services/alerts.

import type { dashboardOperations } from '../contract/dashboard.ts';
import type { HandlerMap } from '../handler.ts';
import { getAlertThresholds, registerAlerts, updateAlertThresholds } from '../../services/alerts/index.ts';
import { localToday } from '../../services/calendar/index.ts';
import { getDashboard } from '../../services/dashboard/index.ts';

export const dashboardHandlers: HandlerMap<keyof typeof dashboardOperations> = {
  getDashboard: (ctx, { today, calendarWeeks }) => getDashboard(ctx.requireRegister(), { today: today ?? localToday(), ...(calendarWeeks ? { calendarWeeks } : {}) }),
  listAlerts: (ctx, { today, childId, severity, kinds }) => {
    const all = registerAlerts(ctx.requireRegister(), today ?? localToday(), childId === undefined ? {} : { childId });
    const wanted = kinds?.length ? new Set<string>(kinds) : null;
    return all.filter((a) => (!severity || a.severity === severity) && (!wanted || wanted.has(a.kind)));
  },
  getAlertThresholds: (ctx) => getAlertThresholds(ctx.requireRegister()),
  updateAlertThresholds: (ctx, input) => updateAlertThresholds(ctx.requireRegister(), input),
};
