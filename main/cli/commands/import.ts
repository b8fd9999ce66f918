// import: pupils or attendance from a MIS CSV export, all rows or none (the same service as the
// app's import screen). Prints the preview counts and each rejected row's number and reasons:
// never names, UPNs or cell contents, since terminal output ends up in logs and tickets.
//   import pupils|attendance --register PATH --file CSV [--dry-run]
// Exit codes: 0 imported (or a clean dry run); 5 any row rejected or the file unusable (nothing
// imported); 2 bad command line; 3 wrong passphrase; 4 not a register.

import fs from 'node:fs';
import path from 'node:path';
import { InvalidError } from '../../../db/errors.ts';
import type { ImportKind, ImportPreview } from '../../api/contract.ts';
import { localToday } from '../../services/children/dates.ts';
import { parseDate } from '../../services/import/cells.ts';
import { commitImport, type ImportRequest, previewImport } from '../../services/import/index.ts';
import { type CliContext, type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION, UsageError, type Values } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

const KINDS: readonly ImportKind[] = ['pupils', 'attendance'];
/** Rejected rows listed in full; beyond this, a count (the app's preview shows them all). */
const MAX_LISTED = 200;

function dateOption(values: Values, name: string): string | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const p = parseDate(v.trim(), `--${name}`);
  if (!p.ok || p.value === null) throw new UsageError(`--${name} must be a date, dd/mm/yyyy or yyyy-mm-dd.`, 'import');
  return p.value;
}

function request(values: Values, kind: ImportKind, file: string, bytes: Buffer): ImportRequest {
  const start = dateOption(values, 'period-start');
  const end = dateOption(values, 'period-end');
  const joined = dateOption(values, 'joined');
  if ((start === undefined) !== (end === undefined)) throw new UsageError('Give both --period-start and --period-end, or neither.', 'import');
  if (start && kind !== 'attendance') throw new UsageError('--period-start and --period-end are for attendance files.', 'import');
  if (joined && kind !== 'pupils') throw new UsageError('--joined is for pupil files.', 'import');
  if (start && end && end < start) throw new UsageError('--period-end must be on or after --period-start.', 'import');
  return {
    kind,
    fileName: path.basename(file),
    bytes,
    ...(start && end ? { period: { start, end } } : {}),
    ...(joined ? { newChildren: { dateJoinedSchool: joined } } : {}),
  };
}

function report(p: ImportPreview, ctx: CliContext): void {
  const c = p.counts;
  ctx.out(`${p.fileName} (${p.encoding}): ${c.rows} rows: ${c.new} new, ${c.update} to update, ${c.unchanged} unchanged, ${c.rejected} rejected.\n`);
  if (p.unmappedColumns.length) ctx.out(`Columns not recognised, so not imported: ${p.unmappedColumns.join(', ')}.\n`);
  for (const problem of p.problems) ctx.out(`Problem: ${problem}\n`);
  const rejected = p.rows.filter((r) => r.status === 'rejected');
  for (const r of rejected.slice(0, MAX_LISTED)) ctx.out(`  row ${r.line}: ${r.reasons.join(' ')}\n`);
  if (rejected.length > MAX_LISTED) ctx.out(`  … and ${rejected.length - MAX_LISTED} more rejected rows.\n`);
}

/** `positional`: the word after `import` (pupils or attendance) fills `kind`; `--kind` does the same. */
export const importCommand: Command = {
  name: 'import',
  positional: 'kind',
  summary: 'Import pupils or attendance from a MIS CSV export: every row, or none if any is rejected',
  synopsis: 'pupils|attendance --register PATH --file CSV [--dry-run] [--period-start DATE --period-end DATE] [--joined DATE] [--user NAME]',
  options: {
    ...REGISTER_OPTION,
    ...USER_OPTION,
    // The kind is normally the word after `import`; --kind is the same thing as an option.
    kind: { type: 'string' },
    file: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'period-start': { type: 'string' },
    'period-end': { type: 'string' },
    joined: { type: 'string' },
  },
  required: ['register', 'file'],
  async run(values, ctx) {
    const kind = str(values, 'kind');
    if (kind === undefined) throw new UsageError('Say what to import: pupils or attendance.', 'import');
    if (!KINDS.includes(kind as ImportKind)) throw new UsageError(`Unknown import '${kind.slice(0, 20)}': use pupils or attendance.`, 'import');
    const registerPath = need(values, 'register');
    const file = path.resolve(need(values, 'file'));
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw InvalidError.field('file', code === 'ENOENT' ? 'The CSV file was not found.' : `The CSV file could not be read (${code ?? 'error'}).`);
    }
    // Everything about the command line is checked before the passphrase is asked for.
    const req = request(values, kind as ImportKind, file, bytes);
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const today = localToday();
      const preview = previewImport(register, req, today);
      report(preview, ctx);
      if (!preview.canCommit) {
        ctx.err('Nothing was imported. Fix the rows above in the file and run the import again.\n');
        return EXIT.invalid;
      }
      if (values['dry-run']) {
        ctx.out('Dry run: nothing was imported.\n');
        return EXIT.ok;
      }
      const result = commitImport(register, req, today);
      ctx.out(`Imported: ${result.counts.new} new, ${result.counts.update} updated, ${result.counts.unchanged} unchanged.\n`);
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
