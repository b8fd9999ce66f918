// Overview: a photo-free summary of the child, their open alerts, the next PEP and recent activity.

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatUkDate, formatUkDateTime } from '../../../lib/dates.ts';
import type { TabProps } from '../ChildFile.tsx';
import {
  Card, Details, Empty, formatPercent, legalStatusText, placArrangementText, placementTypeText, primaryNeedText, senText, statusLabel,
  useChildStyles,
} from '../common.tsx';
import { AlertList } from './AlertList.tsx';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: '1fr' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  activity: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  activityItem: {
    display: 'grid',
    gridTemplateColumns: '140px 1fr',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export function OverviewTab({ file }: TabProps) {
  const styles = useStyles();
  const common = useChildStyles();
  const c = file.child;
  const p = file.placements.current;
  const att = file.attendance;
  const la = file.localAuthority;
  return (
    <div className={styles.layout}>
      <div className={styles.column}>
        <Card title="Summary">
          <Details items={[
            ['Preferred name', c.preferredName ?? `${c.legalFirstName} (no other preferred name)`],
            ['Year group', `${c.yearGroupLabel}${c.yearGroupOffset ? ` (taught ${Math.abs(c.yearGroupOffset)} ${Math.abs(c.yearGroupOffset) === 1 ? 'year' : 'years'} ${c.yearGroupOffset < 0 ? 'below' : 'above'} their age)` : ''}`],
            ['Responsible LA', la ? la.name : null],
            ['Status', statusLabel(c.status)],
            c.status === 'CLA' ? ['Legal status', legalStatusText(c.legalStatus)] : ['Left care by', placArrangementText(c.placArrangement)],
            ['Placement', p ? `${placementTypeText(p.placementType)}${p.carerName ? `, with ${p.carerName}` : ''}, since ${formatUkDate(p.startDate)}` : null],
            ['Social worker', c.socialWorkerName ? `${c.socialWorkerName}${c.socialWorkerPhone ? `, ${c.socialWorkerPhone}` : ''}` : null],
            ['Key adult', c.keyAdult],
            ['Education Support Worker', c.eswName],
            ['SEN', `${senText(c.senProvision)}${c.senPrimaryNeed ? `; primary need ${primaryNeedText(c.senPrimaryNeed)}` : ''}`],
            ['PP+', c.ppPlusEligible ? 'Eligible for Pupil Premium Plus' : 'Not eligible'],
            ['Attendance', att.yearToDatePercent === null ? null : `${formatPercent(att.yearToDatePercent)} this school year${att.latest ? ` (latest period ${formatPercent(att.latest.percent)})` : ''}`],
          ]} />
        </Card>
        <Card title="Recent activity">
          {file.recentActivity.length === 0 ? <Empty>Nothing recorded yet.</Empty> : (
            <ul className={styles.activity}>
              {file.recentActivity.map((a, i) => (
                <li key={`${a.at}-${i}`} className={styles.activityItem}>
                  <Text className={common.muted}>{formatUkDateTime(a.at)}</Text>
                  <Text>{a.description}{a.userName ? ` by ${a.userName}` : ''}</Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <div className={styles.column}>
        <Card title={`Alerts (${file.alerts.length})`} id="overview-alerts">
          {file.alerts.length === 0
            ? <Empty>No open alerts.</Empty>
            : <AlertList alerts={file.alerts} childId={c.id} currentTab="overview" />}
        </Card>
        <Card title="Next PEP">
          {file.nextPepDue ? (
            <>
              <Text className={styles.big}>Due {formatUkDate(file.nextPepDue.date)}</Text>
              <Text>{file.nextPepDue.reason}</Text>
            </>
          ) : <Text>Not yet scheduled.</Text>}
        </Card>
      </div>
    </div>
  );
}
