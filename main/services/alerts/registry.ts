// The list of alert rules, one module each. Add a rule by writing a module under rules/ and
// appending it here. LEGACY_RULES are issue 4's, whose kinds the child's file (contract/children.ts
// Alert) can carry; ALERT_RULES is the full engine behind the dashboard and listAlerts.

import { attendanceThresholds } from './rules/attendance.ts';
import { careersPlanMissing } from './rules/careersPlan.ts';
import { ehcpReview } from './rules/ehcpReview.ts';
import { eswSessionOverdue } from './rules/eswSession.ts';
import { pepDue } from './rules/pepDue.ts';
import { pepTargetsNotMet } from './rules/pepTargets.ts';
import { progressBelowTarget } from './rules/progressBelowTarget.ts';
import { returnsOverdue } from './rules/returnsOverdue.ts';
import { riskReviewDue } from './rules/riskReview.ts';
import { suspensionPaperwork } from './rules/suspensionPaperwork.ts';
import { suspensionSocialWorkerNotInformed } from './rules/suspensionSocialWorkerNotInformed.ts';
import { suspensionVsNotInformed } from './rules/suspensionVsNotInformed.ts';
import type { AlertRule } from './types.ts';

export const LEGACY_RULES: readonly AlertRule[] = [
  suspensionVsNotInformed,
  suspensionSocialWorkerNotInformed,
  suspensionPaperwork,
  attendanceThresholds,
  eswSessionOverdue,
  ehcpReview,
];

export const ALERT_RULES: readonly AlertRule[] = [
  ...LEGACY_RULES,
  pepDue,
  pepTargetsNotMet,
  progressBelowTarget,
  returnsOverdue,
  careersPlanMissing,
  riskReviewDue,
];
