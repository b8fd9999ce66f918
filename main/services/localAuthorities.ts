// Local authorities and their Virtual Schools: contacts, PEP timescales and the PP+ rule.

import type { z } from 'zod';
import { ConflictError, NotFoundError } from '../../db/errors.ts';
import { qb } from '../../db/query.ts';
import type { Register } from '../../db/register.ts';
import type { LocalAuthority, localAuthorityInput } from '../api/contract.ts';

type LaInput = z.output<typeof localAuthorityInput>;

export function listLocalAuthorities(register: Register): LocalAuthority[] {
  const las = register.all(qb.selectFrom('local_authorities').selectAll().orderBy('name'));
  const contacts = register.all(qb.selectFrom('la_contacts').selectAll().orderBy('id'));
  const counts = register.all(qb.selectFrom('children').select(['responsible_la_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('leaving_date', 'is', null).groupBy('responsible_la_id'));
  return las.map((l) => ({
    id: l.id,
    name: l.name,
    laCode: l.la_code,
    vshName: l.vsh_name,
    vsEmail: l.vs_email,
    vsPhone: l.vs_phone,
    vsAddress: l.vs_address,
    epepSystem: l.epep_system,
    initialPepSchoolDays: l.initial_pep_school_days,
    newSchoolPepSchoolDays: l.new_school_pep_school_days,
    ppplusPencePerYear: l.ppplus_pence_per_year,
    ppplusPayment: l.ppplus_payment,
    ppplusConditions: l.ppplus_conditions,
    qaScale: l.qa_scale,
    pepFilenamePattern: l.pep_filename_pattern,
    contacts: contacts.filter((c) => c.la_id === l.id).map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone })),
    childCount: counts.find((c) => c.responsible_la_id === l.id)?.n ?? 0,
  }));
}

export function saveLocalAuthority(register: Register, la: LaInput): LocalAuthority {
  const now = new Date().toISOString();
  const values = {
    name: la.name,
    la_code: la.laCode ?? null,
    vsh_name: la.vshName ?? null,
    vs_email: la.vsEmail ?? null,
    vs_phone: la.vsPhone ?? null,
    vs_address: la.vsAddress ?? null,
    epep_system: la.epepSystem ?? null,
    initial_pep_school_days: la.initialPepSchoolDays,
    new_school_pep_school_days: la.newSchoolPepSchoolDays,
    ppplus_pence_per_year: la.ppplusPencePerYear,
    ppplus_payment: la.ppplusPayment,
    ppplus_conditions: la.ppplusConditions ?? null,
    qa_scale: la.qaScale ?? null,
    pep_filename_pattern: la.pepFilenamePattern ?? null,
    updated_at: now,
  };
  const id = register.transaction(() => {
    const clash = register.one(qb.selectFrom('local_authorities').select('id').where('name', '=', la.name));
    if (clash && clash.id !== la.id) throw new ConflictError('There is already a local authority with that name.');
    let laId = la.id;
    if (laId) {
      if (!register.run(qb.updateTable('local_authorities').where('id', '=', laId).set(values)).changes) throw new NotFoundError('That local authority');
      register.run(qb.deleteFrom('la_contacts').where('la_id', '=', laId));
    } else {
      laId = register.run(qb.insertInto('local_authorities').values({ ...values, created_at: now })).lastInsertRowid;
    }
    for (const c of la.contacts) {
      register.run(qb.insertInto('la_contacts').values({ la_id: laId, name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null }));
    }
    register.audit({ action: la.id ? 'update' : 'create', recordType: 'local_authority', recordId: laId });
    return laId;
  });
  return listLocalAuthorities(register).find((l) => l.id === id)!;
}

export function deleteLocalAuthority(register: Register, id: number): void {
  register.transaction(() => {
    const inUse = register.one(qb.selectFrom('children').select('id').where('responsible_la_id', '=', id));
    if (inUse) throw new ConflictError('Children in the register belong to this local authority. Move them to another LA first.');
    if (!register.run(qb.deleteFrom('local_authorities').where('id', '=', id)).changes) throw new NotFoundError('That local authority');
    register.audit({ action: 'delete', recordType: 'local_authority', recordId: id });
  });
}
