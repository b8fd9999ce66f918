// Import returns from a CSV that teachers filled in: download the template (all returns of the
// window, or one teacher's), choose the completed file, check it (a dry run with a row-by-row
// report), then import. The import is all or nothing.

import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody,
  MessageBarTitle, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AppStatus, AssessmentWindow, ImportReport } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { scheduleModalCleanup } from '../../app/useStaleModalGuard.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { plural, windowLabel } from './common.tsx';
import { invalidateProgress } from './queries.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '90vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  stepTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  report: { maxHeight: '240px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  file: { fontSize: tokens.fontSizeBase300 },
});

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function ImportCsvDialog({ status, window: win, teachers, onClose }: {
  status: AppStatus; window: AssessmentWindow; teachers: [number, string][]; onClose: () => void;
}) {
  const styles = useStyles();
  const qc = useQueryClient();
  const [teacherId, setTeacherId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [base64, setBase64] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'template' | 'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => scheduleModalCleanup, []);

  const template = async () => {
    setBusy('template');
    setError(null);
    try {
      const csv = await call('returnsCsvTemplate', { windowId: win.id, ...(teacherId ? { teacherId: Number(teacherId) } : {}) });
      await saveExportedFiles([csv], status.shell);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (f: File | null) => {
    setFile(f);
    setReport(null);
    setDone(null);
    setError(null);
    setBase64(null);
    if (!f) return;
    try {
      setBase64(await readBase64(f));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const run = async (dryRun: boolean) => {
    if (!base64) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const r = await call('importReturnsCsv', { windowId: win.id, base64, dryRun });
      setReport(r);
      if (!dryRun && r.imported) {
        await invalidateProgress(qc);
        setDone(`Imported: ${plural(r.saved, 'return')} saved.`);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  // Rejected rows, and valid rows with a note; blank rows are only counted.
  const problems = report ? report.rows.filter((r) => r.outcome === 'rejected' || (r.outcome === 'ok' && r.messages.length)) : [];
  const okRows = report ? report.rows.filter((r) => r.outcome === 'ok').length : 0;
  const canImport = report !== null && report.dryRun && report.rejected === 0 && report.fileProblems.length === 0 && okRows > 0;

  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Import returns from a CSV file</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              For {windowLabel(win)}. Teachers fill in the template (one row per return; children appear by initials and
              year only). Rows left blank are skipped. Nothing is saved unless every row is valid.
            </Text>
            <div className={styles.step}>
              <h3 className={styles.stepTitle}>1. Download the template</h3>
              <div className={styles.row}>
                <Field label="Returns of">
                  <Select value={teacherId} onChange={(_e, d) => setTeacherId(d.value)}>
                    <option value="">Every teacher</option>
                    {teachers.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
                  </Select>
                </Field>
                <Button onClick={template} disabled={busy !== null}>{busy === 'template' ? 'Preparing…' : 'Download CSV template'}</Button>
              </div>
            </div>
            <div className={styles.step}>
              <h3 className={styles.stepTitle}>2. Choose the completed file and check it</h3>
              <div className={styles.row}>
                <Field label="Completed CSV file">
                  {(props) => (
                    <input {...props} className={styles.file} type="file" accept=".csv,text/csv"
                      onChange={(e) => void choose(e.target.files?.[0] ?? null)} />
                  )}
                </Field>
                <Button onClick={() => void run(true)} disabled={!base64 || busy !== null}>{busy === 'check' ? 'Checking…' : 'Check the file'}</Button>
              </div>
            </div>
            {report ? (
              <div className={styles.step} data-testid="import-report">
                {report.fileProblems.length ? <FormAlert title="The file cannot be imported" messages={report.fileProblems} /> : null}
                {done ? (
                  <MessageBar intent="success" role="status"><MessageBarBody>{done}</MessageBarBody></MessageBar>
                ) : report.fileProblems.length === 0 ? (
                  <MessageBar intent={report.rejected ? 'error' : 'success'} role="status" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{report.rejected ? `${plural(report.rejected, 'row')} cannot be imported` : 'The file is ready to import'}</MessageBarTitle>
                      {plural(okRows, 'row')} valid, {plural(report.blank, 'blank row')} skipped
                      {report.rejected ? `, ${plural(report.rejected, 'row')} rejected. Correct the file and check it again: nothing is saved until every row is valid.` : '.'}
                    </MessageBarBody>
                  </MessageBar>
                ) : null}
                {problems.length ? (
                  <div className={styles.report}>
                    <Table size="small" aria-label="Rows with problems">
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell style={{ width: '70px' }}>Row</TableHeaderCell>
                          <TableHeaderCell style={{ width: '100px' }}>Outcome</TableHeaderCell>
                          <TableHeaderCell>Why</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {problems.map((r) => (
                          <TableRow key={r.row}>
                            <TableCell>{r.row}</TableCell>
                            <TableCell>{r.outcome === 'rejected' ? 'Rejected' : r.outcome === 'blank' ? 'Blank' : 'OK'}</TableCell>
                            <TableCell>{r.messages.join(' ') || (r.outcome === 'blank' ? 'Nothing entered: skipped.' : '')}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </div>
                ) : null}
              </div>
            ) : file && !base64 && !error ? <Text>Reading {file.name}…</Text> : null}
            <FormAlert messages={error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
            {!done ? (
              <Button appearance="primary" disabled={!canImport || busy !== null} onClick={() => void run(false)}>
                {busy === 'import' ? 'Importing…' : canImport ? `Import ${plural(okRows, 'row')}` : 'Import'}
              </Button>
            ) : null}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
