// Import from the MIS (SIMS, Arbor and similar CSV exports): pupils or attendance summaries.
//   1. Choose the kind of file and the file (read here as base64; the register decodes it).
//   2. Preview: every row as new / update / unchanged / rejected with the reasons, and the columns
//      with the field each fills; unfamiliar headers can be mapped by hand and previewed again.
//   3. Import: all or nothing, and only when no row is rejected.
//   4. The result.

import {
  Badge, Button, Field, Input as FluentInput, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Table, TableBody,
  TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  MAX_IMPORT_BYTES, type ImportField, type ImportKind, type ImportPreview, type ImportResult, type ImportRowStatus, type Input,
} from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DATE_MESSAGE, formatUkDate, parseUkDate } from '../../lib/dates.ts';
import { Fieldset } from '../settings/common.tsx';
import { Card, plural, todayIso, useChildStyles } from './common.tsx';
import { childrenHref } from './route.ts';

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  count: {
    display: 'flex', flexDirection: 'column', minWidth: '110px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  countValue: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase600 },
  countRejected: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  file: {
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase300,
    maxWidth: '600px',
  },
  reasons: { margin: 0, paddingInlineStart: '1.2em' },
  rejectedText: { color: tokens.colorPaletteRedForeground1 },
  select: { minWidth: '260px', maxWidth: '380px' },
  commit: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const STATUS: Record<ImportRowStatus, { label: string; color: 'success' | 'brand' | 'informative' | 'danger' }> = {
  new: { label: 'New', color: 'success' },
  update: { label: 'Update', color: 'brand' },
  unchanged: { label: 'Unchanged', color: 'informative' },
  rejected: { label: 'Rejected', color: 'danger' },
};

const ROWS_SHOWN = 200;

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8', 'utf-8 (with BOM)': 'UTF-8 with BOM', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252',
};
const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

interface ChosenFile { name: string; size: number; content: string }

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ImportScreen() {
  const styles = useStyles();
  const common = useChildStyles();
  const qc = useQueryClient();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>('pupils');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [periodErrors, setPeriodErrors] = useState<{ start?: string; end?: string }>({});
  const [newStatus, setNewStatus] = useState<'CLA' | 'PLAC'>('CLA');
  const [mapping, setMapping] = useState<{ column: string; field: ImportField | null }[] | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [show, setShow] = useState<ImportRowStatus | 'all'>('all');
  /** Changing it clears the file input (after an import, so the same file is not imported twice by mistake). */
  const [inputKey, setInputKey] = useState(0);

  const reset = () => {
    setPreview(null);
    setResult(null);
    setMapping(undefined);
    setFailure([]);
  };

  const chooseFile = async (f: File | undefined) => {
    reset();
    setFileError(null);
    setFile(null);
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      setFileError('The file is larger than 16 MB. Export fewer columns or split it.');
      return;
    }
    try {
      setFile({ name: f.name, size: f.size, content: await readBase64(f) });
    } catch {
      setFileError('The file could not be read. Choose it again.');
    }
  };

  /** The input for previewImport / commitImport, or null (with messages shown) if something is missing. */
  const buildInput = (withMapping: typeof mapping): Input<'previewImport'> | null => {
    if (!file) {
      setFileError('Choose the CSV file exported from your MIS.');
      return null;
    }
    const input: Input<'previewImport'> = { kind, fileName: file.name, size: file.size, content: file.content, ...(withMapping ? { mapping: withMapping } : {}) };
    if (kind === 'attendance' && (periodStart.trim() || periodEnd.trim())) {
      const start = parseUkDate(periodStart);
      const end = parseUkDate(periodEnd);
      const errs = { start: start ? undefined : (periodStart.trim() ? DATE_MESSAGE : 'Enter the first day of the period, or leave both dates blank.'),
        end: end ? undefined : (periodEnd.trim() ? DATE_MESSAGE : 'Enter the last day of the period, or leave both dates blank.') };
      setPeriodErrors(errs);
      if (!start || !end) return null;
      input.period = { start, end };
    } else {
      setPeriodErrors({});
    }
    if (kind === 'pupils') input.newChildren = { status: newStatus, dateJoinedSchool: todayIso() };
    return input;
  };

  const showApiError = (e: unknown) => {
    if (isApiError(e) && e.issues.length) {
      const leftover: string[] = [];
      for (const i of e.issues) {
        const p = i.path.join('.');
        if (p === 'period.start') setPeriodErrors((x) => ({ ...x, start: i.message }));
        else if (p === 'period.end' || p === 'period') setPeriodErrors((x) => ({ ...x, end: i.message }));
        else if (p === 'content' || p === 'fileName' || p === 'size') setFileError(i.message);
        else leftover.push(i.message);
      }
      setFailure(leftover);
    } else {
      setFailure([errorMessage(e)]);
    }
  };

  const runPreview = async (withMapping: typeof mapping) => {
    setFailure([]);
    setResult(null);
    const input = buildInput(withMapping);
    if (!input) return;
    setBusy('preview');
    try {
      const p = await call('previewImport', input);
      setPreview(p);
      setMapping(p.mapping);
      setShow(p.counts.rejected > 0 ? 'rejected' : 'all');
    } catch (e) {
      setPreview(null);
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    setFailure([]);
    const input = buildInput(mapping);
    if (!input) return;
    setBusy('commit');
    try {
      const r = await call('commitImport', input);
      setResult(r);
      setPreview(null);
      setFile(null);
      setMapping(undefined);
      setInputKey((k) => k + 1);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== keys.status[0] && q.queryKey[0] !== keys.settings[0] });
    } catch (e) {
      showApiError(e);
      // Whatever changed since the preview (another import, an edit), show the rows as they are now.
      void runPreview(mapping);
    } finally {
      setBusy(null);
    }
  };

  const fields = preview?.fields ?? [];
  const rows = preview ? preview.rows.filter((r) => show === 'all' || r.status === show) : [];
  const mappingChanged = preview && mapping && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);

  return (
    <div className={common.page}>
      <Link href={childrenHref.list()}>‹ All children</Link>
      <Heading focusOnMount>Import from the MIS</Heading>
      <Text>
        Export a CSV from SIMS, Arbor or another MIS and import it here. You will see what would change before anything is
        saved, and nothing is imported until every row can be. Only the pupil details a MIS holds are updated: care
        details are never changed by an import.
      </Text>

      {result ? (
        <MessageBar intent="success" layout="multiline" role="status" data-testid="import-result">
          <MessageBarBody>
            <MessageBarTitle>Import complete.</MessageBarTitle>
            {result.kind === 'pupils'
              ? `${plural(result.counts.new, 'child', 'children')} added, ${plural(result.counts.update, 'child', 'children')} updated, ${result.counts.unchanged} unchanged.`
              : `${plural(result.counts.new, 'attendance period')} added, ${result.counts.update} updated, ${result.counts.unchanged} unchanged.`}
            {result.kind === 'pupils' && result.counts.new > 0 ? ' Add each new child\u2019s care details (legal status, placement, social worker) in their file.' : ''}
            {' '}<Link href={childrenHref.list()}>Go to the children</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Card title="1. Choose the file">
        <Field label="What does the file hold?" required>
          <RadioGroup value={kind} layout="horizontal" onChange={(_e, d) => { setKind(d.value as ImportKind); reset(); }}>
            <Radio value="pupils" label="Pupils (UPN, names, date of birth, gender, SEN)" />
            <Radio value="attendance" label="Attendance summary (sessions or %)" />
          </RadioGroup>
        </Field>
        <Field label="CSV file" required hint="UTF-8 (with or without BOM) or Windows-1252; comma, semicolon or tab separated"
          validationMessage={fileError ?? undefined} validationState={fileError ? 'error' : 'none'}>
          {(props) => (
            <input {...props} key={inputKey} id={fileId} type="file" accept=".csv,.txt,text/csv" className={styles.file}
              onChange={(e) => void chooseFile(e.target.files?.[0])} data-testid="import-file" />
          )}
        </Field>
        {kind === 'attendance' ? (
          <Fieldset legend="Attendance period (if the file has no start and end dates)">
            <div className={common.formGrid}>
              <Field label="From" hint="dd/mm/yyyy" validationMessage={periodErrors.start} validationState={periodErrors.start ? 'error' : 'none'}>
                <FluentInput value={periodStart} onChange={(_e, d) => { setPeriodStart(d.value); setPreview(null); }} placeholder="dd/mm/yyyy" inputMode="numeric" />
              </Field>
              <Field label="To" hint="dd/mm/yyyy" validationMessage={periodErrors.end} validationState={periodErrors.end ? 'error' : 'none'}>
                <FluentInput value={periodEnd} onChange={(_e, d) => { setPeriodEnd(d.value); setPreview(null); }} placeholder="dd/mm/yyyy" inputMode="numeric" />
              </Field>
            </div>
          </Fieldset>
        ) : (
          <Field label="Children not yet in the register are added as" hint="Their admission date is taken from the file, or today if it has none">
            <RadioGroup value={newStatus} layout="horizontal" onChange={(_e, d) => { setNewStatus(d.value as 'CLA' | 'PLAC'); setPreview(null); }}>
              <Radio value="CLA" label="Looked after (CLA)" />
              <Radio value="PLAC" label="Previously looked after (PLAC)" />
            </RadioGroup>
          </Field>
        )}
        <FormAlert title="The file could not be previewed" messages={preview ? [] : failure} />
        <div className={common.actions}>
          <Button appearance="primary" onClick={() => void runPreview(undefined)} disabled={busy !== null}>
            {busy === 'preview' ? 'Reading the file…' : 'Preview the import'}
          </Button>
        </div>
      </Card>


      {preview ? (
        <>
          <Card title="2. Check the columns">
            <Text>
              <strong>{preview.fileName}</strong>: {ENCODINGS[preview.encoding] ?? preview.encoding}, {DELIMITERS[preview.delimiter] ?? `"${preview.delimiter}"`} separated,{' '}
              {preview.counts.rows ? `${plural(preview.counts.rows, 'row')}.` : 'no rows read yet.'}
            </Text>
            <FormAlert title="There is a problem with the file" messages={preview.problems} />
            {preview.missingRequired.length && preview.problems.length === 0 ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Required information has no column.</MessageBarTitle>
                  Choose which column holds: {preview.missingRequired.map((m) => m.label).join(', ')}. Then preview again.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={common.plainTableWrap}>
              <Table className={common.table} aria-label="Columns in the file" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Column in the file</TableHeaderCell>
                    <TableHeaderCell>Fills</TableHeaderCell>
                    <TableHeaderCell>How</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(mapping ?? preview.mapping).map((m, i) => {
                    const col = preview.columns.find((c) => c.header === m.column);
                    return (
                      <TableRow key={m.column}>
                        <TableCell><strong>{m.column}</strong></TableCell>
                        <TableCell>
                          <Select className={styles.select} aria-label={`Field for the column ${m.column}`} value={m.field ?? ''}
                            onChange={(_e, d) => setMapping((cur) => (cur ?? preview.mapping).map((x, j) => (j === i ? { ...x, field: (d.value || null) as ImportField | null } : x)))}>
                            <option value="">Ignore this column</option>
                            {fields.map((f) => <option key={f.field} value={f.field}>{f.label}{f.required ? ' (required)' : ''}</option>)}
                          </Select>
                        </TableCell>
                        <TableCell>
                          {col?.mappedBy === 'alias' ? 'Recognised header' : col?.mappedBy === 'explicit' ? 'Chosen by you'
                            : preview.unmappedColumns.includes(m.column) ? <Badge appearance="tint" color="warning">Not recognised</Badge> : 'Ignored'}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
            <div className={common.actions}>
              <Button onClick={() => void runPreview(mapping)} disabled={busy !== null || !mappingChanged} appearance={mappingChanged ? 'primary' : 'secondary'}>
                {busy === 'preview' ? 'Reading the file…' : 'Preview again with these columns'}
              </Button>
              {mappingChanged ? <Text className={common.muted}>You changed the columns: preview again to see the effect.</Text> : null}
            </div>
          </Card>

          {preview.counts.rows === 0 && preview.problems.length > 0 ? null : <Card title="3. Check the rows">
            <div className={styles.counts} role="group" aria-label="What the import would do" data-testid="import-counts">
              {(['new', 'update', 'unchanged', 'rejected'] as const).map((s) => (
                <div key={s} className={`${styles.count} ${s === 'rejected' && preview.counts.rejected > 0 ? styles.countRejected : ''}`} data-testid={`import-count-${s}`}>
                  <span className={styles.countValue}>{preview.counts[s].toLocaleString('en-GB')}</span>
                  <Text size={200}>{STATUS[s].label}</Text>
                </div>
              ))}
              <Field label="Show">
                <Select value={show} onChange={(_e, d) => setShow(d.value as typeof show)}>
                  <option value="all">All rows</option>
                  {(['rejected', 'new', 'update', 'unchanged'] as const).map((s) => <option key={s} value={s}>{STATUS[s].label} only</option>)}
                </Select>
              </Field>
            </div>
            {rows.length === 0 ? <Text className={common.muted}>No rows to show.</Text> : (
              <div className={common.plainTableWrap}>
                <Table className={common.table} aria-label="Rows in the file" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Row</TableHeaderCell>
                      <TableHeaderCell>Result</TableHeaderCell>
                      <TableHeaderCell>UPN</TableHeaderCell>
                      <TableHeaderCell>Summary</TableHeaderCell>
                      <TableHeaderCell>Details</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.slice(0, ROWS_SHOWN).map((r) => (
                      <TableRow key={r.line} data-testid="import-row" data-status={r.status}>
                        <TableCell>{r.line}</TableCell>
                        <TableCell><Badge appearance="filled" color={STATUS[r.status].color}>{STATUS[r.status].label}</Badge></TableCell>
                        <TableCell><span className={common.mono}>{r.upn ?? '—'}</span></TableCell>
                        <TableCell>{r.summary}</TableCell>
                        <TableCell>
                          {r.reasons.length ? <ul className={`${styles.reasons} ${styles.rejectedText}`}>{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul> : null}
                          {r.changes.length ? <Text>Changes: {r.changes.join(', ')}</Text> : null}
                          {r.warnings.length ? <ul className={styles.reasons}>{r.warnings.map((x) => <li key={x}>{x}</li>)}</ul> : null}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {rows.length > ROWS_SHOWN ? <Text className={common.muted}>The first {ROWS_SHOWN} of {rows.length.toLocaleString('en-GB')} rows are shown.</Text> : null}
          </Card>}

          <Card title="4. Import">
            {preview.canCommit ? (
              <Text>
                {preview.kind === 'pupils'
                  ? `${plural(preview.counts.new, 'child', 'children')} will be added and ${plural(preview.counts.update, 'child', 'children')} updated.`
                  : `${plural(preview.counts.new, 'attendance period')} will be added and ${preview.counts.update} updated.`}
                {' '}All of it is saved in one step.
              </Text>
            ) : (
              <MessageBar intent="error" layout="multiline" data-testid="import-blocked">
                <MessageBarBody>
                  <MessageBarTitle>Nothing is imported until every row is fixed.</MessageBarTitle>
                  {preview.counts.rejected > 0
                    ? `${plural(preview.counts.rejected, 'row is', 'rows are')} rejected. Correct them in the MIS (or in the file), export again and choose the new file.`
                    : 'Map the required columns above, then preview again.'}
                </MessageBarBody>
              </MessageBar>
            )}
            <FormAlert title="Nothing was imported" messages={failure} />
            <div className={styles.commit}>
              <Button appearance="primary" onClick={commit} disabled={!preview.canCommit || Boolean(mappingChanged) || busy !== null}>
                {busy === 'commit' ? 'Importing…' : preview.canCommit ? `Import ${plural(preview.counts.new + preview.counts.update, 'row')}` : 'Import'}
              </Button>
              {preview.kind === 'attendance' && periodStart && periodEnd ? (
                <Text className={common.muted}>Period: {formatUkDate(parseUkDate(periodStart))} to {formatUkDate(parseUkDate(periodEnd))}</Text>
              ) : null}
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
