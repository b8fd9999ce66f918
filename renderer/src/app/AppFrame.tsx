// The unlocked app: header (school, Lock), left navigation, the current area, and the status bar.

import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { AppStatus } from '../api/contract.ts';
import { call } from '../api/client.ts';
import { setStatus } from '../api/queries.ts';
import { SkipLink } from '../components/SkipLink.tsx';
import { ChildrenArea } from '../screens/children/ChildrenArea.tsx';
import { ProgressScreen } from '../screens/progress/ProgressScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import { PlaceholderScreen } from '../screens/placeholders/PlaceholderScreens.tsx';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen.tsx';
import { InterventionsArea } from '../screens/interventions/InterventionsArea.tsx';
import { RisksArea } from '../screens/risks/RisksArea.tsx';
import { PepsArea } from '../screens/peps/PepsArea.tsx';
import { ReportsArea } from '../screens/reports/ReportsArea.tsx';
import { AREAS, hrefFor, useRoute } from './router.ts';
import { StatusBar } from './StatusBar.tsx';
import { UnsavedChangesDialog } from './unsavedChanges.tsx';

const useStyles = makeStyles({
  frame: { height: '100vh', display: 'grid', gridTemplateRows: 'auto auto 1fr auto', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  appName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, whiteSpace: 'nowrap' },
  school: { fontSize: tokens.fontSizeBase400, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sep: {},
  spacer: { flex: 1 },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr', minHeight: 0 },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    overflowY: 'auto',
  },
  navList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  navLink: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    fontSize: tokens.fontSizeBase300,
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  navCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  main: {
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    ':focus': { outline: 'none' },
  },
  lockButton: { minWidth: 'auto', border: `1px solid ${tokens.colorNeutralForegroundOnBrand}` },
  shortcut: { fontSize: tokens.fontSizeBase200 },
});

export function AppFrame({ status }: { status: AppStatus }) {
  const styles = useStyles();
  const qc = useQueryClient();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);

  const lock = async () => {
    try {
      setStatus(qc, await call('lock', {}));
    } catch {
      await qc.invalidateQueries({ queryKey: ['status'] });
    }
  };

  // Ctrl+L locks from anywhere (also Cmd+L on a Mac).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const leaveDemo = async () => {
    setStatus(qc, await call('useMainRegister', {}));
  };

  const area = AREAS.find((a) => a.id === route.area)!;
  return (
    <div className={styles.frame}>
      <SkipLink />
      <header className={styles.header}>
        <span className={styles.appName}>CiC Register</span>
        <span className={styles.sep} aria-hidden="true">|</span>
        <span className={styles.school} data-testid="school-name">{status.schoolName}</span>
        <span className={styles.spacer} />
        <span className={styles.shortcut} aria-hidden="true">Ctrl+L</span>
        <Button appearance="primary" className={styles.lockButton} onClick={lock} aria-keyshortcuts="Control+L">
          Lock
        </Button>
      </header>
      <div>
        {status.isDemo ? (
          <MessageBar intent="warning">
            <MessageBarBody>You are exploring the demo register. Everything in it is fictitious.</MessageBarBody>
            <MessageBarActions><Button size="small" onClick={leaveDemo}>Leave the demo</Button></MessageBarActions>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Main">
          <ul className={styles.navList}>
            {AREAS.map((a) => (
              <li key={a.id}>
                <a
                  href={hrefFor(a.id)}
                  className={mergeClasses(styles.navLink, a.id === route.area && styles.navCurrent)}
                  aria-current={a.id === route.area ? 'page' : undefined}
                >
                  {a.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main} aria-label={area.label}>
          {route.area === 'settings'
            ? <SettingsScreen status={status} section={route.sub} />
            : route.area === 'dashboard'
              ? <DashboardScreen status={status} />
              : route.area === 'children'
                ? <ChildrenArea status={status} />
                : route.area === 'progress'
                  ? <ProgressScreen status={status} />
                  : route.area === 'interventions'
                    ? <InterventionsArea status={status} />
                    : route.area === 'risks'
                      ? <RisksArea />
                      : route.area === 'peps'
                        ? <PepsArea status={status} />
                        : route.area === 'reports'
                          ? <ReportsArea status={status} />
                          : <PlaceholderScreen area={route.area} />}
        </main>
      </div>
      <StatusBar status={status} />
      <UnsavedChangesDialog />
    </div>
  );
}
