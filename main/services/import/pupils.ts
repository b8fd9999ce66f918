// Pupils from the MIS: each row becomes a new child, an update of the MIS fields of the child with
// that UPN, unchanged, or rejected with its reasons. Only MIS fields are ever written: UPN, names,
// date of birth, gender, ethnicity and SEN. Care data (status, LA, placements, social worker, ...)
// is never touched. A blank optional cell leaves the register's value as it is, except that SEN
// provision N clears the primary need (and a provision other than E clears the EHCP review date).

import { yearGroup, yearGroupLabel } from '../../api/contract/yearGroup.ts';
import type { Register } from '../../../db/register.ts';
import { type ImportRow, normaliseUpn, upnProblem } from '../../api/contract.ts';
import { formatDate } from '../../documents/format.ts';
import { ageOn } from '../children/dates.ts';
import { nextChildId } from '../children/guard.ts';
import {
  parseDate, parseGender, parsePrimaryNeed, parseSenProvision, parseText, parseYearGroup, takeInto,
} from './cells.ts';
import { cellReader, type ColumnPlan } from './columns.ts';
import type { CsvRecord } from './parse.ts';
import { markDuplicates, type PlannedRow } from './rows.ts';

export interface PupilOptions { status: 'CLA' | 'PLAC'; dateJoinedSchool: string | null }

/** The MIS fields of a child, as stored. */
interface MisFields {
  upn: string;
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  gender: 'F' | 'M' | 'X';
  ethnicity: string | null;
  sen_provision: 'N' | 'K' | 'E';
  sen_primary_need: string | null;
  ehcp_review_date: string | null;
}

export type PupilAction =
  | { type: 'insert'; values: MisFields & { date_joined_school: string; status: 'CLA' | 'PLAC' } }
  | { type: 'update'; childId: number; values: MisFields };

interface ExistingChild extends MisFields {
  id: number;
  upn: string;
  year_group_offset: number;
  leaving_date: string | null;
}

const LABELS: Record<keyof MisFields, string> = {
  upn: 'UPN',
  legal_first_name: 'Legal first name',
  legal_last_name: 'Legal last name',
  preferred_name: 'Preferred name',
  date_of_birth: 'Date of birth',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  sen_provision: 'SEN provision',
  sen_primary_need: 'SEN primary need',
  ehcp_review_date: 'EHCP review date',
};

const nameKey = (first: string, last: string, dob: string): string => `${first.toLowerCase()}|${last.toLowerCase()}|${dob}`;

export function initials(first: string | null, last: string | null): string {
  const i = (s: string | null) => (s ? `${[...s][0]!.toUpperCase()}.` : '');
  return `${i(first)}${i(last)}` || '—';
}

export function planPupils(
  register: Register, records: CsvRecord[], cols: ColumnPlan, opts: PupilOptions, today: string,
): PlannedRow<PupilAction>[] {
  const existing = register.sqlite.prepare(`
    SELECT id, upn, legal_first_name, legal_last_name, preferred_name, date_of_birth, gender, ethnicity,
           sen_provision, sen_primary_need, ehcp_review_date, year_group_offset, leaving_date
    FROM children`).all() as (ExistingChild & { upn: string | null })[];
  const byUpn = new Map<string, ExistingChild>();
  const byName = new Map<string, { id: number; upn: string | null }>();
  for (const c of existing) {
    if (c.upn) byUpn.set(c.upn, c as ExistingChild);
    byName.set(nameKey(c.legal_first_name, c.legal_last_name, c.date_of_birth), { id: c.id, upn: c.upn });
  }
  const cell = cellReader(cols);
  const has = (f: Parameters<ColumnPlan['index']['get']>[0]) => cols.index.has(f);

  const planned = records.map((r): PlannedRow<PupilAction> & { key: string | null } => {
    const reasons: string[] = [];
    const warnings: string[] = [];
    const take = takeInto(reasons);
    if (r.problem) reasons.push(r.problem);

    const upnText = normaliseUpn(cell(r, 'upn') ?? '');
    let upn: string | null = upnText || null;
    if (!upn) reasons.push('UPN is missing.');
    else {
      const problem = upnProblem(upn);
      if (problem) {
        reasons.push(`UPN: ${problem}`);
        upn = null;
      }
    }
    const first = take(parseText(cell(r, 'legalFirstName') ?? '', 'Legal first name', 100, true), null);
    const last = take(parseText(cell(r, 'legalLastName') ?? '', 'Legal last name', 100, true), null);
    const preferred = take(parseText(cell(r, 'preferredName') ?? '', 'Preferred name', 100, false), null);
    let dob = take(parseDate(cell(r, 'dateOfBirth') ?? '', 'Date of birth'), null);
    if (dob === null && cell(r, 'dateOfBirth') === '') reasons.push('Date of birth is missing.');
    if (dob && (dob > today || ageOn(dob, today) < 2 || ageOn(dob, today) > 25)) {
      reasons.push('Date of birth is not plausible for a pupil (they would be under 2 or over 25).');
      dob = null;
    }
    const gender = take(parseGender(cell(r, 'gender') ?? ''), null);
    if (gender === null && cell(r, 'gender') === '') reasons.push('Gender is missing.');
    const year = has('yearGroup') ? take(parseYearGroup(cell(r, 'yearGroup')!), null) : null;
    const sen = has('senProvision') ? take(parseSenProvision(cell(r, 'senProvision')!), null) : null;
    const need = has('senPrimaryNeed') ? take(parsePrimaryNeed(cell(r, 'senPrimaryNeed')!), null) : null;
    const ethnicity = take(parseText(cell(r, 'ethnicity') ?? '', 'Ethnicity', 100, false), null);
    const joined = has('dateJoinedSchool') ? take(parseDate(cell(r, 'dateJoinedSchool')!, 'Admission date'), null) : null;

    const match = upn ? byUpn.get(upn) ?? null : null;
    const yearText = year === null ? '' : ` · ${yearGroupLabel(year)}`;
    const row: ImportRow = {
      line: r.line, status: 'rejected', upn: upnText || null, childId: match?.id ?? null,
      summary: `${initials(first, last)}${yearText}`, reasons, warnings, changes: [],
    };
    const result = { row, action: null as PupilAction | null, key: upn };
    if (reasons.length || !upn || !first || !last || !dob || !gender) return result;

    // The year in the MIS must agree with the date of birth (and the child's recorded offset).
    const offset = match?.year_group_offset ?? 0;
    if (year !== null && year !== yearGroup(dob, today, offset)) {
      reasons.push(`The year group in the file does not match the date of birth, which gives ${yearGroupLabel(yearGroup(dob, today, offset))}. `
        + (match ? 'Correct the file, or the child\'s year group offset.' : 'Correct the file, or add the child by hand with a year group offset if they are taught out of their year.'));
      return result;
    }
    if (need && (sen ?? match?.sen_provision ?? 'N') === 'N') {
      reasons.push('A SEN primary need is given but the SEN provision is N: give provision K or E, or leave the need blank.');
      return result;
    }

    if (match) {
      if (match.leaving_date !== null) {
        reasons.push('This child has left the school: their record is read-only.');
        return result;
      }
      const provision = sen ?? match.sen_provision;
      const values: MisFields = {
        upn,
        legal_first_name: first,
        legal_last_name: last,
        preferred_name: preferred ?? match.preferred_name,
        date_of_birth: dob,
        gender,
        ethnicity: ethnicity ?? match.ethnicity,
        sen_provision: provision,
        sen_primary_need: provision === 'N' ? null : need ?? match.sen_primary_need,
        ehcp_review_date: provision === 'E' ? match.ehcp_review_date : null,
      };
      const changed = (Object.keys(LABELS) as (keyof MisFields)[]).filter((k) => values[k] !== match[k]);
      if (match.ehcp_review_date && values.ehcp_review_date === null) warnings.push('The EHCP review date will be cleared, as the SEN provision is no longer E.');
      row.changes = changed.map((k) => LABELS[k]);
      row.status = changed.length ? 'update' : 'unchanged';
      result.action = changed.length ? { type: 'update', childId: match.id, values } : null;
      return result;
    }

    const sameName = byName.get(nameKey(first, last, dob));
    if (sameName) {
      reasons.push(sameName.upn
        ? 'A child with the same name and date of birth is already in the register under another UPN. If their UPN has changed, update it in their record first.'
        : 'A child with the same name and date of birth is already in the register without a UPN. Add the UPN to their record first, so this row updates it.');
      return result;
    }
    let dateJoined = joined ?? opts.dateJoinedSchool;
    if (!dateJoined) {
      dateJoined = today;
      warnings.push(`No admission date: the date joined is set to ${formatDate(today)}. Check it in the child's file.`);
    }
    if (dateJoined <= dob) {
      reasons.push('The admission date must be after the date of birth.');
      return result;
    }
    const provision = sen ?? 'N';
    row.status = 'new';
    result.action = {
      type: 'insert',
      values: {
        upn, legal_first_name: first, legal_last_name: last, preferred_name: preferred, date_of_birth: dob, gender, ethnicity,
        sen_provision: provision, sen_primary_need: provision === 'N' ? null : need, ehcp_review_date: null,
        date_joined_school: dateJoined, status: opts.status,
      },
    };
    if (opts.status === 'CLA') warnings.push('New child recorded as looked after: add their care details in their file.');
    return result;
  });

  markDuplicates(planned, 'This UPN appears more than once in the file');
  return planned;
}

/** Writes planned pupil rows: prepared statements, inside the caller's transaction. */
export function applyPupils(register: Register, actions: PupilAction[]): void {
  const db = register.sqlite;
  const now = new Date().toISOString();
  const insert = db.prepare(`
    INSERT INTO children (id, upn, legal_first_name, legal_last_name, preferred_name, date_of_birth, gender, ethnicity,
      sen_provision, sen_primary_need, ehcp_review_date, status, date_joined_school, created_at, updated_at)
    VALUES (@id, @upn, @legal_first_name, @legal_last_name, @preferred_name, @date_of_birth, @gender, @ethnicity,
      @sen_provision, @sen_primary_need, @ehcp_review_date, @status, @date_joined_school, @now, @now)`);
  const update = db.prepare(`
    UPDATE children SET upn = @upn, legal_first_name = @legal_first_name, legal_last_name = @legal_last_name,
      preferred_name = @preferred_name, date_of_birth = @date_of_birth, gender = @gender, ethnicity = @ethnicity,
      sen_provision = @sen_provision, sen_primary_need = @sen_primary_need, ehcp_review_date = @ehcp_review_date, updated_at = @now
    WHERE id = @id`);
  let id = nextChildId(register);
  for (const a of actions) {
    if (a.type === 'insert') insert.run({ ...a.values, id: id++, now });
    else update.run({ ...a.values, id: a.childId, now });
  }
}
