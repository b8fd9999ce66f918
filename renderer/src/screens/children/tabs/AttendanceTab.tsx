// Attendance and exclusions: attendance per period with percentages, a trend chart and the school's
// thresholds (from Settings) highlighted; suspensions and exclusions with the dates the Virtual
// School and social worker were told, the paperwork sent, and the reintegration meeting.

import {
  Badge, Button, TableCell, Text, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AttendancePeriod, Exclusion } from '../../../api/contract.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import { AttendanceChart } from '../AttendanceChart.tsx';
import type { TabProps } from '../ChildFile.tsx';
import { Card, formatPercent, useChildFileOperation, useChildStyles } from '../common.tsx';
import { DeleteRecordDialog, type PendingDelete } from '../DeleteRecordDialog.tsx';
import { AttendanceDialog, ExclusionDialog } from '../recordDialogs.tsx';
import { RecordTable } from '../RecordTable.tsx';
import { AlertList } from './AlertList.tsx';

const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column' },
  figureValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  rowLow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  rowVeryLow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  pct: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', whiteSpace: 'nowrap' },
  legend: { color: tokens.colorNeutralForeground2 },
});

function BandBadge({ band }: { band: AttendancePeriod['band'] }) {
  if (band === 'pep-review') return <Badge appearance="filled" color="danger" size="small">PEP review</Badge>;
  if (band === 'action-plan') return <Badge appearance="filled" color="warning" size="small">Action plan</Badge>;
  return null;
}

function InformedCell({ on, late, what }: { on: string | null; late: boolean; what: string }) {
  const common = useChildStyles();
  if (!on) return <Badge appearance="filled" color="danger" data-testid={`${what}-not-informed`}>Not yet</Badge>;
  return <span className={common.nowrap}>{formatUkDate(on)}{late ? <> <Badge appearance="tint" color="warning" size="small">Late</Badge></> : null}</span>;
}

export function AttendanceTab({ file, onSaved }: TabProps) {
  const styles = useStyles();
  const common = useChildStyles();
  const run = useChildFileOperation();
  const c = file.child;
  const att = file.attendance;
  const exc = file.exclusions;
  const t = att.thresholds;
  const [period, setPeriod] = useState<AttendancePeriod | 'new' | null>(null);
  const [exclusion, setExclusion] = useState<Exclusion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const tabAlerts = file.alerts.filter((a) => a.link.tab === 'attendance');
  const newestFirst = [...att.periods].reverse();
  const bandClass = (b: AttendancePeriod['band'] | null | undefined) => (b === 'pep-review' ? common.bad : b === 'action-plan' ? common.warn : undefined);

  return (
    <>
      {tabAlerts.length ? <AlertList alerts={tabAlerts} childId={c.id} currentTab="attendance" /> : null}
      <Card title="Attendance" actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setPeriod('new')}>Add attendance</Button> : null}>
        {att.periods.length === 0 ? null : <div className={styles.figures}>
          <div className={styles.figure}>
            <Text className={common.muted}>This school year</Text>
            <Text className={mergeClasses(styles.figureValue, bandClass(att.yearToDatePercent === null ? null
              : att.yearToDatePercent < t.pepReviewPercent ? 'pep-review' : att.yearToDatePercent <= t.actionPlanPercent ? 'action-plan' : 'ok'))}
              data-testid="attendance-year">
              {att.yearToDatePercent === null ? '—' : formatPercent(att.yearToDatePercent)}
            </Text>
          </div>
          <div className={styles.figure}>
            <Text className={common.muted}>Latest period</Text>
            <Text className={mergeClasses(styles.figureValue, bandClass(att.latest?.band))} data-testid="attendance-latest">
              {att.latest ? formatPercent(att.latest.percent) : '—'}
            </Text>
            {att.latest ? <Text size={200} className={common.muted}>{formatUkDate(att.latest.periodStart)} to {formatUkDate(att.latest.periodEnd)}</Text> : null}
          </div>
        </div>}
        <Text size={200} className={styles.legend}>
          At or below {t.actionPlanPercent}%: an attendance action plan. Below {t.pepReviewPercent}%: review the PEP. (Thresholds from Settings.)
        </Text>
        {att.periods.length > 1 ? <AttendanceChart periods={att.periods} actionPlan={t.actionPlanPercent} pepReview={t.pepReviewPercent} /> : null}
        <RecordTable label="Attendance by period, newest first"
          headers={['Period', 'Possible', 'Present', 'Authorised absence', 'Unauthorised absence', 'Attendance', 'Source']} rows={newestFirst}
          empty="No attendance recorded yet. Add a period, or import the attendance summary from the MIS."
          rowProps={(p) => ({
            'data-testid': 'attendance-row', 'data-band': p.band ?? '',
            className: p.band === 'pep-review' ? styles.rowVeryLow : p.band === 'action-plan' ? styles.rowLow : undefined,
          })}
          cells={(p) => (
            <>
              <TableCell className={common.nowrap}>{formatUkDate(p.periodStart)} to {formatUkDate(p.periodEnd)}</TableCell>
              <TableCell>{p.possibleSessions}</TableCell>
              <TableCell>{p.presentSessions}</TableCell>
              <TableCell>{p.authorisedAbsence}</TableCell>
              <TableCell>{p.unauthorisedAbsence}</TableCell>
              <TableCell>
                <span className={mergeClasses(styles.pct, bandClass(p.band))}>{p.percent === null ? '—' : formatPercent(p.percent)} <BandBadge band={p.band} /></span>
              </TableCell>
              <TableCell>{p.source === 'import' ? 'MIS import' : p.source === 'manual' ? 'Entered' : p.source === 'demo' ? 'Demo' : p.source}</TableCell>
            </>
          )}
          actions={file.editable ? {
            name: (p) => `attendance from ${formatUkDate(p.periodStart)}`,
            onEdit: setPeriod,
            onDelete: (p) => setDeleting({
              title: 'Delete this attendance period?',
              body: `Attendance from ${formatUkDate(p.periodStart)} to ${formatUkDate(p.periodEnd)} will be removed.`,
              done: 'Attendance period deleted.', run: () => run('deleteAttendancePeriod', { id: p.id }),
            }),
          } : undefined} />
      </Card>

      <Card title="Suspensions and exclusions"
        actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setExclusion('new')}>Record a suspension</Button> : null}>
        <Text>
          Suspension days this school year: <strong data-testid="suspension-days">{exc.suspensionDaysThisYear}</strong> of the legal maximum of 45.
          Tell the Virtual School and the social worker on the day; send the paperwork within 48 hours.
        </Text>
        <RecordTable label="Suspensions and exclusions, newest first"
          headers={['Type', 'Dates', 'Days', 'Reason', 'Virtual School told', 'Social worker told', 'Paperwork sent', 'Reintegration meeting']} rows={exc.items}
          empty="No suspensions or exclusions recorded." rowProps={() => ({ 'data-testid': 'exclusion-row' })}
          cells={(e) => (
            <>
              <TableCell>{e.kind === 'SUSP' ? 'Suspension' : <strong>Permanent exclusion</strong>}</TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(e.startDate)}{e.endDate && e.endDate !== e.startDate ? ` to ${formatUkDate(e.endDate)}` : ''}</TableCell>
              <TableCell>{e.schoolDays}</TableCell>
              <TableCell>{e.reason ?? ''}</TableCell>
              <TableCell><InformedCell on={e.vsInformedOn} late={e.vsInformedLate} what="vs" /></TableCell>
              <TableCell><InformedCell on={e.socialWorkerInformedOn} late={e.socialWorkerInformedLate} what="social-worker" /></TableCell>
              <TableCell>
                {e.paperworkSentOn
                  ? <span className={common.nowrap}>{formatUkDate(e.paperworkSentOn)}{e.paperworkLate ? <> <Badge appearance="tint" color="warning" size="small">Late</Badge></> : null}</span>
                  : <span className={mergeClasses(common.nowrap, e.paperworkDueBy < file.asOf ? common.bad : undefined)}>Due by {formatUkDate(e.paperworkDueBy)}</span>}
              </TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(e.reintegrationMeetingOn) || <span className={common.muted}>Not yet</span>}</TableCell>
            </>
          )}
          actions={file.editable ? {
            name: (e) => `suspension from ${formatUkDate(e.startDate)}`,
            onEdit: setExclusion,
            onDelete: (e) => setDeleting({
              title: 'Delete this record?',
              body: `The ${e.kind === 'SUSP' ? 'suspension' : 'permanent exclusion'} from ${formatUkDate(e.startDate)} will be removed.`,
              done: 'Suspension deleted.', run: () => run('deleteExclusion', { id: e.id }),
            }),
          } : undefined} />
      </Card>

      {period ? <AttendanceDialog childId={c.id} record={period === 'new' ? null : period} onClose={() => setPeriod(null)} onSaved={onSaved} /> : null}
      {exclusion ? <ExclusionDialog childId={c.id} record={exclusion === 'new' ? null : exclusion} onClose={() => setExclusion(null)} onSaved={onSaved} /> : null}
      {deleting ? <DeleteRecordDialog pending={deleting} onClose={() => setDeleting(null)} onDeleted={onSaved} /> : null}
    </>
  );
}
