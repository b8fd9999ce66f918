// children: the children on roll and the leavers, as JSON (for scripts) or a plain table.
// Listing names and UPNs is an export of personal data, so it is audited like one.

import { localToday } from '../../services/demo/dates.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

export interface ChildListing {
  id: number;
  firstName: string;
  lastName: string;
  upn: string | null;
  dateOfBirth: string;
  yearGroup: number;
  responsibleLa: string | null;
  status: 'CLA' | 'PLAC';
  leavingDate: string | null;
}

export function listChildren(register: Register, today: string): ChildListing[] {
  const rows = register.all(
    qb.selectFrom('children')
      .leftJoin('local_authorities', 'local_authorities.id', 'children.responsible_la_id')
      .select([
        'children.id', 'children.legal_first_name', 'children.legal_last_name', 'children.upn', 'children.date_of_birth',
        'children.year_group_offset', 'children.status', 'children.leaving_date', 'local_authorities.name as la_name',
      ])
      .orderBy('children.legal_last_name').orderBy('children.legal_first_name').orderBy('children.id'),
  );
  return rows.map((r) => ({
    id: r.id,
    firstName: r.legal_first_name,
    lastName: r.legal_last_name,
    upn: r.upn,
    dateOfBirth: r.date_of_birth,
    yearGroup: yearGroup(r.date_of_birth, today, r.year_group_offset),
    responsibleLa: r.la_name,
    status: r.status,
    leavingDate: r.leaving_date,
  }));
}

function table(children: ChildListing[]): string {
  const head = ['ID', 'Name', 'UPN', 'Born', 'Year', 'Status', 'Responsible LA', 'Left'];
  const rows = children.map((c) => [
    String(c.id), `${c.lastName}, ${c.firstName}`, c.upn ?? '', c.dateOfBirth, String(c.yearGroup), c.status, c.responsibleLa ?? '', c.leavingDate ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line), `${children.length} children`].join('\n') + '\n';
}

export const children: Command = {
  name: 'children',
  summary: 'List the children on roll and the leavers',
  synopsis: '--register PATH [--json] [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, json: { type: 'boolean' } },
  required: ['register'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const list = listChildren(register, localToday());
      register.transaction(() => register.audit({ action: 'export', recordType: 'children' }));
      ctx.out(values.json ? `${JSON.stringify(list, null, 2)}\n` : table(list));
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
