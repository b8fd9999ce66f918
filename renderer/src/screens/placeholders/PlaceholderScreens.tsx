// Areas still being built say so plainly.

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Area } from '../../app/router.ts';
import { Heading } from '../../components/Heading.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
});

// Areas drop out of this list as they are built (an area not listed says only that it is being built).
const COMING: Partial<Record<Area, { title: string; what: string }>> = {
};

export function PlaceholderScreen({ area }: { area: Area }) {
  const styles = useStyles();
  const info = COMING[area] ?? { title: area.charAt(0).toUpperCase() + area.slice(1), what: null };
  return (
    <div className={styles.page}>
      <Heading focusOnMount key={area}>{info.title}</Heading>
      <Text>This area is being built.{info.what ? ` It will hold ${info.what}` : ''}</Text>
    </div>
  );
}
