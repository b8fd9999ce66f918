// External providers (e.g. a tutoring company) and their session reports, each due a number of
// school days after the session under the provider's own SLA, and chased on the same ladder as
// teachers' returns.

import type { z } from 'zod';
import { ConflictError, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { Provider, providerInput, ProviderReport, providerReportInput } from '../../api/contract.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import { dueDate } from '../sla/ladder.ts';
import { bool, chasesBy, loadChildren, slaInfo } from './common.ts';

export function listProviders(register: Register): Provider[] {
  const outstanding = new Map(register.all(qb.selectFrom('provider_reports').select((eb) => ['provider_id', eb.fn.countAll<number>().as('n')])
    .where('received_on', 'is', null).groupBy('provider_id')).map((r) => [r.provider_id, r.n]));
  return register.all(qb.selectFrom('providers').selectAll().orderBy('name')).map((p) => ({
    id: p.id, name: p.name, contactName: p.contact_name, email: p.email, phone: p.phone, managerName: p.manager_name, managerEmail: p.manager_email,
    reportDueSchoolDays: p.report_due_school_days, escalationGapSchoolDays: p.escalation_gap_school_days, active: bool(p.active),
    outstanding: outstanding.get(p.id) ?? 0,
  }));
}

export function saveProvider(register: Register, p: z.output<typeof providerInput>): Provider {
  const id = register.transaction(() => {
    const clash = register.one(qb.selectFrom('providers').select('id').where('name', '=', p.name).where('id', '!=', p.id ?? -1));
    if (clash) throw InvalidError.field('name', 'There is already a provider with that name.');
    const values = {
      name: p.name, contact_name: p.contactName ?? null, email: p.email ?? null, phone: p.phone ?? null, manager_name: p.managerName ?? null,
      manager_email: p.managerEmail ?? null, report_due_school_days: p.reportDueSchoolDays, escalation_gap_school_days: p.escalationGapSchoolDays,
      active: p.active === false ? 0 : 1,
    };
    let providerId = p.id;
    if (providerId) {
      if (!register.run(qb.updateTable('providers').set(values).where('id', '=', providerId)).changes) throw new NotFoundError('That provider');
    } else {
      providerId = register.run(qb.insertInto('providers').values(values)).lastInsertRowid;
    }
    register.audit({ action: p.id ? 'update' : 'create', recordType: 'provider', recordId: providerId });
    return providerId;
  });
  return listProviders(register).find((x) => x.id === id)!;
}

export function deleteProvider(register: Register, id: number): void {
  register.transaction(() => {
    if (register.one(qb.selectFrom('provider_reports').select('id').where('provider_id', '=', id).limit(1))) {
      throw new ConflictError('This provider has session reports. Mark them as inactive instead, so the history is kept.');
    }
    if (!register.run(qb.deleteFrom('providers').where('id', '=', id)).changes) throw new NotFoundError('That provider');
    register.audit({ action: 'delete', recordType: 'provider', recordId: id });
  });
}

export interface ReportFilter { providerId?: number; childId?: number; outstandingOnly?: boolean; asOf?: string }

export function listProviderReports(register: Register, f: ReportFilter = {}, cal: SchoolCalendar = loadSchoolCalendar(register)): ProviderReport[] {
  const asOf = f.asOf ?? localToday();
  let q = qb.selectFrom('provider_reports').innerJoin('providers', 'providers.id', 'provider_reports.provider_id')
    .select(['provider_reports.id', 'provider_reports.provider_id', 'provider_reports.child_id', 'provider_reports.session_date', 'provider_reports.due_on',
      'provider_reports.received_on', 'provider_reports.notes', 'providers.name as provider_name', 'providers.escalation_gap_school_days as gap'])
    .orderBy('provider_reports.due_on').orderBy('provider_reports.id');
  if (f.providerId) q = q.where('provider_reports.provider_id', '=', f.providerId);
  if (f.childId) q = q.where('provider_reports.child_id', '=', f.childId);
  if (f.outstandingOnly) q = q.where((eb) => eb.or([eb('provider_reports.received_on', 'is', null), eb('provider_reports.received_on', '>', asOf)]));
  const rows = register.all(q);
  const children = new Map(loadChildren(register, [...new Set(rows.map((r) => r.child_id))]).map((c) => [c.id, c]));
  const chases = chasesBy(register, 'provider_report_id', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, providerId: r.provider_id, providerName: r.provider_name, childId: r.child_id, childName: children.get(r.child_id)?.name ?? '',
    sessionDate: r.session_date, dueOn: r.due_on, receivedOn: r.received_on, notes: r.notes,
    ...slaInfo(cal, { dueOn: r.due_on, returnedOn: r.received_on }, chases.get(r.id) ?? [], asOf, r.gap),
  }));
}

export function saveProviderReport(register: Register, r: z.output<typeof providerReportInput>): ProviderReport {
  const cal = loadSchoolCalendar(register);
  const id = register.transaction(() => {
    const provider = register.one(qb.selectFrom('providers').select(['report_due_school_days']).where('id', '=', r.providerId));
    if (!provider) throw InvalidError.field('providerId', 'That provider is not in the register.');
    if (!register.one(qb.selectFrom('children').select('id').where('id', '=', r.childId))) throw InvalidError.field('childId', 'That child is not in the register.');
    if (r.receivedOn && r.receivedOn < r.sessionDate) throw InvalidError.field('receivedOn', 'A report cannot arrive before its session.');
    const clash = register.one(qb.selectFrom('provider_reports').select('id').where('provider_id', '=', r.providerId).where('child_id', '=', r.childId)
      .where('session_date', '=', r.sessionDate).where('id', '!=', r.id ?? -1));
    if (clash) throw InvalidError.field('sessionDate', 'There is already a report for this child\'s session with this provider on that date.');
    const values = {
      provider_id: r.providerId, child_id: r.childId, session_date: r.sessionDate, due_on: dueDate(cal, r.sessionDate, provider.report_due_school_days),
      received_on: r.receivedOn ?? null, notes: r.notes ?? null,
    };
    let reportId = r.id;
    if (reportId) {
      if (!register.run(qb.updateTable('provider_reports').set(values).where('id', '=', reportId)).changes) throw new NotFoundError('That session report');
    } else {
      reportId = register.run(qb.insertInto('provider_reports').values(values)).lastInsertRowid;
    }
    register.audit({ action: r.id ? 'update' : 'create', recordType: 'provider_report', recordId: reportId });
    return reportId;
  });
  return listProviderReports(register, { childId: r.childId }, cal).find((x) => x.id === id)!;
}

export function deleteProviderReport(register: Register, id: number): void {
  register.transaction(() => {
    if (!register.run(qb.deleteFrom('provider_reports').where('id', '=', id)).changes) throw new NotFoundError('That session report');
    register.audit({ action: 'delete', recordType: 'provider_report', recordId: id });
  });
}
