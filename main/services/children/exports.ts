// Exports about children: the subject access export (everything held about one child, as PDF and
// JSON) and the Children grid as CSV. Both are audited as 'export' (type and id only).

import type { Register } from '../../../db/register.ts';
import type { ChildView, ExportedFile } from '../../api/contract.ts';
import { formatDate } from '../../documents/format.ts';
import { renderPdf } from '../../documents/render.ts';
import { subjectAccessDocument, type SubjectAccessData } from '../../documents/subjectAccess.ts';
import { csvBytes } from '../import/csvExport.ts';
import { getSchoolSettings } from '../settings.ts';
import { auditChild, childAuditEntries, describeAudit } from './audit.ts';
import { getChildFile } from './childFile.ts';
import { listChildren } from './children.ts';

/** Tables the child's file already presents in its own sections. */
const PRESENTED = new Set(['children', 'placements', 'education_history', 'prior_attainment', 'attendance_periods', 'exclusions', 'voice_log']);

/**
 * Every row in any table that leads back to the child through foreign keys (directly, like
 * placements, or through another row, like a PEP's targets), found from the schema itself so
 * records added by later versions are included without changing this code.
 */
export function childLinkedRows(register: Register, childId: number): Record<string, Record<string, unknown>[]> {
  const db = register.sqlite;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const links = tables.flatMap((t) => (db.prepare('SELECT "table" AS parent, "from" AS col, "to" AS target FROM pragma_foreign_key_list(?)').all(t) as
    { parent: string; col: string; target: string | null }[]).map((fk) => ({ table: t, ...fk })));
  const out: Record<string, Record<string, unknown>[]> = { children: db.prepare('SELECT * FROM children WHERE id = ?').all(childId) as Record<string, unknown>[] };
  const ids = new Map<string, Set<unknown>>([['children', new Set([childId])]]);
  const queue = ['children'];
  while (queue.length) {
    const parent = queue.shift()!;
    const parentIds = [...ids.get(parent)!];
    for (const link of links.filter((l) => l.parent === parent && (l.target === null || l.target === 'id') && l.table !== 'children')) {
      const seen = ids.get(link.table) ?? new Set<unknown>();
      const before = seen.size;
      for (let i = 0; i < parentIds.length; i += 500) {
        const chunk = parentIds.slice(i, i + 500);
        // Identifiers come from sqlite_master and the foreign-key pragma, never from input.
        const rows = db.prepare(`SELECT * FROM "${link.table}" WHERE "${link.col}" IN (${chunk.map(() => '?').join(',')}) ORDER BY rowid`).all(...chunk) as Record<string, unknown>[];
        for (const r of rows) {
          const key = r.id ?? JSON.stringify(r);
          if (seen.has(key)) continue;
          seen.add(key);
          (out[link.table] ??= []).push(r);
        }
      }
      ids.set(link.table, seen);
      if (seen.size > before) queue.push(link.table);
    }
  }
  return out;
}

export async function subjectAccessExport(register: Register, childId: number, today: string, now = new Date()): Promise<ExportedFile[]> {
  const file = getChildFile(register, childId, today);
  const school = getSchoolSettings(register);
  const audit = childAuditEntries(register, childId).reverse().map((a) => ({
    at: a.at, action: a.action, recordType: a.record_type, recordId: a.record_id, userName: a.user_name, description: describeAudit(a.action, a.record_type),
  }));
  const records = childLinkedRows(register, childId);
  const data: SubjectAccessData = {
    schoolName: school.name,
    generatedAt: now,
    file,
    auditEntries: audit,
    otherRecords: Object.entries(records).filter(([t]) => !PRESENTED.has(t)).map(([table, rows]) => ({ table, rows })),
  };
  const pdf = await renderPdf(subjectAccessDocument(data));
  const json = {
    format: 'cic-register/subject-access/1',
    generatedAt: now.toISOString(),
    school: school.name,
    child: file.child,
    localAuthority: file.localAuthority,
    records,
    auditEntries: audit,
  };
  register.transaction(() => auditChild(register, 'export', childId));
  // File names carry the record number, not the child's name: they may sit in a Downloads folder.
  const base = `subject-access-child-${childId}-${today}`;
  return [
    { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') },
    { fileName: `${base}.json`, mimeType: 'application/json', base64: Buffer.from(JSON.stringify(json, null, 2), 'utf8').toString('base64') },
  ];
}

/** The Children grid as CSV (the same view and columns the screen shows). */
export function exportChildrenCsv(register: Register, view: ChildView, today: string): ExportedFile {
  const { rows } = listChildren(register, view, today);
  const bytes = csvBytes(
    ['UPN', 'Legal first name', 'Legal last name', 'Preferred name', 'Date of birth', 'Year group', 'Responsible LA', 'Status',
      'SEN provision', 'PP+ eligible', 'Latest attendance %', 'Alerts', 'Date joined', 'Leaving date'],
    rows.map((r) => [
      r.upn, r.legalFirstName, r.legalLastName, r.preferredName, formatDate(r.dateOfBirth), r.yearGroupLabel, r.responsibleLaName,
      r.status, r.senProvision, r.ppPlusEligible ? 'Yes' : 'No', r.latestAttendancePercent, r.alertCount, formatDate(r.dateJoinedSchool),
      formatDate(r.leavingDate),
    ]),
  );
  register.transaction(() => register.audit({ action: 'export', recordType: 'children', recordId: view }));
  return { fileName: `children-${view}-${today}.csv`, mimeType: 'text/csv', base64: bytes.toString('base64') };
}
