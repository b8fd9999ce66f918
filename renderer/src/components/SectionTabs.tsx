// Sections of a screen as links styled as tabs: each section has its own address, so it can be
// bookmarked and linked to; the current one has aria-current="page".

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  tabs: {
    display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    fontSize: tokens.fontSizeBase300,
    borderBottom: '3px solid transparent',
    marginBottom: '-1px',
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `3px solid ${tokens.colorCompoundBrandStroke}` },
});

export function SectionTabs({ label, tabs, current }: { label: string; tabs: readonly { id: string; label: ReactNode; href: string }[]; current: string }) {
  const styles = useStyles();
  return (
    <nav aria-label={label}>
      <ul className={styles.tabs}>
        {tabs.map((t) => (
          <li key={t.id}>
            <a href={t.href} className={mergeClasses(styles.tab, t.id === current && styles.current)} aria-current={t.id === current ? 'page' : undefined}>{t.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
