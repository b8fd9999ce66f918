// The frame for screens shown while the register is locked or absent (first run, unlock,
// recovery): the app's name, then one card holding the screen's heading and form.

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SkipLink } from './SkipLink.tsx';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  banner: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  appName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  main: {
    flex: 1,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    ':focus': { outline: 'none' },
  },
  card: {
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
});

export function LockedLayout({ children, width = 560, footer }: { children: ReactNode; width?: number; footer?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <SkipLink />
      <header className={styles.banner}>
        <span className={styles.appName}>CiC Register</span>
        <Text size={200}>Children in care: the Designated Teacher&rsquo;s register</Text>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.card} style={{ maxWidth: width }}>{children}</div>
      </main>
      <footer className={styles.footer}>
        <Text size={200}>{footer ?? 'OFFICIAL-SENSITIVE. The register is encrypted on this computer.'}</Text>
      </footer>
    </div>
  );
}
