// What each LA allocated (or paid) for a child for a financial year: one record per child per year
// (recording again replaces it). On the child's history through childAuditRef; leavers read-only.

import type { z } from 'zod';
import { InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PpPlusAllocation, recordPpPlusAllocationInput } from '../../api/contract/interventions.ts';
import { childAuditRef } from '../children/audit.ts';
import { requireEditableChild, touchChild } from '../children/guard.ts';

type Row = { id: number; child_id: number; la_id: number; financial_year: string; amount_pence: number; received_on: string | null; note: string | null };

const toAllocation = (r: Row): PpPlusAllocation => ({
  id: r.id, childId: r.child_id, laId: r.la_id, financialYear: r.financial_year, amountPence: r.amount_pence, receivedOn: r.received_on, note: r.note,
});

export function listPpPlusAllocations(register: Register, f: { childId?: number; financialYear?: string }): PpPlusAllocation[] {
  let q = qb.selectFrom('pp_plus_allocations').selectAll();
  if (f.childId !== undefined) q = q.where('child_id', '=', f.childId);
  if (f.financialYear) q = q.where('financial_year', '=', f.financialYear);
  return register.all(q.orderBy('financial_year', 'desc').orderBy('child_id')).map(toAllocation);
}

export function recordPpPlusAllocation(register: Register, a: z.output<typeof recordPpPlusAllocationInput>, today: string): PpPlusAllocation {
  return register.transaction(() => {
    const child = requireEditableChild(register, a.childId);
    const laId = a.laId ?? child.responsible_la_id;
    if (laId === null) throw InvalidError.field('laId', 'The child has no responsible local authority recorded: choose the LA that allocated the PP+.');
    if (!register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', laId))) {
      throw InvalidError.field('laId', 'That local authority was not found. Choose one from the list.');
    }
    if (a.receivedOn !== null && a.receivedOn > today) throw InvalidError.field('receivedOn', 'The date received cannot be in the future.');
    const existing = register.one(qb.selectFrom('pp_plus_allocations').select('id').where('child_id', '=', a.childId).where('financial_year', '=', a.financialYear));
    const values = { la_id: laId, amount_pence: a.amountPence, received_on: a.receivedOn, note: a.note };
    let id: number;
    if (existing) {
      register.run(qb.updateTable('pp_plus_allocations').set(values).where('id', '=', existing.id));
      id = existing.id;
    } else {
      id = register.run(qb.insertInto('pp_plus_allocations').values({ child_id: a.childId, financial_year: a.financialYear, ...values })).lastInsertRowid;
    }
    register.audit({ action: existing ? 'update' : 'create', ...childAuditRef(a.childId, 'pp_plus_allocation', id) });
    touchChild(register, a.childId);
    return toAllocation(register.one(qb.selectFrom('pp_plus_allocations').selectAll().where('id', '=', id))!);
  });
}

export function deletePpPlusAllocation(register: Register, id: number): void {
  register.transaction(() => {
    const row = register.one(qb.selectFrom('pp_plus_allocations').select(['id', 'child_id']).where('id', '=', id));
    if (!row) throw new NotFoundError('That PP+ allocation');
    requireEditableChild(register, row.child_id);
    register.run(qb.deleteFrom('pp_plus_allocations').where('id', '=', id));
    register.audit({ action: 'delete', ...childAuditRef(row.child_id, 'pp_plus_allocation', id) });
    touchChild(register, row.child_id);
  });
}
