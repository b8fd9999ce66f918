import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  h1: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  focusable: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

// The first screen after the app loads leaves focus where the browser puts it (so Tab reaches the
// skip link first); headings of later screens take focus so screen readers announce the change.
let appJustLoaded = true;

/** A screen's heading. With focusOnMount it takes focus when the screen appears, so screen readers announce it. */
export function Heading({ level = 1, children, focusOnMount = false, id }: { level?: 1 | 2 | 3; children: ReactNode; focusOnMount?: boolean; id?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnMount) return;
    if (appJustLoaded) {
      appJustLoaded = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [focusOnMount]);
  const Tag = `h${level}` as const;
  return (
    <Tag ref={ref} id={id} tabIndex={focusOnMount ? -1 : undefined} className={mergeClasses(styles[`h${level}`], styles.focusable)}>
      {children}
    </Tag>
  );
}
