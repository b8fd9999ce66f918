// Education: schools attended, prior attainment, SEN provision and primary need, the EHCP review
// date, transition notes and the careers plan.

import { Button, TableCell, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { EducationHistoryEntry, PriorAttainment } from '../../../api/contract.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import type { TabProps } from '../ChildFile.tsx';
import { Card, Details, primaryNeedText, senText, useChildFileOperation, useChildStyles } from '../common.tsx';
import { DeleteRecordDialog, type PendingDelete } from '../DeleteRecordDialog.tsx';
import { AttainmentDialog, EducationDialog } from '../recordDialogs.tsx';
import { RecordTable } from '../RecordTable.tsx';
import { childrenHref } from '../route.ts';
import { AlertList } from './AlertList.tsx';

const useStyles = makeStyles({ prose: { whiteSpace: 'pre-wrap', margin: 0 } });

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export function EducationTab({ file, onSaved }: TabProps) {
  const styles = useStyles();
  const common = useChildStyles();
  const run = useChildFileOperation();
  const c = file.child;
  const [school, setSchool] = useState<EducationHistoryEntry | 'new' | null>(null);
  const [attainment, setAttainment] = useState<PriorAttainment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const tabAlerts = file.alerts.filter((a) => a.link.tab === 'education');
  const edit = file.editable ? <Button as="a" href={childrenHref.edit(c.id)} size="small">Edit</Button> : null;
  const ehcpDays = c.ehcpReviewDate ? daysBetween(file.asOf, c.ehcpReviewDate) : null;

  return (
    <>
      {tabAlerts.length ? <AlertList alerts={tabAlerts} childId={c.id} currentTab="education" /> : null}
      <Card title="Schools attended" actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setSchool('new')}>Add school</Button> : null}>
        <RecordTable label="Schools attended" headers={['School', 'URN', 'From', 'To', 'Reason for leaving']} rows={file.educationHistory}
          empty="No previous schools recorded."
          cells={(e) => (
            <>
              <TableCell>{e.schoolName}</TableCell>
              <TableCell>{e.schoolUrn ?? '—'}</TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(e.startDate) || '—'}</TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(e.endDate) || '—'}</TableCell>
              <TableCell>{e.reasonForLeaving ?? ''}</TableCell>
            </>
          )}
          actions={file.editable ? {
            name: (e) => e.schoolName,
            onEdit: setSchool,
            onDelete: (e) => setDeleting({
              title: 'Delete this school?', body: `${e.schoolName} will be removed from the education history.`,
              done: 'School removed from the education history.', run: () => run('deleteEducationHistory', { id: e.id }),
            }),
          } : undefined} />
      </Card>

      <Card title="Prior attainment" actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setAttainment('new')}>Add result</Button> : null}>
        <RecordTable label="Prior attainment" headers={['Measure', 'Subject', 'Result', 'Assessed', 'Notes']} rows={file.priorAttainment}
          empty="No prior attainment recorded (KS2 scaled scores, GCSE baselines and so on)."
          cells={(a) => (
            <>
              <TableCell>{a.measure}</TableCell>
              <TableCell>{a.subject ?? '—'}</TableCell>
              <TableCell><strong>{a.result}</strong></TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(a.assessedOn) || '—'}</TableCell>
              <TableCell>{a.notes ?? ''}</TableCell>
            </>
          )}
          actions={file.editable ? {
            name: (a) => `${a.measure} ${a.subject ?? ''}`.trim(),
            onEdit: setAttainment,
            onDelete: (a) => setDeleting({
              title: 'Delete this result?', body: `The ${a.measure}${a.subject ? ` ${a.subject}` : ''} result (${a.result}) will be removed.`,
              done: 'Result deleted.', run: () => run('deletePriorAttainment', { id: a.id }),
            }),
          } : undefined} />
      </Card>

      <div className={common.grid2}>
        <Card title="Special educational needs" actions={edit}>
          <Details items={[
            ['SEN provision', senText(c.senProvision)],
            ['Primary need', c.senProvision === 'N' ? 'Not applicable' : primaryNeedText(c.senPrimaryNeed)],
            ['EHCP annual review', c.senProvision !== 'E' ? 'Not applicable' : c.ehcpReviewDate ? (
              <>
                {formatUkDate(c.ehcpReviewDate)}{' '}
                {ehcpDays !== null && ehcpDays < 0
                  ? <span className={common.bad}>({-ehcpDays} days overdue)</span>
                  : ehcpDays !== null ? <span className={common.muted}>(in {ehcpDays} days)</span> : null}
              </>
            ) : null],
          ]} />
        </Card>
        <Card title="Transition and careers" actions={edit}>
          <Details items={[
            ['Transition notes', c.transitionNotes ? <p className={styles.prose}>{c.transitionNotes}</p> : null],
            ['Careers plan', c.careersPlan ? <p className={styles.prose}>{c.careersPlan}</p> : null],
          ]} />
          {!c.transitionNotes && !c.careersPlan ? <Text size={200} className={common.muted}>Careers plans are expected from Year 8 or 9.</Text> : null}
        </Card>
      </div>

      {school ? <EducationDialog childId={c.id} record={school === 'new' ? null : school} onClose={() => setSchool(null)} onSaved={onSaved} /> : null}
      {attainment ? <AttainmentDialog childId={c.id} record={attainment === 'new' ? null : attainment} onClose={() => setAttainment(null)} onSaved={onSaved} /> : null}
      {deleting ? <DeleteRecordDialog pending={deleting} onClose={() => setDeleting(null)} onDeleted={onSaved} /> : null}
    </>
  );
}
