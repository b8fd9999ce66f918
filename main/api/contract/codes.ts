// DfE code lists with their meanings, copied from ../shared/reference/england-codes.json so the
// renderer can show and validate them without reading files (contract modules are bundled for the
// renderer). test/main/services/children/codes.test.ts fails if they drift from the reference file.
// Codes are checked here, in the API layer, rather than with CHECK constraints (see migration 1).

import { z } from 'zod';

/** SSDA903 legal status codes (children looked after return). (reference: legal_status_ssda903) */
export const LEGAL_STATUS_CODES = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20 (Children Act 1989)',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Under a child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority accommodation or to youth detention accommodation',
  J2: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
} as const;

/** SSDA903 placement type codes. (reference: placement_type_ssda903) */
export const PLACEMENT_TYPE_CODES = {
  U1: 'Foster placement with relative or friend - long term fostering',
  U2: 'Foster placement with relative or friend who is also an approved adopter - fostering for adoption / concurrent planning',
  U3: 'Foster placement with relative or friend - not long term or fostering for adoption',
  U4: 'Foster placement with other foster carer - long term fostering',
  U5: 'Foster placement with other foster carer who is also an approved adopter - fostering for adoption / concurrent planning',
  U6: 'Foster placement with other foster carer - not long term or fostering for adoption',
  A3: 'Placed for adoption with parental/guardian consent with current foster carer(s) or with a placement order',
  A4: 'Placed for adoption with parental/guardian consent not with current foster carer(s)',
  A5: 'Placed for adoption with placement order with current foster carer(s)',
  A6: 'Placed for adoption with placement order not with current foster carer(s)',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P2: 'Independent living, e.g. in a flat, lodgings, bedsit, B&B or with friends, with or without formal support',
  P3: 'Residential employment',
  H5: "Semi-independent living accommodation not subject to children's homes regulations",
  K1: "Secure children's home",
  K2: "Children's home subject to children's homes regulations",
  K3: 'Registered supported accommodation',
  R1: 'Residential care home',
  R2: 'NHS/health trust or other establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: "All residential schools, except where dual-registered as a school and children's home",
  Z1: 'Other placements',
} as const;

/** How a previously looked-after child left care. (reference: previously_looked_after_arrangements) */
export const PLAC_ARRANGEMENTS = {
  ADOPTED: 'Adopted from care (including adopted from state care outside England and Wales)',
  SGO: 'Special guardianship order',
  CAO: 'Child arrangements order (formerly residence order)',
  RO: 'Residence order',
} as const;

/** School census SEN provision: N, K (SEN support), E (EHC plan). (reference: sen_provision) */
export const SEN_PROVISION_CODES = {
  N: 'No special educational need',
  K: 'SEN support',
  E: 'Education, health and care plan',
} as const;

/** School census SEN primary need types. (reference: sen_primary_need) */
export const SEN_PRIMARY_NEED_CODES = {
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs',
  HI: 'Hearing impairment',
  VI: 'Vision impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  ASD: 'Autistic spectrum disorder',
  OTH: 'Other difficulty or disability',
  NSA: 'SEN support but no specialist assessment of type of need',
} as const;

/** Suspension (fixed period) or permanent exclusion. (reference: exclusion_types) */
export const EXCLUSION_TYPES = {
  SUSP: 'Suspension (fixed period; at most 45 school days in a school year; may be part of a day)',
  PERM: 'Permanent exclusion',
} as const;

export type LegalStatusCode = keyof typeof LEGAL_STATUS_CODES;
export type PlacementTypeCode = keyof typeof PLACEMENT_TYPE_CODES;
export type PlacArrangement = keyof typeof PLAC_ARRANGEMENTS;
export type SenProvision = keyof typeof SEN_PROVISION_CODES;
export type SenPrimaryNeed = keyof typeof SEN_PRIMARY_NEED_CODES;
export type ExclusionType = keyof typeof EXCLUSION_TYPES;

export const GENDERS = { F: 'Female', M: 'Male', X: 'Not known or other' } as const;
export type Gender = keyof typeof GENDERS;

export const CHILD_STATUSES = { CLA: 'Looked after', PLAC: 'Previously looked after' } as const;
export type ChildStatus = keyof typeof CHILD_STATUSES;

export const VOICE_KINDS = {
  esw_session: 'Education Support Worker session',
  conversation: 'Conversation',
  other: 'Other',
} as const;
export type VoiceKind = keyof typeof VOICE_KINDS;

/** Code/label pairs for a drop-down, in the reference file's order: `codeOptions(LEGAL_STATUS_CODES)`. */
export function codeOptions<K extends string>(codes: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(codes) as K[]).map((value) => ({ value, label: `${value}: ${codes[value]}` }));
}

/** A zod schema accepting exactly the codes of one list, with a message naming the list. */
export function codeOf<K extends string>(codes: Record<K, string>, what: string) {
  const keys = Object.keys(codes) as [K, ...K[]];
  return z.enum(keys, { error: `Choose a ${what} from the list.` });
}
