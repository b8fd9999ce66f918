// Each Virtual School's PEP layout: its section order and headings (la_pep_formats, else the
// default), its file name pattern (local_authorities.pep_filename_pattern, else the default) and
// its quality rating scale (local_authorities.qa_scale, else Green / Amber / Red).

import { InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import {
  DEFAULT_PEP_FILENAME_PATTERN, DEFAULT_PEP_SECTIONS, type LaPepFormat, PEP_FILENAME_PLACEHOLDERS, PEP_SECTION_KEYS, type PepFormatSection,
  type PepSectionKey, type PepRag, REQUIRED_PEP_SECTIONS,
} from '../../api/contract/peps.ts';
import { checkFileNamePattern } from '../../api/contract/pepFileName.ts';

export const DEFAULT_QA_SCALE = ['Green', 'Amber', 'Red'];

const DEFAULT_HEADINGS = new Map<PepSectionKey, string>(DEFAULT_PEP_SECTIONS.map((s) => [s.key, s.heading]));

/** "Outstanding / Good / Requires improvement / Inadequate" → the options, best first. */
export function parseQaScale(text: string | null | undefined): string[] {
  const parts = (text ?? '').split(/\s*[/,;|]\s*|\s+-\s+/).map((s) => s.trim()).filter(Boolean);
  return parts.length >= 2 ? parts : DEFAULT_QA_SCALE;
}

/**
 * Where a rating sits on red / amber / green, so ratings on different LAs' scales can be counted
 * together: Green, Amber and Red by name; otherwise by position (best third green, middle amber,
 * lowest red), e.g. Outstanding and Good green, Requires improvement amber, Inadequate red.
 */
export function ragOf(scale: readonly string[], rating: string): PepRag {
  const named = rating.trim().toLowerCase();
  if (named === 'green' || named === 'amber' || named === 'red') return named;
  const i = scale.findIndex((s) => s.toLowerCase() === named);
  if (i < 0 || scale.length < 2) return 'amber';
  const x = i / (scale.length - 1);
  return x <= 1 / 3 + 1e-9 ? 'green' : x <= 2 / 3 + 1e-9 ? 'amber' : 'red';
}

/** The scale's own spelling of a rating, or an Invalid error listing the choices. */
export function checkRating(scale: readonly string[], rating: string, field = 'qualityRating'): string {
  const found = scale.find((s) => s.toLowerCase() === rating.trim().toLowerCase());
  if (!found) throw InvalidError.field(field, `Choose a rating on the Virtual School's scale: ${scale.join(', ')}.`);
  return found;
}

function defaultSections(): PepFormatSection[] {
  return DEFAULT_PEP_SECTIONS.map((s) => ({ key: s.key, heading: s.heading, defaultHeading: s.heading, included: true, required: REQUIRED_PEP_SECTIONS.includes(s.key) }));
}

/** Parses stored sections, repairing anything odd (unknown keys dropped, missing keys appended) so a layout never loses a section. */
function parseSections(json: string): PepFormatSection[] {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return defaultSections();
  }
  const out: PepFormatSection[] = [];
  const seen = new Set<string>();
  for (const s of Array.isArray(stored) ? stored : []) {
    const key = (s as { key?: unknown })?.key;
    if (typeof key !== 'string' || seen.has(key) || !DEFAULT_HEADINGS.has(key as PepSectionKey)) continue;
    seen.add(key);
    const k = key as PepSectionKey;
    const heading = typeof (s as { heading?: unknown }).heading === 'string' && (s as { heading: string }).heading.trim()
      ? (s as { heading: string }).heading.trim() : DEFAULT_HEADINGS.get(k)!;
    const required = REQUIRED_PEP_SECTIONS.includes(k);
    out.push({ key: k, heading, defaultHeading: DEFAULT_HEADINGS.get(k)!, included: required || (s as { included?: unknown }).included !== false, required });
  }
  for (const d of defaultSections()) if (!seen.has(d.key)) out.push(d);
  return out;
}

export function getLaPepFormat(register: Register, laId: number | null): LaPepFormat {
  const la = laId === null ? undefined : register.one(qb.selectFrom('local_authorities').select(['id', 'name', 'qa_scale', 'pep_filename_pattern']).where('id', '=', laId));
  if (laId !== null && !la) throw new NotFoundError('That local authority');
  const row = laId === null ? undefined : register.one(qb.selectFrom('la_pep_formats').selectAll().where('la_id', '=', laId));
  return {
    laId: la?.id ?? null,
    laName: la?.name ?? null,
    isDefault: !row,
    sections: row ? parseSections(row.sections) : defaultSections(),
    fileNamePattern: la?.pep_filename_pattern?.trim() || DEFAULT_PEP_FILENAME_PATTERN,
    defaultFileNamePattern: DEFAULT_PEP_FILENAME_PATTERN,
    placeholders: { ...PEP_FILENAME_PLACEHOLDERS },
    qaScale: parseQaScale(la?.qa_scale),
  };
}

export interface LaFormatInput {
  laId: number;
  sections: { key: PepSectionKey; heading: string; included: boolean }[] | null;
  fileNamePattern: string | null;
}

export function saveLaPepFormat(register: Register, input: LaFormatInput): LaPepFormat {
  if (input.sections) {
    const keys = input.sections.map((s) => s.key);
    const missing = PEP_SECTION_KEYS.filter((k) => !keys.includes(k));
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) throw InvalidError.field('sections', `The ${DEFAULT_HEADINGS.get(dup)} section is listed twice.`);
    if (missing.length) throw InvalidError.field('sections', `List every section once, including: ${missing.map((k) => DEFAULT_HEADINGS.get(k)).join(', ')}.`);
    const hidden = input.sections.find((s) => !s.included && REQUIRED_PEP_SECTIONS.includes(s.key));
    if (hidden) throw InvalidError.field('sections', `The ${DEFAULT_HEADINGS.get(hidden.key)} section is part of every PEP and cannot be left out.`);
  }
  const pattern = input.fileNamePattern?.trim() || null;
  if (pattern) {
    const problem = fileNamePatternProblem(pattern);
    if (problem) throw InvalidError.field('fileNamePattern', problem);
  }
  register.transaction(() => {
    const found = register.run(qb.updateTable('local_authorities').set({ pep_filename_pattern: pattern, updated_at: new Date().toISOString() }).where('id', '=', input.laId));
    if (!found.changes) throw new NotFoundError('That local authority');
    register.run(qb.deleteFrom('la_pep_formats').where('la_id', '=', input.laId));
    if (input.sections) {
      const sections = input.sections.map((s) => ({ key: s.key, heading: s.heading.trim(), included: s.included }));
      register.run(qb.insertInto('la_pep_formats').values({ la_id: input.laId, sections: JSON.stringify(sections), updated_at: new Date().toISOString() }));
    }
    register.audit({ action: 'update', recordType: 'la_pep_format', recordId: input.laId });
  });
  return getLaPepFormat(register, input.laId);
}

// ---- file names -------------------------------------------------------------------------------

export { laShortName, pepFileName, type FileNameValues } from '../../api/contract/pepFileName.ts';

/** The API's wording of a pattern problem (the form words its own). */
export function fileNamePatternProblem(pattern: string): string | null {
  const problem = checkFileNamePattern(pattern);
  if (!problem) return null;
  if (problem.kind === 'unknown-placeholder') {
    return `Unknown placeholder {${problem.placeholder}}. Use ${Object.keys(PEP_FILENAME_PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}.`;
  }
  return problem.kind === 'unsafe' ? 'A file name cannot contain / \\ : * ? " < > |.' : 'Enter a file name pattern, e.g. PEP_{LA}_{initials}_{term}.pdf.';
}
