import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `2px solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { top: tokens.spacingVerticalM },
  },
});

/** The first focusable thing on every screen: jumps past the header and navigation. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const styles = useStyles();
  return (
    <a
      className={styles.link}
      href={`#${target}`}
      onClick={(e) => {
        // Hash links are the router's; move focus by hand instead.
        e.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
