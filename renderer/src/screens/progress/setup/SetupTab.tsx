// Set-up for progress returns: subjects, teachers, each child's timetable, the SLA, external
// providers and their session reports, and grade scales. Each section has its own address
// (#/progress/setup/teachers, ...).

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Heading } from '../../../components/Heading.tsx';
import { progressHref } from '../route.ts';
import { GradeScalesSection } from './GradeScalesSection.tsx';
import { ProvidersSection } from './ProvidersSection.tsx';
import { SlaSection } from './SlaSection.tsx';
import { SubjectsSection } from './SubjectsSection.tsx';
import { TeachersSection } from './TeachersSection.tsx';
import { TimetableSection } from './TimetableSection.tsx';

export const SETUP_SECTIONS = [
  { id: 'subjects', label: 'Subjects' },
  { id: 'teachers', label: 'Teachers' },
  { id: 'timetables', label: 'Timetables' },
  { id: 'sla', label: 'Service level agreement' },
  { id: 'providers', label: 'External providers' },
  { id: 'scales', label: 'Grade scales' },
] as const;
type SectionId = (typeof SETUP_SECTIONS)[number]['id'];

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '200px 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

export function SetupTab({ section }: { section: string | null }) {
  const styles = useStyles();
  const current: SectionId = SETUP_SECTIONS.find((s) => s.id === section)?.id ?? 'subjects';
  const label = SETUP_SECTIONS.find((s) => s.id === current)!.label;
  return (
    <div className={styles.layout}>
      <nav aria-label="Set-up sections">
        <ul className={styles.list}>
          {SETUP_SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={progressHref('setup', s.id)} className={mergeClasses(styles.link, s.id === current && styles.current)}
                aria-current={s.id === current ? 'page' : undefined}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className={styles.panel} aria-labelledby="setup-heading" data-testid="setup-section" key={current}>
        <Heading level={3} id="setup-heading">{label}</Heading>
        {current === 'subjects' && <SubjectsSection />}
        {current === 'teachers' && <TeachersSection />}
        {current === 'timetables' && <TimetableSection />}
        {current === 'sla' && <SlaSection />}
        {current === 'providers' && <ProvidersSection />}
        {current === 'scales' && <GradeScalesSection />}
      </section>
    </div>
  );
}
