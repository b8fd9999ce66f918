// Pupil Premium Plus for a financial year: what each local authority allocated (its rule in the
// settings, or what was recorded as received) and what PP+-funded interventions spent, per LA and
// per child, with overspend and unspent warnings and the year's spending checkpoints.

import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Text, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { recordPpPlusAllocationInput, type PpPlusChildRow, type PpPlusLaTotals, type PpPlusPosition, type PpPlusWarning } from '../../api/contract.ts';
import { errorMessage } from '../../api/errors.ts';
import { useLocalAuthorities } from '../../api/queries.ts';
import { SavedNote } from '../../components/FormAlert.tsx';
import { DateField, SelectField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { optionalUkDate, submitErrors } from '../../lib/forms.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { LoadFailed, Loading, Section, StatTile, pct, penceToInput, plural, pounds, poundsWhole, useUi, yearGroupLabel } from '../dashboard/ui.tsx';
import { AreaHeader } from './common.tsx';
import { usePpPlusPosition } from './queries.ts';
import { go, interventionsHref } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const PAYMENT: Record<NonNullable<PpPlusLaTotals['payment']>, string> = { termly: 'paid termly', annual: 'paid annually', on_request: 'on request' };
const SEVERITY: Record<PpPlusWarning['severity'], { color: BadgeProps['color']; label: string }> = {
  urgent: { color: 'danger', label: 'Urgent' }, warning: { color: 'warning', label: 'Warning' }, info: { color: 'informative', label: 'Note' },
};

export function PpPlusScreen({ year }: { year: string | null }) {
  const ui = useUi();
  const pos = usePpPlusPosition(year);
  const [note, setNote] = useState<string | null>(null);
  const [editing, setEditing] = useState<PpPlusChildRow | null>(null);
  return (
    <div className={ui.page}>
      <AreaHeader current="ppplus" />
      <SavedNote message={note} />
      {pos.isPending ? <Loading what="PP+ position" /> : pos.error ? <LoadFailed what="PP+ position" error={pos.error} /> : (
        <Position p={pos.data} onRecord={setEditing} />
      )}
      {editing && pos.data ? (
        <AllocationDialog row={editing} financialYear={pos.data.financialYear} onClose={() => setEditing(null)} onSaved={setNote} />
      ) : null}
    </div>
  );
}

function Position({ p, onRecord }: { p: PpPlusPosition; onRecord: (row: PpPlusChildRow) => void }) {
  const ui = useUi();
  const years = [...new Set([p.financialYear, ...p.availableYears])].sort().reverse();
  const t = p.totals;
  return (
    <>
      <div className={ui.toolbar}>
        <Field label="Financial year">
          <Select value={p.financialYear} onChange={(_e, d) => go(interventionsHref.ppPlus(d.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </Select>
        </Field>
        <Text className={ui.small} style={{ paddingBottom: 6 }}>
          {formatUkDate(p.startDate)} to {formatUkDate(p.endDate)} · position on {formatUkDate(p.asOf)}
        </Text>
      </div>
      <div className={ui.tiles} data-testid="ppplus-totals">
        <StatTile label="Allocated" value={poundsWhole(t.allocatedPence)} detail={`${pounds(t.expectedPence)} expected by the LAs' rules`} tone="brand" />
        <StatTile label="Received" value={poundsWhole(t.receivedPence)} detail="Allocations with a date received" />
        <StatTile label="Spent" value={poundsWhole(t.spentPence)} detail={`${pct(t.spentPercent)} of the allocation, on PP+-funded interventions`} testId="ppplus-spent" />
        <StatTile label="Remaining" value={poundsWhole(t.remainingPence)} tone={t.remainingPence < 0 ? 'urgent' : undefined}
          detail={t.remainingPence < 0 ? 'Overspent' : 'Still to spend this year'} />
      </div>

      {p.checkpoints.length ? (
        <Section title="Spending checkpoints" level={2}>
          <ul className={ui.stack} style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            {p.checkpoints.map((c) => {
              const past = c.date <= p.asOf;
              return (
                <li key={c.label} className={ui.actions}>
                  <Badge appearance="tint" shape="rounded" color={c.passed ? 'success' : past ? 'danger' : 'informative'}>
                    {c.passed ? 'Reached' : past ? 'Missed' : 'Not yet'}
                  </Badge>
                  <Text><strong>{c.label}</strong> ({formatUkDate(c.date)}): at least {c.minSpentPercent}% spent. Now {pct(t.spentPercent)}.</Text>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      {p.warnings.length ? (
        <Section title={`Warnings (${p.warnings.length})`} testId="ppplus-warnings">
          <ul className={ui.stack} style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', gap: 6 }}>
            {p.warnings.map((w, k) => (
              <li key={k} className={ui.actions} style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }} data-testid="ppplus-warning">
                <Badge appearance="filled" shape="rounded" color={SEVERITY[w.severity].color}>{SEVERITY[w.severity].label}</Badge>
                <Text>{w.message}</Text>
              </li>
            ))}
          </ul>
        </Section>
      ) : (
        <MessageBar intent="success"><MessageBarBody>No overspend or unspent warnings for {p.financialYear}.</MessageBarBody></MessageBar>
      )}

      <Section title="By local authority">
        <LaTable rows={p.byLa} totals={t} />
      </Section>
      <Section title="By child" testId="ppplus-children">
        <ChildTable rows={p.children} onRecord={onRecord} />
      </Section>
    </>
  );
}

function SpentBar({ percent }: { percent: number | null }) {
  const value = percent ?? 0;
  const colour = value > 100 ? tokens.colorPaletteRedBackground3 : value >= 80 ? tokens.colorPaletteGreenBackground3 : tokens.colorBrandBackground;
  return (
    <div aria-hidden="true" style={{ height: 6, width: 90, background: tokens.colorNeutralBackground4, borderRadius: 3, overflow: 'hidden', marginTop: 4, marginLeft: 'auto' }}>
      <div style={{ height: '100%', width: `${Math.min(100, value)}%`, background: colour }} />
    </div>
  );
}

function LaTable({ rows, totals }: { rows: PpPlusLaTotals[]; totals: PpPlusPosition['totals'] }) {
  const ui = useUi();
  const n = mergeClasses(ui.th, ui.num);
  const c = mergeClasses(ui.td, ui.num);
  return (
    <div className={ui.plainWrap}>
      <table className={ui.table} aria-label="PP+ by local authority" data-testid="ppplus-by-la">
        <thead>
          <tr>
            <th className={ui.th} scope="col">Local authority</th>
            <th className={n} scope="col">Children</th>
            <th className={n} scope="col">Expected</th>
            <th className={n} scope="col">Allocated</th>
            <th className={n} scope="col">Received</th>
            <th className={n} scope="col">Spent</th>
            <th className={n} scope="col">Remaining</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.laId ?? 'none'}>
              <th scope="row" className={ui.td} style={{ textAlign: 'left' }}>
                <div>{r.laName}</div>
                <div className={ui.small} style={{ fontWeight: 'normal' }}>
                  {r.pencePerYear !== null ? `${poundsWhole(r.pencePerYear)} a year${r.payment ? `, ${PAYMENT[r.payment]}` : ''}` : 'No PP+ rule set'}
                </div>
                {r.warnings.map((w, k) => <div key={k} className={w.severity === 'urgent' ? ui.bad : ui.warn} style={{ fontSize: 12 }}>{w.message}</div>)}
              </th>
              <td className={c}>{r.children}</td>
              <td className={c}>{pounds(r.expectedPence)}</td>
              <td className={c}>{pounds(r.allocatedPence)}</td>
              <td className={c}>{pounds(r.receivedPence)}</td>
              <td className={c}>{pounds(r.spentPence)}<div className={ui.small}>{pct(r.spentPercent)}</div><SpentBar percent={r.spentPercent} /></td>
              <td className={mergeClasses(c, r.remainingPence < 0 && ui.bad)}>{pounds(r.remainingPence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={ui.tfoot}>
            <th scope="row" className={ui.td} style={{ textAlign: 'left' }}>All local authorities</th>
            <td className={c}>{rows.reduce((s, r) => s + r.children, 0)}</td>
            <td className={c}>{pounds(totals.expectedPence)}</td>
            <td className={c}>{pounds(totals.allocatedPence)}</td>
            <td className={c}>{pounds(totals.receivedPence)}</td>
            <td className={c}>{pounds(totals.spentPence)}<div className={ui.small}>{pct(totals.spentPercent)}</div></td>
            <td className={mergeClasses(c, totals.remainingPence < 0 && ui.bad)}>{pounds(totals.remainingPence)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ChildTable({ rows, onRecord }: { rows: PpPlusChildRow[]; onRecord: (row: PpPlusChildRow) => void }) {
  const ui = useUi();
  const n = mergeClasses(ui.th, ui.num);
  const c = mergeClasses(ui.td, ui.num);
  if (rows.length === 0) return <Text className={ui.muted}>No children are eligible for PP+ this year, and no PP+ spending is recorded.</Text>;
  return (
    <div className={ui.plainWrap}>
      <table className={ui.table} aria-label="PP+ by child">
        <thead>
          <tr>
            <th className={ui.th} scope="col">Child</th>
            <th className={ui.th} scope="col">Local authority</th>
            <th className={n} scope="col">Allocated</th>
            <th className={n} scope="col">Spent</th>
            <th className={n} scope="col">Remaining</th>
            <th className={ui.th} scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.childId} data-testid="ppplus-child-row" data-child-id={r.childId}>
              <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal', maxWidth: 340 }}>
                <a className={ui.link} href={interventionsHref.list(r.childId)}>{r.childName}</a>
                <div className={ui.small}>{yearGroupLabel(r.yearGroup)} · {r.status === 'CLA' ? 'Looked after' : 'Previously looked after'}</div>
                <div className={ui.small}>{r.eligibility}</div>
                {r.warnings.map((w, k) => <div key={k} className={w.severity === 'info' ? ui.small : w.severity === 'urgent' ? ui.bad : ui.warn} style={{ fontSize: 12 }}>{w.message}</div>)}
              </th>
              <td className={ui.td}>{r.laName ?? '—'}</td>
              <td className={c}>
                {pounds(r.allocatedPence)}
                <div className={ui.small}>{r.recorded ? (r.recorded.receivedOn ? `Received ${formatUkDate(r.recorded.receivedOn)}` : 'Recorded, not received') : 'Expected by the rule'}</div>
              </td>
              <td className={c} data-testid="ppplus-child-spent">
                {pounds(r.spentPence)}
                <div className={ui.small}>{plural(r.interventions, 'intervention')}</div>
              </td>
              <td className={mergeClasses(c, r.remainingPence < 0 && ui.bad)}>
                {pounds(r.remainingPence)}
                <div className={ui.small}>{r.remainingPence < 0 ? 'Overspent' : `${pct(r.spentPercent)} spent`}</div>
              </td>
              <td className={ui.td} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => onRecord(r)} aria-label={`${r.recorded ? 'Change allocation' : 'Record allocation'}: ${r.childName}`}>
                  {r.recorded ? 'Change allocation' : 'Record allocation'}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- record an allocation received ---------------------------------------------------------------

const allocationForm = z.object({
  amountPence: z.string().trim().transform((t, ctx) => {
    const clean = t.replace(/[£,\s]/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the amount in pounds, like 2570 or 856.67.' });
      return z.NEVER;
    }
    return Math.round(Number(clean) * 100);
  }),
  laId: z.string().transform((v) => (v ? Number(v) : null)),
  receivedOn: optionalUkDate(),
  note: z.string(),
});

function AllocationDialog({ row, financialYear, onClose, onSaved }: { row: PpPlusChildRow; financialYear: string; onClose: () => void; onSaved: (m: string) => void }) {
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const las = useLocalAuthorities();
  const [failure, setFailure] = useState<string[]>([]);
  const [removing, setRemoving] = useState(false);
  const schema = allocationForm.transform((v) => ({ childId: row.childId, financialYear, ...v }) as z.input<typeof recordPpPlusAllocationInput>).pipe(recordPpPlusAllocationInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof allocationForm>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      amountPence: penceToInput(row.recorded?.amountPence ?? row.expectedPence),
      laId: String(row.recorded?.laId ?? row.laId ?? ''),
      receivedOn: formatUkDate(row.recorded?.receivedOn ?? null),
      note: row.recorded?.note ?? '',
    },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const saved = await run('recordPpPlusAllocation', body);
      onSaved(`PP+ allocation of ${pounds(saved.amountPence)} recorded for ${row.childName} (${financialYear}).`);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(allocationForm.shape)));
    }
  });
  const remove = async () => {
    if (!row.recorded) return;
    setRemoving(true);
    try {
      await run('deletePpPlusAllocation', { id: row.recorded.id });
      onSaved(`The recorded allocation for ${row.childName} was removed: the LA's rule applies again.`);
      dialog.close();
    } catch (e) {
      setFailure([errorMessage(e)]);
      setRemoving(false);
    }
  };
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={`PP+ allocation: ${row.childName}, ${financialYear}`} submitLabel="Save allocation" busy={isSubmitting || removing}
      failure={failure} failureTitle="The allocation was not saved" onSubmit={onSubmit}
      intro={`By ${row.laName ?? 'the LA'}'s rule: ${pounds(row.expectedPence)} (${row.eligibility.replace(/\.$/, '')}). Record what the Virtual School actually allocated or paid; it replaces the rule's figure.`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '12px 16px' }}>
        <TextField label="Amount" required inputMode="decimal" contentBefore={<span aria-hidden="true">£</span>} hint="In pounds" control={control} name="amountPence" />
        <DateField label="Received on" hint="dd/mm/yyyy. Blank if agreed but not yet paid" control={control} name="receivedOn" />
      </div>
      <SelectField label="Paid by" control={control} name="laId">
        <option value="">The child&rsquo;s responsible LA</option>
        {(las.data ?? []).map((la) => <option key={la.id} value={la.id}>{la.name}</option>)}
      </SelectField>
      <TextField label="Note" hint="e.g. the Virtual School's reference" control={control} name="note" />
      {row.recorded ? (
        <div><Button appearance="subtle" onClick={remove} disabled={removing}>Remove the recorded allocation</Button></div>
      ) : null}
    </FormDialog>
  );
}
