// Completion of one window: the rate by teacher and by subject (bars with the figures in text),
// and each teacher's checklist of what is still outstanding.

import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AppStatus, CompletionRow, TeacherChecklist } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { QueryState } from '../settings/common.tsx';
import { CompletionSummary, NoWindows, defaultWindow, plural, RateBar, StatusBadge, useProgressStyles, windowLabel, WindowPicker, yearShort } from './common.tsx';
import { useTeacherChecklist, useWindowCompletion, useWindows } from './queries.ts';
import { goProgress, idParam, progressHref } from './route.ts';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  headerText: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'baseline', flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  accordion: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingVerticalXS },
});

export function CompletionTab({ status, param }: { status: AppStatus; param: string | null }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const windows = useWindows();
  const windowId = idParam(param) ?? (windows.data ? defaultWindow(windows.data)?.id ?? null : null);
  const completion = useWindowCompletion(windowId);
  const checklist = useTeacherChecklist(windowId);
  const win = windows.data?.find((w) => w.id === windowId);
  return (
    <QueryState loading={windows.isPending} error={windows.error} what="assessment windows">
      {windows.data?.length === 0 ? <NoWindows /> : null}
      <div className={styles.stack}>
        <div className={styles.toolbar}>
          <WindowPicker windows={windows.data ?? []} value={windowId} onChange={(id) => goProgress('completion', id)} />
          {win ? <Button as="a" href={progressHref('returns', win.id)}>Open the returns grid</Button> : null}
        </div>
        <QueryState loading={completion.isPending && windowId !== null} error={completion.error} what="completion">
          {completion.data && win ? (
            <>
              <CompletionSummary completion={completion.data.total} label={`Completion of ${windowLabel(win)}`} />
              <div className={own.columns}>
                <BarList title="By teacher" rows={completion.data.byTeacher} empty="No returns requested yet." />
                <BarList title="By subject" rows={completion.data.bySubject} empty="No returns requested yet." />
              </div>
            </>
          ) : null}
        </QueryState>
        <section className={styles.stack} aria-labelledby="checklist-heading">
          <h3 id="checklist-heading" className={styles.h3}>Outstanding by teacher</h3>
          <QueryState loading={checklist.isPending && windowId !== null} error={checklist.error} what="teachers' checklists">
            {checklist.data && win ? <Checklists status={status} windowId={win.id} lists={checklist.data} /> : null}
          </QueryState>
        </section>
      </div>
    </QueryState>
  );
}

function BarList({ title, rows, empty }: { title: string; rows: CompletionRow[]; empty: string }) {
  const styles = useProgressStyles();
  const own = useStyles();
  return (
    <section className={styles.card} aria-label={`Completion ${title.toLowerCase()}`}>
      <h3 className={styles.h3}>{title}</h3>
      {rows.length === 0 ? <Text className={styles.muted}>{empty}</Text> : (
        <div role="list" className={own.bars}>
          {rows.map((r) => <RateBar key={`${r.id}-${r.name}`} name={r.name} row={r} />)}
        </div>
      )}
    </section>
  );
}

function Checklists({ status, windowId, lists }: { status: AppStatus; windowId: number; lists: TeacherChecklist[] }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const [error, setError] = useState<string | null>(null);
  const outstanding = lists.filter((l) => l.outstanding > 0);
  if (outstanding.length === 0) return <Text>Every requested return has been received.</Text>;
  const template = async (teacherId: number) => {
    setError(null);
    try {
      await saveExportedFiles([await call('returnsCsvTemplate', { windowId, teacherId })], status.shell);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <FormAlert messages={error} />
      <Accordion multiple collapsible className={own.accordion}>
        {outstanding.map((l) => (
          <AccordionItem key={l.teacherId} value={l.teacherId}>
            <AccordionHeader>
              <span className={own.headerText}>
                <strong>{l.teacherName}</strong>
                <span className={styles.small}>{plural(l.outstanding, 'return')} outstanding{l.overdue ? `, ${l.overdue} overdue` : ''}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <div className={own.panel}>
                <Table size="small" aria-label={`Outstanding returns for ${l.teacherName}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Child</TableHeaderCell>
                      <TableHeaderCell>Subject</TableHeaderCell>
                      <TableHeaderCell>Class</TableHeaderCell>
                      <TableHeaderCell>Due</TableHeaderCell>
                      <TableHeaderCell>Overdue</TableHeaderCell>
                      <TableHeaderCell>Status</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {l.items.map((i) => (
                      <TableRow key={i.returnId}>
                        <TableCell>{i.childName} ({yearShort(i.yearGroup)})</TableCell>
                        <TableCell>{i.subjectName}</TableCell>
                        <TableCell>{i.classCode ?? '—'}</TableCell>
                        <TableCell>{formatUkDate(i.dueOn)}</TableCell>
                        <TableCell>{i.schoolDaysOverdue ? plural(i.schoolDaysOverdue, 'school day') : '—'}</TableCell>
                        <TableCell><StatusBadge status={i.status} /></TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <div>
                  <Button size="small" onClick={() => void template(l.teacherId)}>Download CSV template for {l.teacherName}</Button>
                  {l.email ? <Text className={styles.small}> Email: {l.email}</Text> : null}
                </div>
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}
