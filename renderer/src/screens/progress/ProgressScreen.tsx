// Progress: termly returns from subject teachers, their completion, the meeting summary, each
// child's grades across windows, chase letters, the windows themselves and the set-up. Each tab
// has its own address (#/progress/returns/7, #/progress/setup/teachers, ...).

import { makeStyles, tokens } from '@fluentui/react-components';
import type { AppStatus } from '../../api/contract.ts';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { ChaseTab } from './ChaseTab.tsx';
import { ChildProgressTab } from './ChildProgressTab.tsx';
import { CompletionTab } from './CompletionTab.tsx';
import { ReturnsTab } from './ReturnsTab.tsx';
import { progressHref, TABS, useProgressRoute } from './route.ts';
import { SetupTab } from './setup/SetupTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';
import { WindowsTab } from './WindowsTab.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, ':focus': { outline: 'none' } },
});

const TITLES: Record<(typeof TABS)[number]['id'], string> = {
  returns: 'Progress returns',
  completion: 'Completion',
  summary: 'Summary for the progress support meeting',
  child: 'Child progress',
  chase: 'Chase letters',
  windows: 'Assessment windows',
  setup: 'Set-up',
};

export function ProgressScreen({ status }: { status: AppStatus }) {
  const styles = useStyles();
  const { tab, param } = useProgressRoute();
  return (
    <div className={styles.page}>
      <Heading focusOnMount>Progress</Heading>
      <SectionTabs label="Progress sections" current={tab} tabs={TABS.map((t) => ({ ...t, href: progressHref(t.id) }))} />
      <section aria-labelledby="progress-section-heading" data-testid="progress-section" className={styles.panel} key={tab}>
        <Heading level={2} id="progress-section-heading">{TITLES[tab]}</Heading>
        {tab === 'returns' && <ReturnsTab status={status} param={param} />}
        {tab === 'completion' && <CompletionTab status={status} param={param} />}
        {tab === 'summary' && <SummaryTab status={status} param={param} />}
        {tab === 'child' && <ChildProgressTab param={param} />}
        {tab === 'chase' && <ChaseTab status={status} />}
        {tab === 'windows' && <WindowsTab />}
        {tab === 'setup' && <SetupTab section={param} />}
      </section>
    </div>
  );
}
