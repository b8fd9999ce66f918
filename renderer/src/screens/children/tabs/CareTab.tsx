// Care and contacts: legal status, placements (history and moves), the social worker and IRO, the
// responsible local authority and its Virtual School, consents, and the previously looked-after
// arrangement.

import {
  Badge, Button, Link, TableCell, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Placement } from '../../../api/contract.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import type { TabProps } from '../ChildFile.tsx';
import {
  Card, Details, Empty, legalStatusText, placArrangementText, placementShort, placementTypeText, plural, statusLabel,
  useChildFileOperation, useChildStyles,
} from '../common.tsx';
import { DeleteRecordDialog, type PendingDelete } from '../DeleteRecordDialog.tsx';
import { PlacementDialog } from '../recordDialogs.tsx';
import { RecordTable } from '../RecordTable.tsx';
import { childrenHref } from '../route.ts';
import { AlertList } from './AlertList.tsx';

const useStyles = makeStyles({
  subHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  contacts: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  contact: { paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  contactLines: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', fontSize: tokens.fontSizeBase300 },
});

const mail = (email: string | null) => (email ? <Link href={`mailto:${email}`}>{email}</Link> : null);

export function CareTab({ file, onSaved }: TabProps) {
  const styles = useStyles();
  const common = useChildStyles();
  const run = useChildFileOperation();
  const c = file.child;
  const la = file.localAuthority;
  const pl = file.placements;
  const [editing, setEditing] = useState<Placement | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const tabAlerts = file.alerts.filter((a) => a.link.tab === 'care');
  const edit = file.editable ? <Button as="a" href={childrenHref.edit(c.id)} size="small">Edit</Button> : null;

  return (
    <>
      {tabAlerts.length ? <AlertList alerts={tabAlerts} childId={c.id} currentTab="care" /> : null}
      <div className={common.grid2}>
        <Card title="Legal status" actions={edit}>
          <Details items={[
            ['Status', statusLabel(c.status)],
            ...(c.status === 'CLA'
              ? [['Legal status (SSDA903)', legalStatusText(c.legalStatus)] as [string, string]]
              : [['Previously looked-after arrangement', placArrangementText(c.placArrangement)] as [string, string]]),
            ['Date into care', formatUkDate(c.dateIntoCare)],
            ['Joined this school', formatUkDate(c.dateJoinedSchool)],
          ]} />
        </Card>
        <Card title="Social worker and IRO" actions={edit}>
          <Details items={[
            ['Social worker', c.socialWorkerName],
            ['Email', mail(c.socialWorkerEmail)],
            ['Phone', c.socialWorkerPhone],
            ['IRO', c.iroName],
            ['IRO email', mail(c.iroEmail)],
            ['IRO phone', c.iroPhone],
            ['Key adult in school', c.keyAdult],
            ['Education Support Worker', c.eswName],
          ]} />
        </Card>
      </div>

      <Card title="Placements" actions={file.editable ? <Button appearance="primary" size="small" onClick={() => setEditing('new')}>Add placement</Button> : null}>
        <Text data-testid="placement-summary">
          {pl.current
            ? <>Currently: <strong>{placementTypeText(pl.current.placementType)}</strong>{pl.current.carerName ? `, with ${pl.current.carerName}` : ''}, since {formatUkDate(pl.current.startDate)}. </>
            : 'No current placement recorded. '}
          {pl.items.length > 0 ? `${plural(pl.moves, 'move')} since the first recorded placement; ${plural(pl.movesLast12Months, 'move')} in the last 12 months.` : ''}
        </Text>
        <RecordTable label="Placements, newest first" headers={['Type', 'Carer', 'Contact', 'From', 'To', 'Notes']} rows={pl.items}
          empty="No placements recorded yet." rowProps={() => ({ 'data-testid': 'placement-row' })}
          cells={(p) => (
            <>
              <TableCell><span title={placementTypeText(p.placementType)}><strong>{p.placementType}</strong> {placementShort(p.placementType)}</span></TableCell>
              <TableCell>{p.carerName ?? '—'}</TableCell>
              <TableCell>
                {p.carerPhone || p.carerEmail ? (
                  <>{p.carerPhone ? <div className={common.nowrap}>{p.carerPhone}</div> : null}{p.carerEmail ? <div>{p.carerEmail}</div> : null}</>
                ) : '—'}
              </TableCell>
              <TableCell className={common.nowrap}>{formatUkDate(p.startDate)}</TableCell>
              <TableCell className={common.nowrap}>{p.current ? <Badge appearance="tint" color="success">Current</Badge> : formatUkDate(p.endDate) || '—'}</TableCell>
              <TableCell>{p.notes ?? ''}</TableCell>
            </>
          )}
          actions={file.editable ? {
            name: (p) => `placement from ${formatUkDate(p.startDate)}`,
            onEdit: setEditing,
            onDelete: (p) => setDeleting({
              title: 'Delete this placement?',
              body: `The ${placementShort(p.placementType).toLowerCase()} placement from ${formatUkDate(p.startDate)} will be removed from the history, and the number of moves recounted.`,
              done: 'Placement deleted.',
              run: () => run('deletePlacement', { id: p.id }),
            }),
          } : undefined} />
      </Card>

      <div className={common.grid2}>
        <Card title="Responsible local authority">
          {la ? (
            <>
              <Details items={[
                ['Local authority', `${la.name}${la.laCode ? ` (${la.laCode})` : ''}`],
                ['Virtual School Head', la.vshName],
                ['Virtual School email', mail(la.vsEmail)],
                ['Virtual School phone', la.vsPhone],
                ['Address', la.vsAddress],
                ['ePEP system', la.epepSystem],
              ]} />
              {la.contacts.length ? (
                <>
                  <h3 className={styles.subHeading}>Virtual School contacts</h3>
                  <ul className={styles.contacts}>
                    {la.contacts.map((k, i) => (
                      <li key={i} className={styles.contact}>
                        <Text weight="semibold">{k.name}</Text>{k.role ? <Text className={common.muted}>, {k.role}</Text> : null}
                        <div className={styles.contactLines}>
                          {k.email ? mail(k.email) : null}
                          {k.phone ? <span className={common.nowrap}>{k.phone}</span> : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : <Empty>No responsible local authority recorded.{file.editable ? ' Edit the child\u2019s details to choose one.' : ''}</Empty>}
        </Card>
        <Card title="Consent" actions={edit}>
          <Details items={[
            ['Information sharing', c.consentInformationSharing ? 'Consent recorded' : <Text weight="semibold">No consent recorded</Text>],
            ['Notes', c.consentNotes],
          ]} />
        </Card>
      </div>

      {editing ? (
        <PlacementDialog childId={c.id} record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={onSaved} />
      ) : null}
      {deleting ? <DeleteRecordDialog pending={deleting} onClose={() => setDeleting(null)} onDeleted={onSaved} /> : null}
    </>
  );
}
