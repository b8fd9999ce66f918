// Import from the MIS: preview, then commit the same request, all or nothing.
// commitImport re-plans inside its write transaction (so it sees exactly what it writes over),
// refuses with Invalid and writes nothing if any row is rejected, and otherwise applies every row
// with prepared statements in that one transaction, audited once as 'import' with counts only.

import { InvalidError } from '../../../db/errors.ts';
import type { Register } from '../../../db/register.ts';
import type { ImportCounts, ImportField, ImportKind, ImportPreview, ImportResult, ImportRow } from '../../api/contract.ts';
import { applyAttendance, type AttendanceAction, planAttendance } from './attendance.ts';
import { fieldSpecs, planColumns, uniqueHeaders } from './columns.ts';
import { decodeBytes } from './decode.ts';
import { parseCsv } from './parse.ts';
import { applyPupils, planPupils, type PupilAction } from './pupils.ts';
import type { PlannedRow } from './rows.ts';

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  mapping?: { column: string; field: ImportField | null }[];
  /** Attendance: the period for rows without start and end dates. */
  period?: { start: string; end: string };
  /** Pupils: settings for children not yet in the register. */
  newChildren?: { status?: 'CLA' | 'PLAC'; dateJoinedSchool?: string };
}

type Plan =
  | { kind: 'pupils'; preview: ImportPreview; actions: PupilAction[] }
  | { kind: 'attendance'; preview: ImportPreview; actions: AttendanceAction[] };

function countRows(rows: ImportRow[]): ImportCounts {
  const c: ImportCounts = { rows: rows.length, new: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

function planImport(register: Register, req: ImportRequest, today: string): Plan {
  const specs = fieldSpecs(req.kind);
  const preview: ImportPreview = {
    kind: req.kind,
    fileName: req.fileName,
    encoding: 'utf-8',
    delimiter: ',',
    columns: [],
    mapping: [],
    unmappedColumns: [],
    missingRequired: [],
    fields: Object.entries(specs).map(([field, s]) => ({ field: field as ImportField, label: s.label, required: s.required })),
    problems: [],
    rows: [],
    counts: countRows([]),
    canCommit: false,
  };
  const empty = (problem: string): Plan => ({ kind: req.kind, preview: { ...preview, problems: [problem] }, actions: [] } as Plan);

  const decoded = decodeBytes(req.bytes);
  if (!decoded.ok) return empty(decoded.problem);
  preview.encoding = decoded.encoding;
  const csv = parseCsv(decoded.text);
  if (!csv) return empty('The file is empty.');
  preview.delimiter = csv.delimiter;
  const headers = uniqueHeaders(csv.headers);
  const cols = planColumns(req.kind, headers, req.mapping, { periodGiven: req.kind === 'attendance' && req.period !== undefined });
  preview.columns = cols.columns;
  preview.mapping = cols.columns.map((c) => ({ column: c.header, field: c.field }));
  preview.unmappedColumns = cols.unmapped;
  preview.missingRequired = cols.missingRequired;
  if (cols.missingRequired.length) {
    preview.problems.push(`No column gives: ${cols.missingRequired.map((m) => m.label).join(', ')}. Choose which column holds ${cols.missingRequired.length > 1 ? 'each' : 'it'}.`);
    return { kind: req.kind, preview, actions: [] } as Plan;
  }
  if (!csv.records.length) preview.problems.push('The file has a header row but no rows under it.');

  let planned: PlannedRow<PupilAction | AttendanceAction>[];
  if (req.kind === 'pupils') {
    planned = planPupils(register, csv.records, cols, { status: req.newChildren?.status ?? 'CLA', dateJoinedSchool: req.newChildren?.dateJoinedSchool ?? null }, today);
  } else {
    planned = planAttendance(register, csv.records, cols, req.period ?? null, today);
  }
  preview.rows = planned.map((p) => p.row);
  preview.counts = countRows(preview.rows);
  preview.canCommit = preview.problems.length === 0 && preview.counts.rejected === 0;
  const actions = planned.flatMap((p) => (p.action ? [p.action] : []));
  return { kind: req.kind, preview, actions } as Plan;
}

/** What an import of this file would do. Reads only. */
export function previewImport(register: Register, req: ImportRequest, today: string): ImportPreview {
  return planImport(register, req, today).preview;
}

function refusal(p: ImportPreview): InvalidError {
  if (p.missingRequired.length || p.problems.length) {
    return new InvalidError(`Nothing was imported. ${p.problems[0]}`, [{ path: ['mapping'], message: p.problems[0]! }]);
  }
  const rejected = p.rows.filter((r) => r.status === 'rejected');
  const lines = rejected.slice(0, 10).map((r) => r.line).join(', ') + (rejected.length > 10 ? ', …' : '');
  return new InvalidError(
    `Nothing was imported: ${rejected.length} row${rejected.length === 1 ? ' was' : 's were'} rejected (row${rejected.length === 1 ? '' : 's'} ${lines}). Fix ${rejected.length === 1 ? 'it' : 'them'} in the file and import it again.`,
    rejected.slice(0, 200).map((r) => ({ path: ['rows', r.line], message: r.reasons.join(' ') })),
  );
}

/** Imports every row in one transaction, or nothing at all. */
export function commitImport(register: Register, req: ImportRequest, today: string): ImportResult {
  return register.transaction(() => {
    const plan = planImport(register, req, today);
    if (!plan.preview.canCommit) throw refusal(plan.preview);
    if (plan.kind === 'pupils') applyPupils(register, plan.actions);
    else applyAttendance(register, plan.actions);
    const c = plan.preview.counts;
    // Counts only: the log never holds content, and one entry stands for the whole file.
    register.audit({ action: 'import', recordType: `import.${req.kind}`, recordId: `rows=${c.rows};new=${c.new};update=${c.update};unchanged=${c.unchanged}` });
    return { kind: req.kind, counts: c };
  });
}
