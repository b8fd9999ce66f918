// What the DT enters and writes for a year's report: whole-school figures, national benchmarks
// (with source; reset to the defaults), staff training, and the narrative sections (built-in and
// the DT's own). Every save goes straight to the register and refreshes the report.

import { Button, Field, Input, Select, Text, Textarea, mergeClasses } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { BENCHMARK_GROUPS, type Benchmark, type NarrativeSection, type ReportSettings, type TrainingEntry } from '../../api/contract.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { formatUkDate, parseUkDate, DATE_MESSAGE, DATE_PLACEHOLDER } from '../../lib/dates.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { LoadFailed, Loading, Section, useUi } from '../dashboard/ui.tsx';
import { useReportSettings } from './queries.ts';
import { useChangedFrom, useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const numText = (v: number | null): string => (v === null ? '' : String(v));

/** '' → null; otherwise a number or an error message. */
function parseNumber(s: string, label: string, max: number): { value: number | null; error?: string } {
  const t = s.trim();
  if (!t) return { value: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0 || n > max) return { value: null, error: `${label} must be a number from 0 to ${max}.` };
  return { value: n };
}

function issuesText(e: unknown): string[] {
  if (isApiError(e) && e.issues.length) return e.issues.map((i) => i.message);
  return [errorMessage(e)];
}

export function ReportContent({ year }: { year: string }) {
  const ui = useUi();
  const q = useReportSettings(year);
  if (q.isPending) return <Loading what="report settings" />;
  if (q.error) return <LoadFailed what="report settings" error={q.error} />;
  return (
    <div className={ui.stack}>
      <Text>What you enter here appears in the {year} report. Figures about your children are worked out from the register.</Text>
      <SchoolFigures year={year} settings={q.data} />
      <Benchmarks year={year} settings={q.data} />
      <Training year={year} settings={q.data} />
      <Narrative year={year} settings={q.data} />
    </div>
  );
}

// ---- whole-school figures ------------------------------------------------------------------------

function SchoolFigures({ year, settings }: { year: string; settings: ReportSettings }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(settings.schoolFigures.map((f) => [f.measure, numText(f.value)])));
  const [source, setSource] = useState(settings.schoolFiguresSource ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, markSaved] = useChangedFrom([values, source]);
  useUnsavedChanges(dirty);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    const figures: Record<string, number | null> = {};
    const errs: Record<string, string> = {};
    for (const f of settings.schoolFigures) {
      const p = parseNumber(values[f.measure] ?? '', f.label, f.max);
      if (p.error) errs[f.measure] = p.error;
      figures[f.measure] = p.value;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setFailure(['Check the highlighted figures.']);
      return;
    }
    setBusy(true);
    try {
      await run('saveSchoolFigures', { year, figures, source: source.trim() || null });
      setFailure([]);
      markSaved();
      setNote('Whole-school figures saved.');
    } catch (err) {
      setFailure(issuesText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Whole-school figures" testId="school-figures">
      <Text className={ui.small}>The school&rsquo;s own figures for all pupils this year, from your MIS. Leave a figure blank if you do not have it.</Text>
      <form onSubmit={submit} noValidate className={ui.stack} aria-label="Whole-school figures">
        <div className={ui.formGrid}>
          {settings.schoolFigures.map((f) => (
            <Field key={f.measure} label={`${f.label} (${f.unit})`} validationMessage={errors[f.measure]} validationState={errors[f.measure] ? 'error' : 'none'}>
              <Input className={ui.control} inputMode="decimal" value={values[f.measure] ?? ''} onChange={(_e, d) => setValues((v) => ({ ...v, [f.measure]: d.value }))} />
            </Field>
          ))}
        </div>
        <Field label="Source of these figures" hint="For example: MIS, end of summer term">
          <Input className={ui.control} value={source} onChange={(_e, d) => setSource(d.value)} />
        </Field>
        <SavedNote message={note} />
        <FormAlert title="The figures were not saved" messages={failure} />
        <div className={ui.actions}><Button type="submit" appearance="primary" disabled={busy}>{busy ? 'Saving…' : 'Save whole-school figures'}</Button></div>
      </form>
    </Section>
  );
}

// ---- national benchmarks -------------------------------------------------------------------------

const toInput = (b: Benchmark) => ({
  measure: b.measure, claValue: b.claValue, claGroup: b.claGroup, comparisonValue: b.comparisonValue, comparisonGroup: b.comparisonGroup, dataYear: b.dataYear, source: b.source,
});

function Benchmarks({ year, settings }: { year: string; settings: ReportSettings }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [editing, setEditing] = useState<Benchmark | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reset = async () => {
    setBusy(true);
    try {
      await run('resetBenchmarks', { year });
      setNote('The national benchmarks are back to the defaults.');
      setFailure(null);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirmReset(false);
    }
  };
  const unit = (b: Benchmark, v: number | null) => (v === null ? '–' : b.unit === '%' ? `${v}%` : String(v));
  return (
    <Section title="National benchmarks" testId="benchmarks"
      actions={<Button disabled={settings.benchmarksAreDefaults} onClick={() => setConfirmReset(true)}>Reset to defaults</Button>}>
      <Text className={ui.small}>
        {settings.benchmarksAreDefaults ? 'These are the default national figures. Edit any of them to use your own for this year.' : 'You have set this year\u2019s benchmarks.'}
      </Text>
      <SavedNote message={note} />
      <FormAlert messages={failure} />
      <div className={ui.plainWrap}>
        <table className={ui.table} aria-label="National benchmarks">
          <thead>
            <tr>{['Measure', 'Children looked after', 'Comparison', 'Year', 'Source', 'Actions'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {settings.benchmarks.map((b) => (
              <tr key={b.measure} data-testid="benchmark-row">
                <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>{b.measureLabel}</th>
                <td className={mergeClasses(ui.td, ui.nowrap)}>{unit(b, b.claValue)} <span className={ui.small}>{BENCHMARK_GROUPS[b.claGroup]}</span></td>
                <td className={mergeClasses(ui.td, ui.nowrap)}>{unit(b, b.comparisonValue)} <span className={ui.small}>{BENCHMARK_GROUPS[b.comparisonGroup]}</span></td>
                <td className={ui.td}>{b.dataYear}</td>
                <td className={ui.td}>{b.source}{b.isDefault ? <span className={ui.small}> (default)</span> : null}</td>
                <td className={ui.td}><Button size="small" onClick={() => setEditing(b)} aria-label={`Edit benchmark: ${b.measureLabel}`}>Edit</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <BenchmarkDialog benchmark={editing} onClose={() => setEditing(null)} onSave={async (changed) => {
          const list = settings.benchmarks.map((b) => (b.measure === changed.measure ? changed : toInput(b)));
          await run('saveBenchmarks', { year, benchmarks: list });
          setNote(`Benchmark saved: ${editing.measureLabel}.`);
        }} />
      ) : null}
      {confirmReset ? (
        <ConfirmDialog open title="Reset the benchmarks to the defaults?" confirmLabel="Reset to defaults" busy={busy} onConfirm={() => void reset()} onCancel={() => setConfirmReset(false)}>
          <Text>Your own benchmarks for {year} will be replaced by the default national figures.</Text>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function BenchmarkDialog({ benchmark: b, onClose, onSave }: {
  benchmark: Benchmark; onClose: () => void; onSave: (b: ReturnType<typeof toInput>) => Promise<void>;
}) {
  const ui = useUi();
  const dialog = useDialogState(onClose);
  const max = b.unit === '%' ? 100 : 1000;
  const [cla, setCla] = useState(numText(b.claValue));
  const [claGroup, setClaGroup] = useState(b.claGroup);
  const [cmp, setCmp] = useState(numText(b.comparisonValue));
  const [cmpGroup, setCmpGroup] = useState(b.comparisonGroup);
  const [dataYear, setDataYear] = useState(b.dataYear);
  const [source, setSource] = useState(b.source);
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty] = useChangedFrom([cla, claGroup, cmp, cmpGroup, dataYear, source]);
  const unsaved = useUnsavedChanges(dirty && dialog.open);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p1 = parseNumber(cla, 'The figure for children looked after', max);
    const p2 = parseNumber(cmp, 'The comparison figure', max);
    const errs = [p1.error, p2.error].filter((x): x is string => !!x);
    if (!dataYear.trim()) errs.push('Enter the year the figure describes, e.g. 2023/24.');
    if (!source.trim()) errs.push('Enter where the figure comes from.');
    if (errs.length) {
      setFailure(errs);
      return;
    }
    setBusy(true);
    try {
      await onSave({ measure: b.measure, claValue: p1.value, claGroup, comparisonValue: p2.value, comparisonGroup: cmpGroup, dataYear: dataYear.trim(), source: source.trim() });
      dialog.close();
    } catch (err) {
      setFailure(issuesText(err));
      setBusy(false);
    }
  };
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={`Benchmark: ${b.measureLabel}`} submitLabel="Save benchmark" busy={busy} failure={failure} failureTitle="The benchmark was not saved" onSubmit={submit}>
      <div className={ui.formGrid2}>
        <Field label={`Children looked after (${b.unit})`}><Input className={ui.control} inputMode="decimal" value={cla} onChange={(_e, d) => setCla(d.value)} /></Field>
        <Field label="Which children looked after">
          <Select value={claGroup} onChange={(_e, d) => setClaGroup(d.value as typeof claGroup)}>
            <option value="cla">{BENCHMARK_GROUPS.cla}</option>
            <option value="cla_12_months">{BENCHMARK_GROUPS.cla_12_months}</option>
          </Select>
        </Field>
        <Field label={`Comparison (${b.unit})`}><Input className={ui.control} inputMode="decimal" value={cmp} onChange={(_e, d) => setCmp(d.value)} /></Field>
        <Field label="Compared with">
          <Select value={cmpGroup} onChange={(_e, d) => setCmpGroup(d.value as typeof cmpGroup)}>
            <option value="all_pupils">{BENCHMARK_GROUPS.all_pupils}</option>
            <option value="non_looked_after">{BENCHMARK_GROUPS.non_looked_after}</option>
          </Select>
        </Field>
        <Field label="Year the figures describe" required hint="For example 2023/24"><Input className={ui.control} value={dataYear} onChange={(_e, d) => setDataYear(d.value)} /></Field>
        <Field label="Source" required hint="For example: DfE, Outcomes for children in need"><Input className={ui.control} value={source} onChange={(_e, d) => setSource(d.value)} /></Field>
      </div>
    </FormDialog>
  );
}

// ---- staff training ------------------------------------------------------------------------------

function Training({ year, settings }: { year: string; settings: ReportSettings }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [editing, setEditing] = useState<TrainingEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TrainingEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await run('deleteTraining', { id: deleting.id });
      setNote(`Training deleted: ${deleting.title}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };
  return (
    <Section title="Staff training" testId="training" actions={<Button onClick={() => setEditing('new')}>Add training</Button>}>
      <SavedNote message={note} />
      <FormAlert messages={failure} />
      {settings.training.length === 0 ? <Text className={ui.muted}>No training recorded for {year}.</Text> : (
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label="Staff training">
            <thead><tr>{['Date', 'Training', 'Audience', 'Delivered by', 'Actions'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr></thead>
            <tbody>
              {settings.training.map((t) => (
                <tr key={t.id} data-testid="training-row">
                  <td className={mergeClasses(ui.td, ui.nowrap)}>{formatUkDate(t.deliveredOn)}</td>
                  <td className={ui.td}>{t.title}</td>
                  <td className={ui.td}>{t.audience ?? '–'}</td>
                  <td className={ui.td}>{t.deliveredBy ?? '–'}</td>
                  <td className={mergeClasses(ui.td, ui.nowrap)}>
                    <Button size="small" onClick={() => setEditing(t)} aria-label={`Edit training: ${t.title}`}>Edit</Button>{' '}
                    <Button size="small" appearance="subtle" onClick={() => setDeleting(t)} aria-label={`Delete training: ${t.title}`}>Delete</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <TrainingDialog year={year} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(m) => { setFailure(null); setNote(m); }} />
      ) : null}
      {deleting ? (
        <ConfirmDialog open title="Delete this training?" confirmLabel="Delete training" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setDeleting(null)}>
          <Text>&ldquo;{deleting.title}&rdquo; on {formatUkDate(deleting.deliveredOn)} will no longer appear in the report.</Text>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function TrainingDialog({ year, entry, onClose, onSaved }: { year: string; entry: TrainingEntry | null; onClose: () => void; onSaved: (m: string) => void }) {
  const ui = useUi();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [date, setDate] = useState(formatUkDate(entry?.deliveredOn));
  const [title, setTitle] = useState(entry?.title ?? '');
  const [audience, setAudience] = useState(entry?.audience ?? '');
  const [by, setBy] = useState(entry?.deliveredBy ?? '');
  const [attendees, setAttendees] = useState(entry?.attendees === null || entry?.attendees === undefined ? '' : String(entry.attendees));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty] = useChangedFrom([date, title, audience, by, attendees]);
  const unsaved = useUnsavedChanges(dirty && dialog.open);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const iso = parseUkDate(date);
    if (!iso) errs.date = date.trim() ? DATE_MESSAGE : 'Enter the date as dd/mm/yyyy.';
    if (!title.trim()) errs.title = 'Enter what the training was.';
    const n = attendees.trim() ? Number(attendees.trim()) : null;
    if (n !== null && (!Number.isInteger(n) || n < 0 || n > 10000)) errs.attendees = 'Attendees must be a whole number from 0 to 10000.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await run('saveTraining', {
        ...(entry ? { id: entry.id } : {}), year, deliveredOn: iso!, title: title.trim(),
        audience: audience.trim() || null, deliveredBy: by.trim() || null, attendees: n, notes: entry?.notes ?? null,
      });
      onSaved(entry ? `Training saved: ${title.trim()}.` : `Training added: ${title.trim()}.`);
      dialog.close();
    } catch (err) {
      setFailure(issuesText(err));
      setBusy(false);
    }
  };
  const f = (k: string) => ({ validationMessage: errors[k], validationState: errors[k] ? 'error' as const : 'none' as const });
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={entry ? 'Edit training' : 'Add training'} submitLabel={entry ? 'Save training' : 'Add training'} busy={busy}
      failure={failure} failureTitle="The training was not saved" onSubmit={submit}>
      <div className={ui.formGrid2}>
        <Field label="Date" required hint="dd/mm/yyyy" {...f('date')}>
          <Input className={ui.control} placeholder={DATE_PLACEHOLDER} inputMode="numeric" value={date} onChange={(_e, d) => setDate(d.value)} />
        </Field>
        <Field label="Training" required {...f('title')}><Input className={ui.control} value={title} onChange={(_e, d) => setTitle(d.value)} /></Field>
        <Field label="Audience" hint="For example: all teaching staff"><Input className={ui.control} value={audience} onChange={(_e, d) => setAudience(d.value)} /></Field>
        <Field label="Delivered by"><Input className={ui.control} value={by} onChange={(_e, d) => setBy(d.value)} /></Field>
        <Field label="Attendees" {...f('attendees')}><Input className={ui.control} inputMode="numeric" value={attendees} onChange={(_e, d) => setAttendees(d.value)} /></Field>
      </div>
    </FormDialog>
  );
}

// ---- narrative -----------------------------------------------------------------------------------

function Narrative({ year, settings }: { year: string; settings: ReportSettings }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const custom = settings.narrative.filter((n) => n.key === 'custom');
  const move = async (id: number, by: -1 | 1) => {
    const ids = custom.map((c) => c.id!);
    const i = ids.indexOf(id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    try {
      await run('reorderCustomSections', { year, ids });
      setFailure(null);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  return (
    <Section title="Narrative" testId="narrative" actions={<Button onClick={() => setAdding(true)}>Add a section of your own</Button>}>
      <Text className={ui.small}>Write in general terms: never in a way that identifies a child. Each section is saved on its own.</Text>
      <FormAlert messages={failure} />
      {settings.narrative.map((n) => (
        <NarrativeEditor key={n.key === 'custom' ? `custom-${n.id}` : n.key} year={year} section={n}
          position={n.key === 'custom' ? { index: custom.indexOf(n), count: custom.length, move } : null} />
      ))}
      {adding ? <NewSection year={year} onDone={() => setAdding(false)} /> : null}
    </Section>
  );
}

function NarrativeEditor({ year, section: n, position }: {
  year: string; section: NarrativeSection; position: { index: number; count: number; move: (id: number, by: -1 | 1) => Promise<void> } | null;
}) {
  const ui = useUi();
  const run = useRegisterChange();
  const [title, setTitle] = useState(n.title);
  const [body, setBody] = useState(n.body);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = n.key === 'custom' ? `narrative-custom-${n.id}` : `narrative-${n.key}`;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      if (n.key === 'custom') await run('saveCustomSection', { year, id: n.id!, title: title.trim(), body });
      else await run('saveNarrativeSection', { year, key: n.key, body });
      setFailure([]);
      setNote(`Saved: ${n.key === 'custom' ? title.trim() : n.title}.`);
    } catch (err) {
      setFailure(issuesText(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await run('deleteCustomSection', { id: n.id! });
    } catch (err) {
      setFailure(issuesText(err));
      setBusy(false);
      setConfirmDelete(false);
    }
  };
  const dirty = body !== n.body || title !== n.title;
  useUnsavedChanges(dirty);
  return (
    <form onSubmit={save} noValidate className={ui.stack} style={{ gap: 6 }} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className={ui.cardTitleSmall}>{n.key === 'custom' ? `${n.title} (your own section)` : n.title}</h3>
      {n.key === 'custom' ? (
        <Field label="Section title" required><Input className={ui.control} value={title} onChange={(_e, d) => setTitle(d.value)} /></Field>
      ) : null}
      <Field label={n.key === 'custom' ? 'Text' : n.title} hint={n.hint ?? undefined}>
        <Textarea value={body} onChange={(_e, d) => setBody(d.value)} rows={4} resize="vertical" />
      </Field>
      <SavedNote message={note} />
      <FormAlert title="The section was not saved" messages={failure} />
      <div className={ui.actions}>
        <Button type="submit" appearance={dirty ? 'primary' : 'secondary'} disabled={busy} aria-label={`Save ${n.key === 'custom' ? n.title : n.title}`}>{busy ? 'Saving…' : 'Save'}</Button>
        {n.updatedAt ? <Text className={ui.small}>Last saved {formatUkDate(n.updatedAt.slice(0, 10))}</Text> : null}
        {position ? (
          <>
            <Button size="small" disabled={position.index === 0} onClick={() => void position.move(n.id!, -1)} aria-label={`Move up: ${n.title}`}>Move up</Button>
            <Button size="small" disabled={position.index === position.count - 1} onClick={() => void position.move(n.id!, 1)} aria-label={`Move down: ${n.title}`}>Move down</Button>
            <Button size="small" appearance="subtle" onClick={() => setConfirmDelete(true)} aria-label={`Delete: ${n.title}`}>Delete</Button>
          </>
        ) : null}
      </div>
      {confirmDelete ? (
        <ConfirmDialog open title="Delete this section?" confirmLabel="Delete section" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          <Text>&ldquo;{n.title}&rdquo; and its text will be removed from the {year} report.</Text>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

function NewSection({ year, onDone }: { year: string; onDone: () => void }) {
  const ui = useUi();
  const run = useRegisterChange();
  const dialog = useDialogState(onDone);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty] = useChangedFrom([title, body]);
  const unsaved = useUnsavedChanges(dirty && dialog.open);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setFailure(['Give the section a title.']);
      return;
    }
    setBusy(true);
    try {
      await run('saveCustomSection', { year, title: title.trim(), body });
      dialog.close();
    } catch (err) {
      setFailure(issuesText(err));
      setBusy(false);
    }
  };
  return (
    <FormDialog state={dialog} unsaved={unsaved} title="Add a section of your own" submitLabel="Add section" busy={busy} failure={failure} failureTitle="The section was not added" onSubmit={submit}>
      <Field label="Section title" required><Input className={ui.control} value={title} onChange={(_e, d) => setTitle(d.value)} /></Field>
      <Field label="Text"><Textarea value={body} onChange={(_e, d) => setBody(d.value)} rows={5} resize="vertical" /></Field>
    </FormDialog>
  );
}
