// Quick attendance: every intervention running on a day, one row each, with Attended / Did not
// attend / No session. Arrow keys move within a row's choices and Tab to the next row; one Save
// records the day in a single transaction (recordDaySessions), and a row set back to "No session"
// removes what was recorded for that day.

import { Button, Field, Input, Radio, RadioGroup, Text, mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { SessionDueRow } from '../../api/contract.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { DATE_MESSAGE, formatUkDate, parseUkDate } from '../../lib/dates.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { LoadFailed, Loading, addDays, dayName, plural, todayIso, useUi, yearGroupLabel } from '../dashboard/ui.tsx';
import { AreaHeader } from './common.tsx';
import { useSessionsDue } from './queries.ts';
import { go, interventionsHref } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

type Mark = 'attended' | 'missed' | 'none';
interface RowState { mark: Mark; note: string }

const initial = (r: SessionDueRow): RowState => ({
  mark: r.recorded ? (r.recorded.attended ? 'attended' : 'missed') : 'none',
  note: r.recorded?.note ?? '',
});

export function TodaySessions({ date: routeDate }: { date: string | null }) {
  const ui = useUi();
  const today = todayIso();
  const date = routeDate ?? today;
  const due = useSessionsDue(date);
  const [dateText, setDateText] = useState(formatUkDate(date));
  const [dateError, setDateError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setDateText(formatUkDate(date));
    setNote(null);
  }, [date]);

  const goTo = (iso: string) => go(iso === today ? interventionsHref.today() : interventionsHref.today(iso));
  const onDate = (e: FormEvent) => {
    e.preventDefault();
    const iso = parseUkDate(dateText);
    if (!iso) {
      setDateError(DATE_MESSAGE);
      return;
    }
    setDateError(null);
    goTo(iso);
  };

  return (
    <div className={ui.page}>
      <AreaHeader current="today" />
      <Text>
        Record who came to each intervention session. Use the arrow keys to choose Attended, Absent or No session
        for each child, Tab to move to the next child, then save.
      </Text>
      <form onSubmit={onDate} className={ui.toolbar} aria-label="Choose the day">
        <Field label="Day" validationMessage={dateError} validationState={dateError ? 'error' : 'none'} hint={dayName(date)}>
          <Input value={dateText} onChange={(_e, d) => setDateText(d.value)} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" />
        </Field>
        <Button type="submit">Show</Button>
        <Button onClick={() => goTo(addDays(date, -1))}>‹ Previous day</Button>
        <Button onClick={() => goTo(today)} disabled={date === today}>Today</Button>
        <Button onClick={() => goTo(addDays(date, 1))}>Next day ›</Button>
      </form>
      {due.isPending ? <Loading what="sessions" /> : due.error ? <LoadFailed what="sessions" error={due.error} /> : (
        <DayForm key={date} date={date} rows={due.data.rows} onSaved={setNote} />
      )}
      <SavedNote message={note} />
    </div>
  );
}

function DayForm({ date, rows, onSaved }: { date: string; rows: SessionDueRow[]; onSaved: (m: string | null) => void }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [state, setState] = useState<Record<number, RowState>>(() => Object.fromEntries(rows.map((r) => [r.interventionId, initial(r)])));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);
  // Choices not yet made (a row that appeared on a refetch) are what is recorded.
  const get = (r: SessionDueRow): RowState => state[r.interventionId] ?? initial(r);
  const changed = useMemo(() => rows.filter((r) => {
    const a = initial(r);
    const b = state[r.interventionId] ?? a;
    return a.mark !== b.mark || (b.mark !== 'none' && a.note !== b.note);
  }), [rows, state]);
  // Marks not yet saved: leaving the day (another date, another area) asks first.
  useUnsavedChanges(changed.length > 0);
  const set = (r: SessionDueRow, patch: Partial<RowState>) => setState((s) => ({ ...s, [r.interventionId]: { ...(s[r.interventionId] ?? initial(r)), ...patch } }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (changed.length === 0) {
      onSaved('Nothing has changed.');
      return;
    }
    setBusy(true);
    setFailure([]);
    onSaved(null);
    try {
      const entries = changed.filter((r) => get(r).mark !== 'none').map((r) => {
        const s = get(r);
        return { interventionId: r.interventionId, attended: s.mark === 'attended', note: s.note.trim() || null };
      });
      const removals = changed.filter((r) => get(r).mark === 'none' && r.recorded).map((r) => r.interventionId);
      // One call, one transaction: the day's marks are saved together or not at all.
      const { added, updated, removed } = await run('recordDaySessions', { date, entries, removals });
      const parts = [added ? `${plural(added, 'session')} recorded` : '', updated ? `${plural(updated, 'session')} corrected` : '',
        removed ? `${plural(removed, 'session')} removed` : ''].filter(Boolean);
      onSaved(`Attendance for ${formatUkDate(date)} saved: ${parts.join(', ')}.`);
    } catch (err) {
      setFailure(isApiError(err) && err.issues.length ? [...new Set(err.issues.map((x) => x.message))] : [errorMessage(err)]);
    } finally {
      setBusy(false);
    }
  };

  if (rows.length === 0) {
    return <Text className={ui.muted}>No interventions are running on {dayName(date)} {formatUkDate(date)}.</Text>;
  }
  return (
    <form onSubmit={save} aria-label={`Session attendance for ${formatUkDate(date)}`} className={ui.stack}>
      <div className={ui.tableWrap}>
        <table className={ui.table} aria-label={`Interventions running on ${formatUkDate(date)}`}>
          <thead>
            <tr>
              <th className={ui.th} scope="col">Child</th>
              <th className={ui.th} scope="col">Intervention</th>
              <th className={mergeClasses(ui.th, ui.num)} scope="col">Recorded</th>
              <th className={ui.th} scope="col">{dayName(date)}&rsquo;s session</th>
              <th className={ui.th} scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const s = get(r);
              const labelId = `due-${r.interventionId}`;
              return (
                <tr key={r.interventionId} data-testid="due-row">
                  <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                    <a id={labelId} className={ui.link} href={interventionsHref.detail(r.interventionId)}>{r.childName}</a>
                    <div className={ui.small}>{yearGroupLabel(r.yearGroup)}</div>
                  </th>
                  <td className={ui.td}>
                    <div>{r.kindLabel}{r.subjectName && !r.kindLabel.toLowerCase().includes(r.subjectName.toLowerCase()) ? `: ${r.subjectName}` : ''}</div>
                    <div className={ui.small}>{r.providerName ?? r.deliveredBy ?? 'In school'}</div>
                  </td>
                  <td className={mergeClasses(ui.td, ui.num)}>{r.sessionsRecorded} of {r.sessionsPlanned}</td>
                  <td className={mergeClasses(ui.td, ui.nowrap)} style={{ paddingTop: 2, paddingBottom: 2 }}>
                    <RadioGroup layout="horizontal" value={s.mark} aria-label={`${r.childName}, ${r.kindLabel}`}
                      onChange={(_e, d) => set(r, { mark: d.value as Mark })}>
                      <Radio value="attended" label="Attended" />
                      <Radio value="missed" label="Absent" />
                      <Radio value="none" label="No session" />
                    </RadioGroup>
                  </td>
                  <td className={ui.td}>
                    <Input size="small" style={{ width: '100%', minWidth: 160 }} value={s.note} disabled={s.mark === 'none'} aria-label={`Note for ${r.childName}, ${r.kindLabel}`}
                      onChange={(_e, d) => set(r, { note: d.value })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormAlert title="The attendance was not saved" messages={failure} />
      <div className={ui.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>{busy ? 'Saving…' : 'Save attendance'}</Button>
        <Button onClick={() => setState((st) => Object.fromEntries(rows.map((r) => [r.interventionId, { ...(st[r.interventionId] ?? initial(r)), mark: 'attended' as Mark }])))}>
          Mark everyone attended
        </Button>
        <Text className={ui.small} aria-live="polite">{changed.length ? `${plural(changed.length, 'change')} not saved yet` : ''}</Text>
      </div>
    </form>
  );
}
