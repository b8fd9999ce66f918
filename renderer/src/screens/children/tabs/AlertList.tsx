// A child's open alerts (derived by the register, never stored), most urgent first, each linking to
// where it is dealt with: a tab of the child's file, or another area (PEPs, progress, interventions).

import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ChildTab, RegisterAlert } from '../../../api/contract.ts';
import { alertAction, alertHref } from '../../../lib/alertLinks.ts';
import { childrenHref, TABS } from '../route.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const ORDER = { urgent: 0, warning: 1, info: 2 } as const;
const INTENT = { urgent: 'error', warning: 'warning', info: 'info' } as const;

export function AlertList({ alerts, childId, currentTab }: { alerts: RegisterAlert[]; childId: number; currentTab: ChildTab }) {
  const styles = useStyles();
  const sorted = [...alerts].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.since.localeCompare(b.since));
  return (
    <ul className={styles.list} aria-label="Alerts">
      {sorted.map((a) => (
        <li key={a.key}>
          <MessageBar intent={INTENT[a.severity]} layout="multiline" data-testid="child-alert" data-alert-kind={a.kind}>
            <MessageBarBody>
              <MessageBarTitle>{a.title}.</MessageBarTitle>
              {a.reason}
              {(() => {
                const childTab = a.link.area === 'children' ? TABS.find((t) => t.id === a.link.tab) : undefined;
                if (childTab) return childTab.id === currentTab ? null : <> <Link href={childrenHref.file(childId, childTab.id)}>Go to {childTab.label}</Link></>;
                return <> <Link href={alertHref(a.link)}>{alertAction(a.link)}</Link></>;
              })()}
            </MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
