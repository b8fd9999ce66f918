// A child's file: who they are at a glance, the actions on the whole record (edit, mark as left,
// subject access export, delete), and five tabs, each with its own address (#/children/12/voice).
// The tabs are links styled as tabs, like Settings, so each can be bookmarked and linked from alerts.
// A leaver's file is read-only: a banner says so and no edit controls are shown.

import {
  Badge, Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppStatus, ChildFile, ChildTab } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChildFile } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { LoadFailed, Loading, displayName, legalName, statusLabel, takeFlash, useChildFileOperation, useChildStyles } from './common.tsx';
import { DeleteChildDialog, LeaveDialog } from './LeaveDeleteDialogs.tsx';
import { childrenHref, TABS } from './route.ts';
import { AttendanceTab } from './tabs/AttendanceTab.tsx';
import { CareTab } from './tabs/CareTab.tsx';
import { EducationTab } from './tabs/EducationTab.tsx';
import { OverviewTab } from './tabs/OverviewTab.tsx';
import { VoiceTab } from './tabs/VoiceTab.tsx';

const useStyles = makeStyles({
  back: { fontSize: tokens.fontSizeBase300 },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  dot: { marginRight: tokens.spacingHorizontalS },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  danger: {
    color: tokens.colorPaletteRedForeground1,
    ':hover': { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  },
});

export interface TabProps {
  file: ChildFile;
  status: AppStatus;
  onSaved: (message: string) => void;
}

export function ChildFileScreen({ status, id, tab }: { status: AppStatus; id: number; tab: ChildTab }) {
  const common = useChildStyles();
  const file = useChildFile(id);
  if (file.isPending) return <div className={common.page}><Loading what="child's file" /></div>;
  if (file.error) {
    return (
      <div className={common.page}>
        <Heading focusOnMount>Child not found</Heading>
        <LoadFailed what="child's file" error={file.error} />
        <Link href={childrenHref.list()}>Back to the children</Link>
      </div>
    );
  }
  return <ChildFileView status={status} file={file.data} tab={tab} />;
}

function ChildFileView({ status, file, tab }: { status: AppStatus; file: ChildFile; tab: ChildTab }) {
  const styles = useStyles();
  const common = useChildStyles();
  const qc = useQueryClient();
  const run = useChildFileOperation();
  const c = file.child;
  const [note, setNote] = useState<string | null>(() => takeFlash());
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'leave' | 'delete' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const isDt = status.session?.role === 'dt';
  const label = TABS.find((t) => t.id === tab)!.label;

  const onSaved = (message: string) => {
    setFailure(null);
    setNote(message);
  };

  const subjectAccess = async () => {
    setExporting(true);
    setNote(null);
    setFailure(null);
    try {
      const { files } = await call('subjectAccessExport', { childId: c.id });
      const saved = await saveExportedFiles(files, status.shell);
      setNote(`Subject access export saved: ${saved.join(' and ')}. It holds everything recorded about ${displayName(c)}; keep it secure.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const undoLeaving = async () => {
    setUndoing(true);
    setFailure(null);
    try {
      await run('cancelChildLeaving', { id: c.id });
      setNote('The leaving has been undone. The record can be edited again.');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setUndoing(false);
    }
  };

  const alertsByTab = new Map<ChildTab, number>();
  for (const a of file.alerts) {
    const tab = a.link.area === 'children' ? TABS.find((t) => t.id === a.link.tab)?.id : undefined;
    if (tab) alertsByTab.set(tab, (alertsByTab.get(tab) ?? 0) + 1);
  }

  return (
    <div className={common.page}>
      <Link href={childrenHref.list(file.editable ? 'current' : 'leavers')} className={styles.back}>
        {file.editable ? '‹ All children' : '‹ Leavers'}
      </Link>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <Heading focusOnMount>{displayName(c)}</Heading>
          <div className={styles.facts} data-testid="child-facts">
            {[
              c.preferredName ? `Legal name: ${legalName(c)}` : null,
              c.yearGroupLabel,
              `Born ${formatUkDate(c.dateOfBirth)}`,
              c.upn ? <>UPN <span className={common.mono}>{c.upn}</span></> : null,
            ].filter(Boolean).map((fact, i) => (
              <Text key={i}>{i > 0 ? <span aria-hidden="true" className={styles.dot}>·</span> : null}{fact}</Text>
            ))}
            <Badge appearance="tint" color={c.status === 'CLA' ? 'brand' : 'informative'}>{statusLabel(c.status)}</Badge>
            {file.localAuthority ? <Badge appearance="outline" color="informative">{file.localAuthority.name}</Badge> : null}
          </div>
        </div>
        <div className={common.actions}>
          {file.editable ? (
            <>
              <Button appearance="primary" as="a" href={childrenHref.edit(c.id)}>Edit details</Button>
              <Button onClick={() => { setNote(null); setDialog('leave'); }}>Mark as left</Button>
            </>
          ) : null}
          <Button onClick={subjectAccess} disabled={exporting}>{exporting ? 'Exporting…' : 'Subject access export'}</Button>
          {file.canDelete ? (
            <Button appearance="subtle" className={styles.danger} onClick={() => { setNote(null); setDialog('delete'); }}>Delete record</Button>
          ) : null}
        </div>
      </div>

      {!file.editable ? (
        <MessageBar intent="info" layout="multiline" data-testid="leaver-banner">
          <MessageBarBody>
            <MessageBarTitle>{displayName(c)} left on {formatUkDate(c.leavingDate)}.</MessageBarTitle>
            {c.leavingDestination ? `Destination: ${c.leavingDestination}. ` : ''}
            This record is read-only.
            {c.retentionReviewDate ? ` Review whether to keep it on ${formatUkDate(c.retentionReviewDate)}.` : ''}
          </MessageBarBody>
          {isDt ? (
            <MessageBarActions>
              <Button size="small" onClick={undoLeaving} disabled={undoing}>{undoing ? 'Undoing…' : 'Undo leaving'}</Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      <SavedNote message={note} />
      <FormAlert title="That did not work" messages={failure} />

      <SectionTabs label="Sections of the child's file" current={tab} tabs={TABS.map((t) => {
        const n = alertsByTab.get(t.id) ?? 0;
        return {
          id: t.id,
          href: childrenHref.file(c.id, t.id),
          label: (
            <>
              {t.label}
              {n > 0 && t.id !== 'overview' ? (
                <Badge size="small" appearance="filled" color="danger" aria-label={`${n} ${n === 1 ? 'alert' : 'alerts'}`}>{n}</Badge>
              ) : null}
            </>
          ),
        };
      })} />
      <section aria-label={label} className={styles.panel} data-testid="child-tab" key={tab}>
        {tab === 'overview' && <OverviewTab file={file} status={status} onSaved={onSaved} />}
        {tab === 'care' && <CareTab file={file} status={status} onSaved={onSaved} />}
        {tab === 'education' && <EducationTab file={file} status={status} onSaved={onSaved} />}
        {tab === 'attendance' && <AttendanceTab file={file} status={status} onSaved={onSaved} />}
        {tab === 'voice' && <VoiceTab file={file} status={status} onSaved={onSaved} />}
      </section>

      {dialog === 'leave' ? <LeaveDialog file={file} onClose={() => setDialog(null)} onSaved={onSaved} /> : null}
      {dialog === 'delete' ? (
        <DeleteChildDialog file={file} onClose={() => setDialog(null)} onDeleted={() => {
          // The file is gone: mark it stale (never refetch it here) and refresh everything else.
          void qc.invalidateQueries({ queryKey: ['children'], refetchType: 'none' });
          void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'children' && q.queryKey[0] !== 'status' });
        }} />
      ) : null}
    </div>
  );
}
