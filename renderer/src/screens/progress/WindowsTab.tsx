// Assessment windows per academic year (name, close date, grade scale, and a different scale for
// some year groups), and "Request returns": the expected returns for every child × subject.

import {
  Badge, Button, Dialog, Link, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AssessmentWindow, RequestReturnsResult } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useAcademicYears } from '../../api/queries.ts';
import { scheduleModalCleanup } from '../../app/useStaleModalGuard.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField, SelectField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { submitErrors, ukDate } from '../../lib/forms.ts';
import { Fieldset, QueryState, useSettingsStyles } from '../settings/common.tsx';
import { percent, plural, useProgressStyles, windowLabel, yearLong } from './common.tsx';
import { invalidateProgress, useGradeScales, useSla, useWindows } from './queries.ts';
import { goProgress, progressHref } from './route.ts';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../components/recordList.tsx';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';

const useStyles = makeStyles({
  yearBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  overrideRow: {
    display: 'grid', gridTemplateColumns: 'minmax(140px, 200px) minmax(200px, 1fr) auto', gap: tokens.spacingHorizontalM, alignItems: 'start',
  },
  nowrap: { whiteSpace: 'nowrap' },
  actionsCol: { width: '290px' },
  result: { margin: 0, paddingInlineStart: '1.2em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function WindowsTab() {
  const styles = useSettingsStyles();
  const pstyles = useProgressStyles();
  const own = useStyles();
  const windows = useWindows();
  const qc = useQueryClient();
  const [requesting, setRequesting] = useState<AssessmentWindow | null>(null);
  const list = useRecordList<AssessmentWindow>({
    name: windowLabel,
    remove: async (w) => {
      await call('deleteAssessmentWindow', { id: w.id });
      await invalidateProgress(qc);
    },
  });

  if (list.editing) return <WindowForm window={list.editing === 'new' ? null : list.editing} onDone={list.done} />;

  const byYear = new Map<string, AssessmentWindow[]>();
  for (const w of [...(windows.data ?? [])].sort((a, b) => b.closeDate.localeCompare(a.closeDate))) {
    byYear.set(w.academicYearLabel, [...(byYear.get(w.academicYearLabel) ?? []), w]);
  }

  return (
    <>
      <Text>
        Each academic year has its assessment windows (for example three or six). After a window closes, every subject
        teacher of every child returns a progress entry by the date in the school&rsquo;s agreement.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add an assessment window</Button>
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={windows.isPending} error={windows.error} what="assessment windows">
        {byYear.size === 0 ? <Text className={styles.muted}>No assessment windows yet.</Text> : null}
        {[...byYear.entries()].map(([year, ofYear]) => (
          <div key={year} className={own.yearBlock}>
            <Heading level={3}>{year}</Heading>
            <div className={styles.tableWrap}>
              <Table aria-label={`Assessment windows ${year}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Window</TableHeaderCell>
                    <TableHeaderCell>Closes</TableHeaderCell>
                    <TableHeaderCell>Grade scale</TableHeaderCell>
                    <TableHeaderCell>Returns received</TableHeaderCell>
                    <TableHeaderCell className={own.actionsCol}><span className="visually-hidden">Actions</span></TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {ofYear.map((w) => (
                    <TableRow key={w.id}>
                      <TableCell>{w.requested ? <Link href={progressHref('returns', w.id)}>{w.name}</Link> : w.name}</TableCell>
                      <TableCell>{formatUkDate(w.closeDate)}</TableCell>
                      <TableCell>
                        {w.gradeScaleName}
                        {w.scaleOverrides.length ? <span className={pstyles.small}><br />{plural(w.scaleOverrides.length, 'year group')} on another scale</span> : null}
                      </TableCell>
                      <TableCell>
                        {w.requested
                          ? `${w.returned} of ${w.expected} (${percent(w.expected ? w.returned / w.expected : null)})`
                          : <Badge appearance="tint" color="subtle">Not requested</Badge>}
                      </TableCell>
                      <TableCell>
                        <RecordListActions list={list} record={w}>
                          <Button size="small" className={own.nowrap} onClick={() => setRequesting(w)}
                            aria-label={`Request returns for ${windowLabel(w)}`}>
                            Request returns
                          </Button>
                        </RecordListActions>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </div>
        ))}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete window">
        <Text>A window can be deleted only while no return in it has been recorded.</Text>
      </RecordListDeleteDialog>
      {requesting ? <RequestReturnsDialog window={requesting} onClose={() => setRequesting(null)} /> : null}
    </>
  );
}

/** Creates the expected returns for a window, then says what was created and when they are due. */
export function RequestReturnsDialog({ window: w, onClose }: { window: AssessmentWindow; onClose: () => void }) {
  const qc = useQueryClient();
  const sla = useSla();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RequestReturnsResult | null>(null);
  const own = useStyles();
  useEffect(() => scheduleModalCleanup, []);

  const request = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('requestReturns', { windowId: w.id }));
      await invalidateProgress(qc);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Request returns for {windowLabel(w)}</DialogTitle>
          <DialogContent>
            {result ? (
              <div role="status" data-testid="request-result">
                <Text as="p" weight="semibold">
                  {result.created ? `${plural(result.created, 'return')} requested` : 'No new returns were needed'}, due {formatUkDate(result.dueOn)}
                  {result.dueOnEstimated ? ' (estimated: the school calendar does not cover the dates, so weekdays were counted)' : ''}.
                </Text>
                <ul className={own.result}>
                  {result.existing ? <li>{plural(result.existing, 'return')} already requested{result.teacherChanged ? `; ${result.teacherChanged} moved to a new teacher after timetable changes` : ''}.</li> : null}
                  {result.childrenWithoutTimetable ? <li>{plural(result.childrenWithoutTimetable, 'child', 'children')} on roll {result.childrenWithoutTimetable === 1 ? 'has' : 'have'} no timetable: set it up under Set-up, then request again.</li> : null}
                  {result.skippedLeavers ? <li>{plural(result.skippedLeavers, 'leaver')} skipped.</li> : null}
                  {result.skippedNotJoined ? <li>{plural(result.skippedNotJoined, 'child', 'children')} joined after the window closed: skipped.</li> : null}
                </ul>
              </div>
            ) : (
              <Text as="p">
                This creates a return for every child on roll and every subject on their timetable, addressed to the
                subject teacher. They are due {sla.data ? `${plural(sla.data.returnDueSchoolDays, 'school day')}` : 'the agreed number of school days'} after
                the window closes on {formatUkDate(w.closeDate)}. Requesting again only adds what is missing.
              </Text>
            )}
            <FormAlert messages={error} />
          </DialogContent>
          <DialogActions>
            {result ? (
              <>
                <Button onClick={onClose}>Close</Button>
                <Button appearance="primary" onClick={() => { onClose(); goProgress('returns', w.id); }}>Open the returns</Button>
              </>
            ) : (
              <>
                <Button onClick={onClose} disabled={busy}>Cancel</Button>
                <Button appearance="primary" onClick={request} disabled={busy}>{busy ? 'Requesting…' : 'Request returns'}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

// ---- the window form -----------------------------------------------------------------------------

const idText = (message: string) => z.string().trim().min(1, message).transform(Number);
const schema = z.object({
  academicYearId: idText('Choose the academic year.'),
  name: z.string().trim().min(1, 'Enter a name, such as "Autumn 1".').max(100),
  closeDate: ukDate('the close date'),
  gradeScaleId: idText('Choose the grade scale.'),
  scaleOverrides: z.array(z.object({ yearGroup: idText('Choose the year group.'), gradeScaleId: idText('Choose the grade scale.') })),
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['academicYearId', 'name', 'closeDate', 'gradeScaleId', 'scaleOverrides.*.yearGroup', 'scaleOverrides.*.gradeScaleId'];

const YEAR_GROUPS = Array.from({ length: 15 }, (_, i) => i);

function WindowForm({ window: w, onDone }: { window: AssessmentWindow | null; onDone: (saved: AssessmentWindow | null) => void }) {
  const styles = useSettingsStyles();
  const own = useStyles();
  const pstyles = useProgressStyles();
  const qc = useQueryClient();
  const years = useAcademicYears();
  const scales = useGradeScales();
  const [failure, setFailure] = useState<string[]>([]);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: w ? {
      academicYearId: String(w.academicYearId), name: w.name, closeDate: formatUkDate(w.closeDate), gradeScaleId: String(w.gradeScaleId),
      scaleOverrides: w.scaleOverrides.map((o) => ({ yearGroup: String(o.yearGroup), gradeScaleId: String(o.gradeScaleId) })),
    } : { academicYearId: '', name: '', closeDate: '', gradeScaleId: '', scaleOverrides: [] },
  });
  const unsaved = useUnsavedChanges(isDirty);
  const overrides = useFieldArray({ control, name: 'scaleOverrides' });

  const onSubmit = handleSubmit(async (values) => {
    setFailure([]);
    try {
      const saved = await call('saveAssessmentWindow', { ...(w ? { id: w.id } : {}), ...values });
      await invalidateProgress(qc);
      onDone(saved);
    } catch (e) {
      setFailure(submitErrors(e, setError, FIELDS));
    }
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="window-form-heading">
      <Heading level={3} id="window-form-heading" focusOnMount>{w ? `Edit ${windowLabel(w)}` : 'Add an assessment window'}</Heading>
      <Fieldset legend="Window">
        <div className={styles.grid2}>
          <SelectField label="Academic year" required control={control} name="academicYearId">
            <option value="">Choose…</option>
            {(years.data ?? []).map((y) => <option key={y.id} value={y.id}>{y.label}</option>)}
          </SelectField>
          <TextField label="Name" required hint='For example "Autumn 1"' control={control} name="name" />
          <DateField label="Closes on" required control={control} name="closeDate" hint="dd/mm/yyyy. Returns are due a set number of school days later." />
          <SelectField label="Grade scale" required control={control} name="gradeScaleId">
            <option value="">Choose…</option>
            {(scales.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </SelectField>
        </div>
        {years.data && years.data.length === 0 ? (
          <Text className={pstyles.muted}>Add the academic year first, under <a href="#/settings/years">Settings, Academic years</a>.</Text>
        ) : null}
      </Fieldset>
      <Fieldset legend="A different scale for some year groups">
        <Text className={pstyles.small}>For example KS2 teacher assessment for Years 3 to 6 and the KS3 flight path for Years 7 to 9.</Text>
        {overrides.fields.map((f, i) => (
          <div key={f.id} className={own.overrideRow} role="group" aria-label={`Year-group scale ${i + 1}`}>
            <SelectField label="Year group" control={control} name={`scaleOverrides.${i}.yearGroup`}>
              <option value="">Choose…</option>
              {YEAR_GROUPS.map((y) => <option key={y} value={y}>{yearLong(y)}</option>)}
            </SelectField>
            <SelectField label="Grade scale" control={control} name={`scaleOverrides.${i}.gradeScaleId`}>
              <option value="">Choose…</option>
              {(scales.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </SelectField>
            <Button className={styles.besideFields} onClick={() => overrides.remove(i)} aria-label={`Remove year-group scale ${i + 1}`}>Remove</Button>
          </div>
        ))}
        <div><Button onClick={() => overrides.append({ yearGroup: '', gradeScaleId: '' })}>Add a year-group scale</Button></div>
      </Fieldset>
      <FormAlert title="The window was not saved" messages={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save window'}</Button>
        <Button onClick={() => unsaved.confirmDiscard(() => onDone(null))}>Cancel</Button>
      </div>
    </form>
  );
}
