import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AppStatus } from '../api/contract.ts';
import { formatUkDateTime } from '../lib/dates.ts';
import { roleLabel } from '../lib/roles.ts';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXL}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  spacer: { flex: 1 },
});

/** Who is signed in, when the register was last backed up, and which file is open. */
export function StatusBar({ status }: { status: AppStatus }) {
  const styles = useStyles();
  const session = status.session;
  return (
    <footer className={styles.bar} aria-label="Status">
      <Text size={200} data-testid="signed-in">
        Signed in: <strong>{session?.name ?? 'Unknown'}</strong> ({roleLabel(session?.role)})
      </Text>
      <Text size={200} data-testid="last-backup">
        Last backed up: <strong>{status.lastBackupAt ? formatUkDateTime(status.lastBackupAt) : 'Not backed up yet'}</strong>
      </Text>
      <span className={styles.spacer} />
      <Text size={200}>
        {status.isDemo ? 'Demo register (fictitious data)' : `Register: ${status.registerName}`} · Locks after {status.autoLockMinutes} min idle
      </Text>
    </footer>
  );
}
