// Voice: the log of Education Support Worker sessions and other conversations with the child (wishes
// and feelings, concerns raised, actions agreed), with the gap since the last ESW session.

import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { VOICE_KINDS, type VoiceEntry } from '../../../api/contract.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import type { TabProps } from '../ChildFile.tsx';
import { Card, Details, Empty, plural, useChildFileOperation, useChildStyles } from '../common.tsx';
import { DeleteRecordDialog, type PendingDelete } from '../DeleteRecordDialog.tsx';
import { VoiceDialog } from '../recordDialogs.tsx';
import { RecordActions } from '../RecordTable.tsx';
import { AlertList } from './AlertList.tsx';

const useStyles = makeStyles({
  log: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  entryOther: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  entryHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  entryTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  prose: { whiteSpace: 'pre-wrap', margin: 0 },
});

/** Entries shown at first, newest first; the rest on request. */
const SHOWN = 12;

export function VoiceTab({ file, onSaved }: TabProps) {
  const styles = useStyles();
  const common = useChildStyles();
  const run = useChildFileOperation();
  const c = file.child;
  const v = file.voice;
  const [editing, setEditing] = useState<VoiceEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const [showAll, setShowAll] = useState(false);
  const tabAlerts = file.alerts.filter((a) => a.link.tab === 'voice');
  const limitDays = v.eswSessionWeeks * 7;

  return (
    <>
      {tabAlerts.length ? <AlertList alerts={tabAlerts} childId={c.id} currentTab="voice" /> : null}
      <Card title="Voice log" actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setEditing('new')}>Add entry</Button> : null}>
        <Text data-testid="esw-gap">
          {v.lastEswSessionOn
            ? <>Last Education Support Worker session: <strong>{formatUkDate(v.lastEswSessionOn)}</strong> ({v.daysSinceLastEswSession === 0 ? 'today' : `${plural(v.daysSinceLastEswSession ?? 0, 'day')} ago`}). </>
            : 'No Education Support Worker sessions recorded yet. '}
          Sessions are expected at least every {plural(v.eswSessionWeeks, 'week')}{c.eswName ? ` (ESW: ${c.eswName})` : ''}.
        </Text>
        {v.eswOverdue && !tabAlerts.some((a) => a.kind === 'esw-session-overdue') ? (
          <MessageBar intent="warning"><MessageBarBody>An Education Support Worker session is overdue.</MessageBarBody></MessageBar>
        ) : null}
        {v.entries.length === 0 ? <Empty>Nothing in the voice log yet.</Empty> : (
          <ul className={styles.log} aria-label="Voice log, newest first">
            {(showAll ? v.entries : v.entries.slice(0, SHOWN)).map((e) => {
              const gap = e.daysSincePreviousEswSession;
              return (
                <li key={e.id} className={`${styles.entry} ${e.kind === 'esw_session' ? '' : styles.entryOther}`} data-testid="voice-entry">
                  <div className={styles.entryHead}>
                    <h3 className={styles.entryTitle}>{formatUkDate(e.heldOn)}: {VOICE_KINDS[e.kind]}</h3>
                    <div className={styles.meta}>
                      {e.staffName ? <Text className={common.muted}>with {e.staffName}</Text> : null}
                      {gap !== null ? (
                        <Badge appearance="tint" color={gap > limitDays ? 'danger' : 'informative'}>
                          {plural(gap, 'day')} since the previous session
                        </Badge>
                      ) : null}
                      {file.editable ? (
                        <RecordActions name={`entry of ${formatUkDate(e.heldOn)}`} onEdit={() => setEditing(e)} onDelete={() => setDeleting({
                          title: 'Delete this entry?', body: `The voice log entry of ${formatUkDate(e.heldOn)} will be removed.`,
                          done: 'Voice log entry deleted.', run: () => run('deleteVoiceEntry', { id: e.id }),
                        })} />
                      ) : null}
                    </div>
                  </div>
                  <Details items={[
                    ...(e.wishesFeelings ? [['Wishes and feelings', <p key="w" className={styles.prose}>{e.wishesFeelings}</p>] as [string, ReactNode]] : []),
                    ...(e.concerns ? [['Concerns raised', <p key="c" className={styles.prose}>{e.concerns}</p>] as [string, ReactNode]] : []),
                    ...(e.actions ? [['Actions agreed', <p key="a" className={styles.prose}>{e.actions}</p>] as [string, ReactNode]] : []),
                  ]} />
                </li>
              );
            })}
          </ul>
        )}
        {!showAll && v.entries.length > SHOWN ? (
          <div><Button onClick={() => setShowAll(true)}>Show all {v.entries.length} entries</Button></div>
        ) : null}
      </Card>
      {editing ? (
        <VoiceDialog childId={c.id} record={editing === 'new' ? null : editing} defaultStaff={c.eswName}
          onClose={() => setEditing(null)} onSaved={onSaved} />
      ) : null}
      {deleting ? <DeleteRecordDialog pending={deleting} onClose={() => setDeleting(null)} onDeleted={onSaved} /> : null}
    </>
  );
}
