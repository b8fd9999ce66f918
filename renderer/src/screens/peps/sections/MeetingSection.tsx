// The PEP meeting: its date and kind (saved as soon as they are changed), and who attended
// (edited as a list and saved with its own button; the register's usual attendees can be added
// with one click).

import {
  Button, Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PEP_KINDS, type PepDetail, type PepKind } from '../../../api/contract.ts';
import { errorMessage } from '../../../api/errors.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DATE_MESSAGE, DATE_PLACEHOLDER, formatUkDate, parseUkDate } from '../../../lib/dates.ts';
import { useDirtyFlag, useSaveTracker } from '../autosave.tsx';
import { Details, usePepStyles } from '../common.tsx';
import { usePepOperation } from '../queries.ts';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 200px) minmax(0, 240px)', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  input: { width: '100%', minWidth: 0 },
  attendees: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  suggest: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  nameCell: { minWidth: '200px' },
  presentCell: { width: '110px' },
  removeCell: { width: '90px', textAlign: 'right' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
});

const PLAC_NOTE = 'Optional plan: a previously looked-after child has no statutory PEP, so this plan is agreed with the parent or guardian.';

export function MeetingSection({ pep }: { pep: PepDetail }) {
  const common = usePepStyles();
  const plac = pep.snapshot.child.status === 'PLAC';
  if (!pep.editable) {
    return (
      <>
        <Details items={[
          ['Type of PEP', plac ? 'Optional plan (no statutory PEP)' : PEP_KINDS[pep.kind]],
          ['Term', pep.termLabel],
          ['Meeting date', formatUkDate(pep.meetingDate)],
          ['Period covered', `${formatUkDate(pep.period.start)} to ${formatUkDate(pep.period.end)}`],
        ]} />
        <AttendeeTable pep={pep} />
      </>
    );
  }
  return (
    <>
      {plac ? <Text className={common.muted}>{PLAC_NOTE}</Text> : null}
      <MeetingFields pep={pep} />
      <Text className={common.muted}>Period covered: {formatUkDate(pep.period.start)} to {formatUkDate(pep.period.end)}.</Text>
      <AttendeesEditor pep={pep} />
    </>
  );
}

function MeetingFields({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const tracker = useSaveTracker();
  const run = usePepOperation();
  const [date, setDate] = useState(formatUkDate(pep.meetingDate));
  const [dateError, setDateError] = useState<string | null>(null);
  const [kindError, setKindError] = useState<string | null>(null);
  const saved = useRef(pep.meetingDate);
  useDirtyFlag('meeting-date', 'Meeting date', (parseUkDate(date) ?? (date.trim() ? 'x' : null)) !== saved.current);

  const saveDate = async () => {
    const text = date.trim();
    const iso = text ? parseUkDate(text) : null;
    if (text && !iso) {
      setDateError(DATE_MESSAGE);
      return;
    }
    setDateError(null);
    if (iso === saved.current) return;
    try {
      await tracker.run(() => run('updatePep', { id: pep.id, meetingDate: iso }));
      saved.current = iso;
      setDate(formatUkDate(iso));
    } catch (e) {
      setDateError(errorMessage(e));
    }
  };

  const saveKind = async (kind: PepKind) => {
    try {
      await tracker.run(() => run('updatePep', { id: pep.id, kind }));
      setKindError(null);
    } catch (e) {
      setKindError(errorMessage(e));
    }
  };

  return (
    <div className={styles.row}>
      <Field label="Meeting date" hint="dd/mm/yyyy" validationMessage={dateError} validationState={dateError ? 'error' : 'none'}>
        <Input className={styles.input} value={date} placeholder={DATE_PLACEHOLDER} inputMode="numeric" autoComplete="off"
          onChange={(_e, d) => setDate(d.value)} onBlur={() => void saveDate()}
          onKeyDown={(e) => { if (e.key === 'Enter') void saveDate(); }} />
      </Field>
      <Field label="Type of PEP" validationMessage={kindError} validationState={kindError ? 'error' : 'none'}>
        <Select className={styles.input} value={pep.kind} onChange={(_e, d) => void saveKind(d.value as PepKind)}>
          {(Object.keys(PEP_KINDS) as PepKind[]).map((k) => <option key={k} value={k}>{PEP_KINDS[k]}</option>)}
        </Select>
      </Field>
    </div>
  );
}

function AttendeeTable({ pep }: { pep: PepDetail }) {
  const common = usePepStyles();
  if (pep.attendees.length === 0) return <Text className={common.muted}>No attendees recorded.</Text>;
  return (
    <div className={common.tableWrap}>
      <Table size="small" className={common.table} aria-label="Who attended">
        <TableHeader><TableRow>
          <TableHeaderCell>Name</TableHeaderCell><TableHeaderCell>Role</TableHeaderCell><TableHeaderCell>Attended</TableHeaderCell>
        </TableRow></TableHeader>
        <TableBody>
          {pep.attendees.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.name}</TableCell><TableCell>{a.role ?? '—'}</TableCell><TableCell>{a.present ? 'Yes' : 'Sent apologies'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

interface Row { key: number; name: string; role: string; present: boolean }

let nextKey = 1;
const toRows = (pep: PepDetail): Row[] => pep.attendees.map((a) => ({ key: nextKey++, name: a.name, role: a.role ?? '', present: a.present }));
const comparable = (rows: { name: string; role: string | null; present: boolean }[]) =>
  JSON.stringify(rows.map((r) => [r.name.trim(), (r.role ?? '').trim(), r.present]));

function AttendeesEditor({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  const tracker = useSaveTracker();
  const run = usePepOperation();
  const [rows, setRows] = useState<Row[]>(() => toRows(pep));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const focusKey = useRef<number | null>(null);
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const dirty = comparable(rows) !== comparable(pep.attendees);
  useDirtyFlag('attendees', 'Who attended', dirty);

  useEffect(() => {
    if (focusKey.current !== null) {
      inputs.current.get(focusKey.current)?.focus();
      focusKey.current = null;
    }
  }, [rows]);

  const suggested = useMemo(() => {
    const have = new Set(rows.map((r) => r.name.trim().toLowerCase()));
    return pep.suggestedAttendees.filter((s) => !have.has(s.name.toLowerCase()));
  }, [rows, pep.suggestedAttendees]);

  const update = (key: number, patch: Partial<Row>) => {
    setSaved(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const add = (name = '', role = '') => {
    const key = nextKey++;
    if (!name) focusKey.current = key;
    setSaved(null);
    setRows((rs) => [...rs, { key, name, role, present: true }]);
  };
  const remove = (key: number) => {
    setSaved(null);
    setRows((rs) => rs.filter((r) => r.key !== key));
  };

  const save = async () => {
    const bad: Record<number, string> = {};
    for (const r of rows) if (!r.name.trim()) bad[r.key] = 'Enter the name, or remove this row.';
    setErrors(bad);
    if (Object.keys(bad).length) {
      inputs.current.get(Number(Object.keys(bad)[0]))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const fresh = await tracker.run(() => run('setPepAttendees', {
        pepId: pep.id, attendees: rows.map((r) => ({ name: r.name.trim(), role: r.role.trim() || null, present: r.present })),
      }));
      setRows(toRows(fresh));
      setSaved(`Saved: ${fresh.attendees.length} ${fresh.attendees.length === 1 ? 'person' : 'people'}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.attendees} role="group" aria-labelledby="pep-attendees-heading">
      <h3 id="pep-attendees-heading" className={common.subHeading}>Who attended</h3>
      {rows.length === 0 ? <Text className={common.muted}>Nobody added yet.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-labelledby="pep-attendees-heading">
            <TableHeader><TableRow>
              <TableHeaderCell>Name</TableHeaderCell><TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Attended</TableHeaderCell><TableHeaderCell><span className="visually-hidden">Remove</span></TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.key} data-testid="pep-attendee">
                  <TableCell className={styles.nameCell}>
                    <Field validationMessage={errors[r.key]} validationState={errors[r.key] ? 'error' : 'none'}>
                      <Input className={styles.input} value={r.name} aria-label={`Name of attendee ${i + 1}`} autoComplete="off"
                        ref={(el) => { if (el) inputs.current.set(r.key, el); else inputs.current.delete(r.key); }}
                        onChange={(_e, d) => update(r.key, { name: d.value })} />
                    </Field>
                  </TableCell>
                  <TableCell>
                    <Input className={styles.input} value={r.role} aria-label={`Role of attendee ${i + 1}`} autoComplete="off"
                      onChange={(_e, d) => update(r.key, { role: d.value })} />
                  </TableCell>
                  <TableCell className={styles.presentCell}>
                    <Checkbox checked={r.present} label="Attended" onChange={(_e, d) => update(r.key, { present: d.checked === true })} />
                  </TableCell>
                  <TableCell className={styles.removeCell}>
                    <Button size="small" appearance="subtle" onClick={() => remove(r.key)} aria-label={`Remove ${r.name.trim() || `attendee ${i + 1}`}`}>Remove</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {suggested.length ? (
        <div className={styles.suggest}>
          <Text className={common.muted}>Add from the register:</Text>
          {suggested.map((s) => (
            <Button key={s.name} size="small" appearance="outline" onClick={() => add(s.name, s.role)}>+ {s.name} ({s.role})</Button>
          ))}
          {suggested.length > 1 ? <Button size="small" appearance="subtle" onClick={() => suggested.forEach((s) => add(s.name, s.role))}>Add all</Button> : null}
        </div>
      ) : null}
      <div className={styles.footer}>
        <Button onClick={() => add()}>Add someone else</Button>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || !dirty}>{busy ? 'Saving…' : 'Save attendees'}</Button>
        <span role="status" className={dirty ? styles.unsaved : common.good}>{dirty ? 'Unsaved changes' : saved ?? ''}</span>
      </div>
      <FormAlert title="The attendees were not saved" messages={failure} />
    </div>
  );
}
