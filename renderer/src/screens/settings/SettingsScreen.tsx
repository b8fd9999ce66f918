// Settings: one tab per section, each with its own route (#/settings/users, ...).

import { makeStyles, tokens } from '@fluentui/react-components';
import type { AppStatus } from '../../api/contract.ts';
import { hrefFor } from '../../app/router.ts';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { AcademicYearsSection } from './AcademicYearsSection.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { LocalAuthoritiesSection } from './LocalAuthoritiesSection.tsx';
import { SchoolDetailsSection } from './SchoolDetailsSection.tsx';
import { SecuritySection } from './SecuritySection.tsx';
import { UsersSection } from './UsersSection.tsx';

export const SECTIONS = [
  { id: 'school', label: 'School details' },
  { id: 'users', label: 'Users' },
  { id: 'years', label: 'Academic years' },
  { id: 'las', label: 'Local authorities' },
  { id: 'backups', label: 'Backups' },
  { id: 'security', label: 'Security' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1040px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, ':focus': { outline: 'none' } },
});

export function SettingsScreen({ status, section }: { status: AppStatus; section: string | null }) {
  const styles = useStyles();
  const current: SectionId = SECTIONS.find((s) => s.id === section)?.id ?? 'school';
  const label = SECTIONS.find((s) => s.id === current)!.label;
  return (
    <div className={styles.page}>
      <Heading focusOnMount>Settings</Heading>
      {/* Sections are links (each has its own address), styled as tabs. */}
      <SectionTabs label="Settings sections" current={current} tabs={SECTIONS.map((s) => ({ ...s, href: hrefFor('settings', s.id) }))} />
      <section aria-labelledby="settings-section-heading" data-testid="settings-section" className={styles.panel} key={current}>
        <Heading level={2} id="settings-section-heading">{label}</Heading>
        {current === 'school' && <SchoolDetailsSection />}
        {current === 'users' && <UsersSection status={status} />}
        {current === 'years' && <AcademicYearsSection />}
        {current === 'las' && <LocalAuthoritiesSection />}
        {current === 'backups' && <BackupsSection status={status} />}
        {current === 'security' && <SecuritySection />}
      </section>
    </div>
  );
}
