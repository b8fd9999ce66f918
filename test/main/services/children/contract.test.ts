// The contract's shared pieces for children: UPN check letters, DfE code lists matching the
// reference file, and the form schemas' messages (each naming the field and what to do).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUpn as demoIsValidUpn, upnCheckLetter as demoCheckLetter } from '../../../../main/api/contract/upn.ts';
import {
  addAttendancePeriodInput, addExclusionInput, addPlacementInput, addPriorAttainmentInput, addVoiceEntryInput, childrenOperations,
  codeOptions, createChildInput, EXCLUSION_TYPES, importInput, importOperations, isValidUpn, LEGAL_STATUS_CODES, makeUpn, normaliseUpn,
  PLAC_ARRANGEMENTS, PLACEMENT_TYPE_CODES, SEN_PRIMARY_NEED_CODES, SEN_PROVISION_CODES, upnCheckLetter, upnProblem,
} from '../../../../main/api/contract.ts';
import { VALID_SAMPLES } from '../../api/samples.ts';

const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/reference/england-codes.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('UPN check letter (contract copy)', () => {
  it('agrees with the demo generator\'s implementation on any body', () => {
    const body = fc.tuple(fc.stringMatching(/^\d{11}$/), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUVWXYZ')).map(([d, last]) => d + last);
    fc.assert(fc.property(body, (rest) => {
      expect(upnCheckLetter(rest)).toBe(demoCheckLetter(rest));
      const upn = upnCheckLetter(rest) + rest;
      expect(isValidUpn(upn)).toBe(true);
      expect(demoIsValidUpn(upn)).toBe(true);
      // Any other check letter is wrong.
      const other = upn[0] === 'A' ? 'B' : 'A';
      expect(isValidUpn(other + rest)).toBe(false);
    }));
  });

  it('explains what is wrong in plain English', () => {
    const good = makeUpn(991, 2001, 16, 7);
    expect(upnProblem(good)).toBeNull();
    expect(upnProblem(good.slice(0, 12))).toMatch(/13 characters/);
    expect(upnProblem(`I${good.slice(1)}`)).toMatch(/never I, O or S/);
    expect(upnProblem(`${good[0] === 'A' ? 'B' : 'A'}${good.slice(1)}`)).toMatch(/check letter/);
    expect(normaliseUpn(` ${good.slice(0, 4).toLowerCase()} ${good.slice(4)} `)).toBe(good);
  });
});

describe('code lists', () => {
  it.each([
    ['legal_status_ssda903', LEGAL_STATUS_CODES], ['placement_type_ssda903', PLACEMENT_TYPE_CODES],
    ['previously_looked_after_arrangements', PLAC_ARRANGEMENTS], ['sen_provision', SEN_PROVISION_CODES],
    ['sen_primary_need', SEN_PRIMARY_NEED_CODES], ['exclusion_types', EXCLUSION_TYPES],
  ] as const)('%s matches ../shared/reference exactly, in order', (key, codes) => {
    expect(Object.entries(codes)).toEqual(Object.entries(reference[key]!));
  });

  it('offers code and meaning for drop-downs', () => {
    expect(codeOptions(LEGAL_STATUS_CODES)[1]).toEqual({ value: 'C2', label: 'C2: Full care order' });
  });
});

describe('form schemas', () => {
  const base = {
    legalFirstName: 'Zephyrine', legalLastName: 'Quarrington', dateOfBirth: '2013-02-14', gender: 'F', status: 'CLA', dateJoinedSchool: '2024-09-04',
  };
  const issues = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown) =>
    schema.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('fills defaults and turns blanks into nulls', () => {
    const c = createChildInput.parse({ ...base, upn: '', preferredName: '', dateIntoCare: '', socialWorkerEmail: '' });
    expect(c).toMatchObject({ upn: null, preferredName: null, dateIntoCare: null, socialWorkerEmail: null, senProvision: 'N', yearGroupOffset: 0, ppPlusEligible: false });
  });

  it('checks the UPN check letter and normalises case and spaces', () => {
    const upn = makeUpn(991, 2001, 16, 8);
    expect(createChildInput.parse({ ...base, upn: upn.toLowerCase() }).upn).toBe(upn);
    expect(issues(createChildInput, { ...base, upn: `${upn[0] === 'A' ? 'B' : 'A'}${upn.slice(1)}` })).toEqual([['upn', expect.stringMatching(/check letter/)]]);
  });

  it('names the field when dates are out of order', () => {
    expect(issues(createChildInput, { ...base, dateJoinedSchool: '2013-02-14' })).toEqual([['dateJoinedSchool', expect.stringMatching(/after their date of birth/)]]);
    expect(issues(createChildInput, { ...base, dateIntoCare: '2012-12-31' })).toEqual([['dateIntoCare', expect.stringMatching(/before the date of birth/)]]);
    expect(issues(addPlacementInput, { childId: 1, placementType: 'U4', startDate: '2024-05-01', endDate: '2024-04-30' })).toEqual([['endDate', expect.stringMatching(/on or after/)]]);
    expect(issues(addAttendancePeriodInput, { childId: 1, periodStart: '2025-10-24', periodEnd: '2025-09-03', possibleSessions: 10, presentSessions: 1 }))
      .toEqual([['periodEnd', expect.any(String)]]);
    expect(issues(addExclusionInput, { childId: 1, kind: 'SUSP', startDate: '2025-11-03', endDate: '2025-11-01', schoolDays: 1 })).toEqual([['endDate', expect.any(String)]]);
    expect(issues(createChildInput, { ...base, dateOfBirth: '2013-02-30' })).toEqual([['dateOfBirth', 'That date does not exist.']]);
    expect(issues(createChildInput, { ...base, dateOfBirth: '14/02/2013' })[0]).toEqual(['dateOfBirth', 'Enter a date as dd/mm/yyyy.']);
  });

  it('checks codes against the reference lists and fields that only go together', () => {
    expect(issues(createChildInput, { ...base, legalStatus: 'Z9' })).toEqual([['legalStatus', 'Choose a legal status from the list.']]);
    expect(issues(addPlacementInput, { childId: 1, placementType: 'Q1', startDate: '2024-05-01' })).toEqual([['placementType', 'Choose a placement type from the list.']]);
    expect(issues(createChildInput, { ...base, senPrimaryNeed: 'SEMH' })).toEqual([['senPrimaryNeed', expect.stringMatching(/K\) or an EHC plan/)]]);
    expect(issues(createChildInput, { ...base, senProvision: 'K', ehcpReviewDate: '2026-05-01' })).toEqual([['ehcpReviewDate', expect.any(String)]]);
    expect(issues(createChildInput, { ...base, placArrangement: 'SGO' })).toEqual([['placArrangement', expect.any(String)]]);
    expect(issues(createChildInput, { ...base, status: 'PLAC', legalStatus: 'C2' })).toEqual([['legalStatus', expect.any(String)]]);
  });

  it('checks sessions add up, suspension limits, result ranges and that a voice entry says something', () => {
    expect(issues(addAttendancePeriodInput, { childId: 1, periodStart: '2025-09-03', periodEnd: '2025-10-24', possibleSessions: 10, presentSessions: 8, unauthorisedAbsence: 3 }))
      .toEqual([['presentSessions', expect.stringMatching(/more than the possible/)]]);
    expect(issues(addExclusionInput, { childId: 1, kind: 'SUSP', startDate: '2025-11-03', schoolDays: 46 })).toEqual([['schoolDays', 'A suspension is at most 45 school days.']]);
    expect(issues(addExclusionInput, { childId: 1, kind: 'SUSP', startDate: '2025-11-03', schoolDays: 1.25 })).toEqual([['schoolDays', expect.stringMatching(/half days/)]]);
    expect(issues(addPriorAttainmentInput, { childId: 1, measure: 'KS2', result: '130', resultNum: 130 })).toEqual([['resultNum', 'A KS2 scaled score is between 80 and 120.']]);
    expect(issues(addPriorAttainmentInput, { childId: 1, measure: 'GCSE', result: '4.5', resultNum: 4.5 })).toEqual([['resultNum', expect.any(String)]]);
    expect(issues(addVoiceEntryInput, { childId: 1, heldOn: '2025-11-10', kind: 'esw_session' })).toEqual([['wishesFeelings', expect.any(String)]]);
  });

  it('checks an import upload arrived whole and its mapping makes sense', () => {
    const content = Buffer.from('UPN,Surname\r\n').toString('base64');
    expect(importInput.safeParse({ kind: 'pupils', fileName: 'p.csv', size: 13, content }).success).toBe(true);
    expect(issues(importInput, { kind: 'pupils', fileName: 'p.csv', size: 12, content })).toEqual([['content', expect.stringMatching(/did not arrive whole/)]]);
    expect(issues(importInput, {
      kind: 'pupils', fileName: 'p.csv', size: 13, content,
      mapping: [{ column: 'A', field: 'upn' }, { column: 'B', field: 'upn' }, { column: 'C', field: 'possibleSessions' }],
    }).map(([p]) => p)).toEqual(['mapping.1.field', 'mapping.2.field']);
  });

  it('accepts every sample input of the children and import operations', () => {
    for (const name of [...Object.keys(childrenOperations), ...Object.keys(importOperations)] as (keyof typeof VALID_SAMPLES)[]) {
      const spec = { ...childrenOperations, ...importOperations }[name as keyof typeof childrenOperations];
      const r = spec.input.safeParse(VALID_SAMPLES[name]);
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });
});
