// The six risks a Designated Teacher typically starts the register with (DESIGN.md "Risk
// register"), with starting descriptions, mitigations and scores the DT is expected to adjust.
// Scores are likelihood × impact on the 5×5 matrix (contract/risks.ts RISK_BANDS).

import type { RiskCategory } from '../../api/contract/risks.ts';

export interface TemplateDef {
  key: Exclude<RiskCategory, 'other'>;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  mitigations: string;
  reviewEveryDays: number;
}

export const RISK_TEMPLATES: readonly TemplateDef[] = [
  {
    key: 'statutory_compliance',
    title: 'Statutory duties for looked-after children not met',
    description: 'PEPs are not held or updated termly within each Virtual School\'s timescales, suspensions are not reported the same day, or the governing body does not receive the DT\'s annual report, so the school breaches the statutory guidance for designated teachers and the PEP falls behind the child\'s needs.',
    likelihood: 3,
    impact: 4,
    mitigations: 'Register of every looked-after child with PEP due dates per Virtual School; dashboard alerts for PEPs due and overdue; termly PEP calendar agreed with each Virtual School; suspension procedure includes same-day notification of the Virtual School and social worker; annual report to governors scheduled in the governors\' calendar.',
    reviewEveryDays: 90,
  },
  {
    key: 'information_sharing',
    title: 'Information not shared with partners in time',
    description: 'Social workers, carers, Virtual Schools and previous schools do not receive (or send) attendance, progress, safeguarding and transition information when needed, so decisions about the child are made without a full picture.',
    likelihood: 3,
    impact: 3,
    mitigations: 'Named contacts for each Virtual School and social worker kept up to date; consent to share recorded; agreed routes for sending PEPs and returns (ePEP system or secure email); termly check that each child\'s contacts are current; transfer of records within 15 school days of a move.',
    reviewEveryDays: 90,
  },
  {
    key: 'succession',
    title: 'Designated Teacher absent with no cover',
    description: 'If the DT is absent for a long period or leaves, PEPs, Virtual School contact and PP+ requests stop because knowledge and access sit with one person.',
    likelihood: 2,
    impact: 4,
    mitigations: 'SENCo trained as deputy DT with their own access to the register; procedures written down; the register, not personal notes, holds the records; governors told of the deputy arrangement; handover checklist kept with the recovery key in the school safe.',
    reviewEveryDays: 180,
  },
  {
    key: 'spending',
    title: 'Pupil Premium Plus not spent on what the PEP says',
    description: 'PP+ is not requested, is spent late or on support not linked to PEP targets, or is overspent, so the Virtual School withholds or claws back funding and the child misses support.',
    likelihood: 3,
    impact: 3,
    mitigations: 'Every PP+-funded intervention linked to a PEP target with a baseline and outcome measure; PP+ position reviewed each half term against each Virtual School\'s allocation; unspent and overspend warnings on the dashboard; impact rated with evidence at the end of each intervention.',
    reviewEveryDays: 90,
  },
  {
    key: 'policy_validation',
    title: 'Looked-after children policy out of date or not validated',
    description: 'The school\'s policy for looked-after and previously looked-after children is not reviewed against current statutory guidance, or is not approved by the governing body, so practice drifts from what the guidance requires.',
    likelihood: 2,
    impact: 3,
    mitigations: 'Annual policy review date in the governors\' calendar; review against the latest DfE guidance for designated teachers and Virtual School heads; designated governor signs off; changes briefed to staff at the start of the year.',
    reviewEveryDays: 365,
  },
  {
    key: 'data',
    title: 'Loss or disclosure of children\'s personal data',
    description: 'Sensitive information about looked-after children is lost, sent to the wrong person or seen by someone who should not see it (for example a shared computer, an email to the wrong Virtual School, or an unencrypted copy), causing harm to the child and a data protection breach.',
    likelihood: 2,
    impact: 5,
    mitigations: 'Encrypted register with individual passphrases and auto-lock; no copies outside the register; documents sent only through the ePEP system or secure email; chase letters and governors\' reports carry initials or suppressed numbers only; retention review dates set for leavers; breaches reported to the DPO the same day.',
    reviewEveryDays: 180,
  },
];
