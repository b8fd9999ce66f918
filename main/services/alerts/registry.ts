// The list of alert rules, one module each. A later issue adds a rule by writing a module under
// rules/ and appending it here (PEP due, progress below target, returns overdue, risk review due, ...).

import { attendanceThresholds } from './rules/attendance.ts';
import { ehcpReview } from './rules/ehcpReview.ts';
import { eswSessionOverdue } from './rules/eswSession.ts';
import { suspensionPaperwork } from './rules/suspensionPaperwork.ts';
import { suspensionSocialWorkerNotInformed } from './rules/suspensionSocialWorkerNotInformed.ts';
import { suspensionVsNotInformed } from './rules/suspensionVsNotInformed.ts';
import type { AlertRule } from './types.ts';

export const ALERT_RULES: readonly AlertRule[] = [
  suspensionVsNotInformed,
  suspensionSocialWorkerNotInformed,
  suspensionPaperwork,
  attendanceThresholds,
  eswSessionOverdue,
  ehcpReview,
];
