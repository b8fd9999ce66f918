// Areas still being built say so plainly; the dashboard points to the set-up steps that work now.

import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AppStatus } from '../../api/contract.ts';
import { hrefFor, type Area } from '../../app/router.ts';
import { Heading } from '../../components/Heading.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  steps: { margin: 0, paddingInlineStart: '1.4em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const COMING: Record<Exclude<Area, 'dashboard' | 'settings'>, { title: string; what: string }> = {
  children: { title: 'Children', what: 'the register of children in care and previously looked-after children: placements, social workers, SEN and EHCPs, attendance and exclusions.' },
  progress: { title: 'Progress', what: 'termly progress returns from subject teachers, with due dates, chasing and escalation.' },
  interventions: { title: 'Interventions', what: 'tutoring and other interventions, their cost and funding (PP+, school, Virtual School) and their impact.' },
  peps: { title: 'PEPs', what: 'Personal Education Plans for each child each term, with SMART targets and PEP drafts to send to the Virtual School.' },
  risks: { title: 'Risks', what: 'the Designated Teacher\u2019s risk register, with owners, mitigations and review dates.' },
  reports: { title: 'Reports', what: 'the annual report to governors (anonymised) and SLA chase letters.' },
};

export function PlaceholderScreen({ area }: { area: Exclude<Area, 'dashboard' | 'settings'> }) {
  const styles = useStyles();
  const info = COMING[area];
  return (
    <div className={styles.page}>
      <Heading focusOnMount key={area}>{info.title}</Heading>
      <Text>This area is being built. It will hold {info.what}</Text>
    </div>
  );
}

export function DashboardScreen({ status }: { status: AppStatus }) {
  const styles = useStyles();
  const isDt = status.session?.role === 'dt';
  return (
    <div className={styles.page}>
      <Heading focusOnMount>Dashboard</Heading>
      <Text>
        Alerts (PEPs due, attendance below threshold, returns overdue) will appear here as those areas are built.
        For now, set the register up:
      </Text>
      <ol className={styles.steps}>
        <li><Link href={hrefFor('settings', 'school')}>Check the school details and alert thresholds</Link></li>
        <li><Link href={hrefFor('settings', 'years')}>Add this academic year&rsquo;s term dates and INSET days</Link></li>
        <li><Link href={hrefFor('settings', 'las')}>Add the Virtual Schools of the local authorities you work with</Link></li>
        {isDt ? <li><Link href={hrefFor('settings', 'users')}>Add your deputy (usually the SENDCo)</Link></li> : null}
        <li><Link href={hrefFor('settings', 'backups')}>Make a first backup</Link></li>
      </ol>
    </div>
  );
}
