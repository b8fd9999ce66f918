// External providers (e.g. a tutoring company) with their own SLA for session reports, and the
// reports themselves: due a number of school days after each session, chased like returns.

import { Badge, Button, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Provider, ProviderReport } from '../../../api/contract.ts';
import { call } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useChildren } from '../../../api/queries.ts';
import { FormAlert, SavedNote } from '../../../components/FormAlert.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { DateField, SelectField, TextField } from '../../../components/TextField.tsx';
import { formatUkDate } from '../../../lib/dates.ts';
import { optionalUkDate, submitErrors, ukDate, wholeNumber } from '../../../lib/forms.ts';
import { Fieldset, QueryState, useSettingsStyles } from '../../settings/common.tsx';
import { plural, StatusBadge, todayIso } from '../common.tsx';
import { invalidateProgress, useProviderReports, useProviders } from '../queries.ts';
import { CheckboxField } from './fields.tsx';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../../components/recordList.tsx';
import { useUnsavedChanges } from '../../../app/unsavedChanges.tsx';

const useStyles = makeStyles({
  reportRow: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export function ProvidersSection() {
  const styles = useSettingsStyles();
  const providers = useProviders();
  const qc = useQueryClient();
  const [reportsOf, setReportsOf] = useState<Provider | null>(null);
  const list = useRecordList<Provider>({
    name: (p) => p.name,
    remove: async (p) => {
      await call('deleteProvider', { id: p.id });
      await invalidateProgress(qc);
    },
  });

  if (list.editing) return <ProviderForm provider={list.editing === 'new' ? null : list.editing} onDone={list.done} />;
  if (reportsOf) return <ProviderReports provider={reportsOf} onBack={() => setReportsOf(null)} />;

  return (
    <>
      <Text>Tutoring companies and other providers send a report after each session. Late reports are chased in the same letters as returns.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add a provider</Button>
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={providers.isPending} error={providers.error} what="providers">
        {providers.data?.length === 0 ? <Text className={styles.muted}>No external providers yet.</Text> : (
          <div className={styles.tableWrap}>
            <Table aria-label="External providers">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Provider</TableHeaderCell>
                  <TableHeaderCell>Contact</TableHeaderCell>
                  <TableHeaderCell>Reports due</TableHeaderCell>
                  <TableHeaderCell>Outstanding</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(providers.data ?? []).map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.name} {!p.active ? <Badge appearance="tint" color="subtle">No longer used</Badge> : null}</TableCell>
                    <TableCell>{p.contactName ?? '—'}{p.email ? <><br /><span className={styles.muted}>{p.email}</span></> : null}</TableCell>
                    <TableCell>{plural(p.reportDueSchoolDays, 'school day')} after a session; stages every {plural(p.escalationGapSchoolDays, 'school day')}</TableCell>
                    <TableCell>{p.outstanding}</TableCell>
                    <TableCell>
                      <RecordListActions list={list} record={p}>
                        <Button size="small" onClick={() => setReportsOf(p)} aria-label={`Session reports from ${p.name}`}>Session reports</Button>
                      </RecordListActions>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete provider">
        <Text>A provider with session reports cannot be deleted: mark it as no longer used instead (Edit).</Text>
      </RecordListDeleteDialog>
    </>
  );
}

const providerSchema = z.object({
  name: z.string().trim().min(1, 'Enter the provider name.').max(200),
  contactName: z.string().trim().max(100),
  email: z.string().trim().max(200),
  phone: z.string().trim().max(40),
  managerName: z.string().trim().max(100),
  managerEmail: z.string().trim().max(200),
  reportDueSchoolDays: wholeNumber('The days until a report is due', 0, 60),
  escalationGapSchoolDays: wholeNumber('The days between stages', 1, 30),
  active: z.boolean(),
});
type PIn = z.input<typeof providerSchema>;
type POut = z.output<typeof providerSchema>;
const PFIELDS = Object.keys(providerSchema.shape);

function ProviderForm({ provider: p, onDone }: { provider: Provider | null; onDone: (p: Provider | null) => void }) {
  const styles = useSettingsStyles();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<PIn, unknown, POut>({
    resolver: zodResolver(providerSchema),
    defaultValues: {
      name: p?.name ?? '', contactName: p?.contactName ?? '', email: p?.email ?? '', phone: p?.phone ?? '', managerName: p?.managerName ?? '',
      managerEmail: p?.managerEmail ?? '', reportDueSchoolDays: String(p?.reportDueSchoolDays ?? 2), escalationGapSchoolDays: String(p?.escalationGapSchoolDays ?? 3),
      active: p?.active ?? true,
    },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    const blank = (s: string) => s || null;
    try {
      const saved = await call('saveProvider', {
        ...(p ? { id: p.id } : {}), ...v, contactName: blank(v.contactName), email: blank(v.email), phone: blank(v.phone),
        managerName: blank(v.managerName), managerEmail: blank(v.managerEmail),
      });
      await invalidateProgress(qc);
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, PFIELDS));
    }
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="provider-form-heading">
      <Heading level={3} id="provider-form-heading" focusOnMount>{p ? `Edit ${p.name}` : 'Add a provider'}</Heading>
      <Fieldset legend="Provider">
        <div className={styles.grid2}>
          <TextField label="Provider" required control={control} name="name" />
          <TextField label="Contact name" control={control} name="contactName" />
          <TextField label="Contact email" type="email" inputMode="email" control={control} name="email" />
          <TextField label="Phone" type="tel" inputMode="tel" control={control} name="phone" />
          <TextField label="Manager's name" hint="Copied in at stage 2, addressed at stage 3" control={control} name="managerName" />
          <TextField label="Manager's email" type="email" inputMode="email" control={control} name="managerEmail" />
        </div>
        {p ? <CheckboxField control={control} name="active" label="Still used by the school" /> : null}
      </Fieldset>
      <Fieldset legend="Their service level agreement">
        <div className={styles.grid2}>
          <TextField label="Session reports due (school days after the session)" inputMode="numeric" control={control} name="reportDueSchoolDays" />
          <TextField label="School days between chase stages" inputMode="numeric" control={control} name="escalationGapSchoolDays" />
        </div>
      </Fieldset>
      <FormAlert title="The provider was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save provider'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}

const reportSchema = z.object({
  childId: z.string().trim().min(1, 'Choose the child.').transform(Number),
  sessionDate: ukDate('the session date'),
  receivedOn: optionalUkDate(),
  notes: z.string().trim().max(500, 'Must be at most 500 characters.'),
});
type RIn = z.input<typeof reportSchema>;
type ROut = z.output<typeof reportSchema>;

function ProviderReports({ provider, onBack }: { provider: Provider; onBack: () => void }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const reports = useProviderReports(provider.id);
  const children = useChildren('current');
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset, formState: { isSubmitting, isDirty } } = useForm<RIn, unknown, ROut>({
    resolver: zodResolver(reportSchema), defaultValues: { childId: '', sessionDate: '', receivedOn: '', notes: '' },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    setSaved(null);
    try {
      const r = await call('saveProviderReport', { providerId: provider.id, ...v, notes: v.notes || null });
      await invalidateProgress(qc);
      reset({ childId: '', sessionDate: '', receivedOn: '', notes: '' });
      setSaved(`Session of ${formatUkDate(r.sessionDate)} for ${r.childName} added: report due ${formatUkDate(r.dueOn)}.`);
    } catch (e) {
      setFailure(submitErrors(e, setError, ['childId', 'sessionDate', 'receivedOn', 'notes']));
    }
  });
  const markReceived = async (r: ProviderReport) => {
    setRowError(null);
    setSaved(null);
    try {
      await call('saveProviderReport', { id: r.id, providerId: r.providerId, childId: r.childId, sessionDate: r.sessionDate, receivedOn: todayIso(), notes: r.notes });
      await invalidateProgress(qc);
      setSaved(`Report on ${r.childName}'s session of ${formatUkDate(r.sessionDate)} marked as received today.`);
    } catch (e) {
      setRowError(errorMessage(e));
    }
  };
  const [showReceived, setShowReceived] = useState(false);
  const all = reports.data ?? [];
  const outstanding = all.filter((r) => !r.receivedOn).length;
  // Outstanding reports first (oldest session first), then the rest, newest first.
  const list = all.filter((r) => showReceived || !r.receivedOn).sort((a, b) =>
    Number(Boolean(a.receivedOn)) - Number(Boolean(b.receivedOn))
    || (a.receivedOn ? b.sessionDate.localeCompare(a.sessionDate) : a.sessionDate.localeCompare(b.sessionDate)));
  return (
    <>
      <div className={styles.actions}>
        <Button onClick={() => unsaved.confirmDiscard(onBack)}>Back to providers</Button>
      </div>
      <Heading level={3} focusOnMount>Session reports from {provider.name}</Heading>
      <form className={styles.card} onSubmit={onSubmit} noValidate aria-label="Add a session">
        <div className={own.reportRow}>
          <SelectField label="Child" required control={control} name="childId">
            <option value="">Choose…</option>
            {(children.data?.rows ?? []).map((c) => <option key={c.id} value={c.id}>{c.legalLastName}, {c.preferredName ?? c.legalFirstName}</option>)}
          </SelectField>
          <DateField label="Session date" required control={control} name="sessionDate" />
          <DateField label="Report received on" control={control} name="receivedOn" hint="dd/mm/yyyy, if it has come" />
          <TextField label="Notes" control={control} name="notes" />
        </div>
        <FormAlert title="The session was not added" messages={failure} />
        <div><Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Adding…' : 'Add session'}</Button></div>
      </form>
      <SavedNote message={saved} />
      <FormAlert messages={rowError} />
      <div className={styles.actions}>
        <Text>{outstanding === 0 ? 'Every session report has been received.' : `${plural(outstanding, 'report')} outstanding.`}</Text>
        <Switch label={`Show received reports too (${all.length - outstanding})`} checked={showReceived} onChange={(_e, d) => setShowReceived(d.checked)} />
      </div>
      <QueryState loading={reports.isPending} error={reports.error} what="session reports">
        {list.length === 0 ? <Text className={styles.muted}>{all.length ? 'No outstanding reports.' : 'No sessions recorded.'}</Text> : (
          <div className={styles.tableWrap}>
            <Table aria-label={`Session reports from ${provider.name}`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Child</TableHeaderCell>
                  <TableHeaderCell>Session</TableHeaderCell>
                  <TableHeaderCell>Report due</TableHeaderCell>
                  <TableHeaderCell>Received</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{r.childName}</TableCell>
                    <TableCell>{formatUkDate(r.sessionDate)}</TableCell>
                    <TableCell>{formatUkDate(r.dueOn)}</TableCell>
                    <TableCell>{formatUkDate(r.receivedOn) || '—'}</TableCell>
                    <TableCell><StatusBadge status={r.status} returnedLate={r.returnedLate} /></TableCell>
                    <TableCell>
                      <div className={styles.cellActions}>
                        {r.receivedOn ? null : (
                          <Button size="small" onClick={() => void markReceived(r)} aria-label={`Mark received: the report on ${r.childName}'s session of ${formatUkDate(r.sessionDate)}`}>
                            Mark received
                          </Button>
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
    </>
  );
}
