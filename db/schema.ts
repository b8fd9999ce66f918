// Hand-written Kysely table types, one interface per table, kept in step with db/migrations.
// test/db/schema.test.ts checks every column here exists in the migrated database and vice versa.

import type { Generated } from 'kysely';

type Id = Generated<number>;

export interface MetaTable { key: string; value: string }

export interface SchoolTable {
  id: number;
  name: string;
  urn: string | null;
  headteacher: string | null;
  designated_governor: string | null;
  dt_name: string | null;
  deputy_dt_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  auto_lock_minutes: Generated<number>;
  backup_keep: Generated<number>;
  backup_every_hours: Generated<number>;
  attendance_action_plan_percent: Generated<number>;
  attendance_pep_review_percent: Generated<number>;
  esw_session_weeks: Generated<number>;
  retention_years_after_dob: Generated<number>;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  role: 'dt' | 'deputy';
  created_at: string;
  removed_at: string | null;
}

export interface AcademicYearsTable { id: Id; label: string; start_date: string; end_date: string }

export interface TermsTable {
  id: Id;
  academic_year_id: number;
  name: 'Autumn' | 'Spring' | 'Summer';
  start_date: string;
  end_date: string;
  half_term_start: string | null;
  half_term_end: string | null;
}

export interface CalendarClosuresTable {
  id: Id;
  academic_year_id: number;
  date: string;
  kind: 'inset' | 'bank_holiday' | 'closure';
  description: string | null;
}

export interface LocalAuthoritiesTable {
  id: Id;
  name: string;
  la_code: string | null;
  vsh_name: string | null;
  vs_email: string | null;
  vs_phone: string | null;
  vs_address: string | null;
  epep_system: string | null;
  initial_pep_school_days: Generated<number>;
  new_school_pep_school_days: Generated<number>;
  pep_review_frequency: Generated<string>;
  ppplus_pence_per_year: Generated<number>;
  ppplus_payment: Generated<'termly' | 'annual' | 'on_request'>;
  ppplus_conditions: string | null;
  qa_scale: string | null;
  pep_filename_pattern: string | null;
  created_at: string;
  updated_at: string;
}

export interface LaContactsTable {
  id: Id;
  la_id: number;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface LaPepDeadlinesTable {
  id: Id;
  la_id: number;
  academic_year_id: number;
  term: 'Autumn' | 'Spring' | 'Summer';
  cutoff_date: string;
}

export interface ChildrenTable {
  id: Id;
  upn: string | null;
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  gender: 'F' | 'M' | 'X';
  ethnicity: string | null;
  year_group_offset: Generated<number>;
  status: 'CLA' | 'PLAC';
  plac_arrangement: 'ADOPTED' | 'SGO' | 'CAO' | 'RO' | null;
  legal_status: string | null;
  responsible_la_id: number | null;
  date_into_care: string | null;
  date_joined_school: string;
  social_worker_name: string | null;
  social_worker_email: string | null;
  social_worker_phone: string | null;
  iro_name: string | null;
  iro_email: string | null;
  iro_phone: string | null;
  key_adult: string | null;
  esw_name: string | null;
  sen_provision: Generated<'N' | 'K' | 'E'>;
  sen_primary_need: string | null;
  ehcp_review_date: string | null;
  pp_plus_eligible: Generated<number>;
  consent_information_sharing: Generated<number>;
  consent_notes: string | null;
  transition_notes: string | null;
  careers_plan: string | null;
  leaving_date: string | null;
  leaving_destination: string | null;
  retention_review_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlacementsTable {
  id: Id;
  child_id: number;
  placement_type: string;
  carer_name: string | null;
  carer_phone: string | null;
  carer_email: string | null;
  start_date: string;
  end_date: string | null;
  notes: string | null;
}

export interface EducationHistoryTable {
  id: Id;
  child_id: number;
  school_name: string;
  school_urn: string | null;
  start_date: string | null;
  end_date: string | null;
  reason_for_leaving: string | null;
}

export interface PriorAttainmentTable {
  id: Id;
  child_id: number;
  measure: string;
  subject: string | null;
  result: string;
  result_num: number | null;
  assessed_on: string | null;
  notes: string | null;
}

export interface AuditLogTable {
  id: Id;
  at: string;
  user_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AttendancePeriodsTable {
  id: Id;
  child_id: number;
  period_start: string;
  period_end: string;
  possible_sessions: number;
  present_sessions: number;
  authorised_absence: Generated<number>;
  unauthorised_absence: Generated<number>;
  source: Generated<string>;
}

export interface ExclusionsTable {
  id: Id;
  child_id: number;
  kind: 'SUSP' | 'PERM';
  start_date: string;
  end_date: string | null;
  school_days: number;
  reason: string | null;
  vs_informed_on: string | null;
  social_worker_informed_on: string | null;
  paperwork_sent_on: string | null;
  reintegration_meeting_on: string | null;
}

export interface VoiceLogTable {
  id: Id;
  child_id: number;
  held_on: string;
  kind: 'esw_session' | 'conversation' | 'other';
  staff_name: string | null;
  wishes_feelings: string | null;
  concerns: string | null;
  actions: string | null;
}

export interface DB {
  meta: MetaTable;
  school: SchoolTable;
  users: UsersTable;
  academic_years: AcademicYearsTable;
  terms: TermsTable;
  calendar_closures: CalendarClosuresTable;
  local_authorities: LocalAuthoritiesTable;
  la_contacts: LaContactsTable;
  la_pep_deadlines: LaPepDeadlinesTable;
  children: ChildrenTable;
  placements: PlacementsTable;
  education_history: EducationHistoryTable;
  prior_attainment: PriorAttainmentTable;
  audit_log: AuditLogTable;
  attendance_periods: AttendancePeriodsTable;
  exclusions: ExclusionsTable;
  voice_log: VoiceLogTable;
  subjects: SubjectsTable;
  teachers: TeachersTable;
  timetable: TimetableTable;
  sla_settings: SlaSettingsTable;
  providers: ProvidersTable;
  provider_reports: ProviderReportsTable;
  grade_scales: GradeScalesTable;
  assessment_windows: AssessmentWindowsTable;
  assessment_window_scales: AssessmentWindowScalesTable;
  progress_returns: ProgressReturnsTable;
  chases: ChasesTable;
  interventions: InterventionsTable;
  intervention_sessions: InterventionSessionsTable;
  pp_plus_allocations: PpPlusAllocationsTable;
  risks: RisksTable;
  risk_reviews: RiskReviewsTable;
  peps: PepsTable; pep_status_changes: PepStatusChangesTable; pep_targets: PepTargetsTable; pep_target_reviews: PepTargetReviewsTable; pep_target_interventions: PepTargetInterventionsTable; pep_actions: PepActionsTable; pep_attendees: PepAttendeesTable; la_pep_formats: LaPepFormatsTable;
  survey_questions: SurveyQuestionsTable; survey_responses: SurveyResponsesTable; survey_answers: SurveyAnswersTable; report_years: ReportYearsTable; report_school_figures: ReportSchoolFiguresTable; report_benchmarks: ReportBenchmarksTable; report_training: ReportTrainingTable; report_narratives: ReportNarrativesTable;
}

// ---- migration 3: progress returns and the SLA (issue 5) -------------------------------------

export interface SubjectsTable {
  id: Id;
  name: string;
  is_core: Generated<number>;
  leader_name: string | null;
  leader_email: string | null;
  sort_order: Generated<number>;
}

export interface TeachersTable {
  id: Id;
  name: string;
  email: string | null;
  is_senior_leader: Generated<number>;
  active: Generated<number>;
}

export interface TimetableTable {
  id: Id;
  child_id: number;
  subject_id: number;
  teacher_id: number;
  class_code: string | null;
}

export interface SlaSettingsTable {
  id: number;
  return_due_school_days: Generated<number>;
  escalation_gap_school_days: Generated<number>;
  senior_leader_name: string | null;
  senior_leader_email: string | null;
}

export interface ProvidersTable {
  id: Id;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  manager_name: string | null;
  manager_email: string | null;
  report_due_school_days: Generated<number>;
  escalation_gap_school_days: Generated<number>;
  active: Generated<number>;
}

export interface ProviderReportsTable {
  id: Id;
  provider_id: number;
  child_id: number;
  session_date: string;
  due_on: string;
  received_on: string | null;
  notes: string | null;
}

export interface GradeScalesTable {
  id: Id;
  name: string;
  description: string | null;
  /** JSON array of strings, lowest grade first. */
  grades: string;
  built_in: Generated<number>;
}

export interface AssessmentWindowsTable {
  id: Id;
  academic_year_id: number;
  name: string;
  close_date: string;
  grade_scale_id: number;
}

export interface AssessmentWindowScalesTable {
  id: Id;
  window_id: number;
  year_group: number;
  grade_scale_id: number;
}

export interface ProgressReturnsTable {
  id: Id;
  window_id: number;
  child_id: number;
  subject_id: number;
  teacher_id: number | null;
  class_code: string | null;
  requested_on: string | null;
  due_on: string | null;
  due_estimated: Generated<number>;
  returned_on: string | null;
  current_grade: string | null;
  target_grade: string | null;
  predicted_grade: string | null;
  effort: number | null;
  what_went_well: string | null;
  even_better_if: string | null;
  updated_at: string;
}

export interface ChasesTable {
  id: Id;
  return_id: number | null;
  provider_report_id: number | null;
  stage: number;
  chased_on: string;
  reply_by: string;
  batch_id: string;
}

// ---- migration 4: interventions, PP+ and the risk register (issue 6) ---------------------------

export type InterventionKind = 'small_group_maths' | 'small_group_english' | 'tuition_1to1' | 'mentoring' | 'esw_sessions' | 'counselling' | 'other';
export type ImpactRating = 'not_assessed' | 'no_impact' | 'some_impact' | 'good_impact' | 'strong_impact';
export type RiskCategory = 'statutory_compliance' | 'information_sharing' | 'succession' | 'spending' | 'policy_validation' | 'data' | 'other';

export interface InterventionsTable {
  id: Id;
  child_id: number;
  kind: InterventionKind;
  kind_other: string | null;
  provider_id: number | null;
  delivered_by: string | null;
  subject_id: number | null;
  start_date: string;
  end_date: string | null;
  sessions_planned: Generated<number>;
  cost_pence: Generated<number>;
  funding_source: 'pp_plus' | 'school' | 'virtual_school';
  baseline_measure: string | null;
  baseline_value: string | null;
  outcome_measure: string | null;
  outcome_value: string | null;
  impact_rating: Generated<ImpactRating>;
  evidence_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterventionSessionsTable {
  id: Id;
  intervention_id: number;
  session_date: string;
  attended: number;
  note: string | null;
}

export interface PpPlusAllocationsTable {
  id: Id;
  child_id: number;
  la_id: number;
  financial_year: string;
  amount_pence: number;
  received_on: string | null;
  note: string | null;
}

export interface RisksTable {
  id: Id;
  category: RiskCategory;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  owner: string | null;
  mitigations: string | null;
  review_every_days: Generated<number>;
  next_review_date: string;
  status: Generated<'open' | 'monitoring' | 'closed'>;
  created_at: string;
  updated_at: string;
}

export interface RiskReviewsTable {
  id: Id;
  risk_id: number;
  reviewed_on: string;
  likelihood: number;
  impact: number;
  note: string | null;
  reviewed_by: string | null;
}

// ---- migration 6: the pupil experience survey and the governors' report (issue 8) -------------

export type SurveyTopic = 'learning' | 'feedback' | 'support' | 'safety' | 'listened' | 'other';
export type SurveyAnswerType = 'scale' | 'yes_no' | 'choice' | 'text';

export interface SurveyQuestionsTable {
  id: Id;
  position: number;
  topic: SurveyTopic;
  prompt: string;
  help_text: string | null;
  answer_type: SurveyAnswerType;
  /** JSON array of five labels (scale questions only). */
  scale_labels: string | null;
  /** JSON array of options (choice questions only). */
  choices: string | null;
  allow_multiple: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SurveyResponsesTable {
  id: Id;
  child_id: number;
  academic_year_id: number;
  answered_on: string;
  entered_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyAnswersTable {
  id: Id;
  response_id: number;
  question_id: number;
  scale_value: number | null;
  yes_no: number | null;
  /** JSON array of the options chosen. */
  choices: string | null;
  text_value: string | null;
}

export interface ReportYearsTable {
  academic_year_id: number;
  school_figures_source: string | null;
  benchmarks_customised: Generated<number>;
  updated_at: string;
}

export interface ReportSchoolFiguresTable {
  id: Id;
  academic_year_id: number;
  measure: string;
  value: number;
}

export interface ReportBenchmarksTable {
  id: Id;
  academic_year_id: number;
  measure: string;
  cla_value: number | null;
  cla_group: Generated<'cla' | 'cla_12_months'>;
  comparison_value: number | null;
  comparison_group: Generated<'all_pupils' | 'non_looked_after'>;
  data_year: string;
  source: string;
}

export interface ReportTrainingTable {
  id: Id;
  academic_year_id: number;
  delivered_on: string;
  title: string;
  audience: string | null;
  delivered_by: string | null;
  attendees: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportNarrativesTable {
  id: Id;
  academic_year_id: number;
  section_key: string;
  title: string | null;
  body: Generated<string>;
  position: Generated<number>;
  updated_at: string;
}

// ---- migration 5: Personal Education Plans (issue 7) -----------------------------------------

export interface PepsTable {
  id: Id;
  child_id: number;
  academic_year: string;
  term: 'Autumn' | 'Spring' | 'Summer';
  kind: Generated<'initial' | 'review'>;
  status: Generated<'draft' | 'ready' | 'submitted' | 'approved' | 'returned' | 'superseded'>;
  period_start: string;
  period_end: string;
  meeting_date: string | null;
  child_voice: string | null;
  child_voice_reason: string | null;
  carer_views: string | null;
  social_worker_views: string | null;
  strengths: string | null;
  barriers: string | null;
  sen_notes: string | null;
  transition_careers: string | null;
  attendance_notes: string | null;
  progress_notes: string | null;
  /** JSON: the PepSnapshot of main/api/contract/peps.ts. */
  snapshot: string;
  snapshot_taken_at: string;
  submitted_on: string | null;
  approved_on: string | null;
  returned_on: string | null;
  returned_reason: string | null;
  superseded_on: string | null;
  superseded_by: number | null;
  quality_rating: string | null;
  quality_rag: 'green' | 'amber' | 'red' | null;
  vs_feedback: string | null;
  created_at: string;
  updated_at: string;
}

export interface PepStatusChangesTable {
  id: Id;
  pep_id: number;
  from_status: string;
  to_status: string;
  on_date: string;
  note: string | null;
  changed_at: string;
}

export interface PepTargetsTable {
  id: Id;
  pep_id: number;
  position: Generated<number>;
  area: string | null;
  target: string;
  success_criteria: string | null;
  by_when: string | null;
  who: string | null;
  pp_plus_pence: Generated<number>;
  carried_from_review_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PepTargetReviewsTable {
  id: Id;
  pep_id: number;
  source_target_id: number | null;
  source_label: string;
  position: Generated<number>;
  area: string | null;
  target: string;
  success_criteria: string | null;
  by_when: string | null;
  who: string | null;
  outcome: 'met' | 'partly' | 'not_met' | null;
  note: string | null;
  carry_forward: Generated<number>;
}

export interface PepTargetInterventionsTable {
  id: Id;
  pep_target_id: number;
  intervention_id: number | null;
  label: string;
}

export interface PepActionsTable {
  id: Id;
  pep_id: number;
  position: Generated<number>;
  action: string;
  owner: string | null;
  due_on: string | null;
  done_on: string | null;
}

export interface PepAttendeesTable {
  id: Id;
  pep_id: number;
  position: Generated<number>;
  name: string;
  role: string | null;
  present: Generated<number>;
}

export interface LaPepFormatsTable {
  la_id: number;
  /** JSON array of { key, heading, included }. */
  sections: string;
  updated_at: string;
}
