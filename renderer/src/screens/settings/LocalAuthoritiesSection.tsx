// Local authorities and their Virtual Schools: contacts, PEP timescales and PP+ rules.

import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalAuthority } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys, useLocalAuthorities } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SavedNote } from '../../components/FormAlert.tsx';
import { QueryState, useSettingsStyles } from './common.tsx';
import { LaPepDeadlinesForm } from './LaPepDeadlinesForm.tsx';
import { formatPounds, LocalAuthorityForm, PAYMENT_LABELS } from './LocalAuthorityForm.tsx';
import { useDeleteConfirm } from '../../components/useDeleteConfirm.ts';

export function LocalAuthoritiesSection() {
  const styles = useSettingsStyles();
  const las = useLocalAuthorities();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<LocalAuthority | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const del = useDeleteConfirm<LocalAuthority>(async (x) => {
    await call('deleteLocalAuthority', { id: x.id });
    await qc.invalidateQueries({ queryKey: keys.localAuthorities });
  }, (x) => setSaved(`${x.name} deleted.`));

  if (editing) {
    return (
      <>
        <LocalAuthorityForm
          la={editing === 'new' ? null : editing}
          onDone={(la) => {
            setEditing(null);
            if (la) setSaved(`${la.name} saved.`);
          }}
        />
        {/* A form of its own (forms cannot nest), saved separately; needs the LA saved first. */}
        {editing === 'new' ? null : <LaPepDeadlinesForm la={editing} />}
      </>
    );
  }

  return (
    <>
      <Text>
        Each child&rsquo;s responsible local authority has its own Virtual School, PEP timescales and Pupil Premium Plus
        (PP+) rules.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => { setSaved(null); setEditing('new'); }}>Add a local authority</Button>
      </div>
      <SavedNote message={saved} />
      <QueryState loading={las.isPending} error={las.error} what="local authorities">
        {las.data && las.data.length === 0 ? (
          <Text className={styles.muted}>No local authorities yet.</Text>
        ) : (
          <div className={styles.tableWrap}>
            <Table aria-label="Local authorities">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Local authority</TableHeaderCell>
                  <TableHeaderCell>Virtual School Head</TableHeaderCell>
                  <TableHeaderCell>Initial PEP</TableHeaderCell>
                  <TableHeaderCell>PP+ per year</TableHeaderCell>
                  <TableHeaderCell>Children</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(las.data ?? []).map((la) => (
                  <TableRow key={la.id}>
                    <TableCell>{la.name}{la.laCode ? ` (${la.laCode})` : ''}</TableCell>
                    <TableCell>{la.vshName ?? '—'}</TableCell>
                    <TableCell>{la.initialPepSchoolDays} school days</TableCell>
                    <TableCell>{formatPounds(la.ppplusPencePerYear)}, {PAYMENT_LABELS[la.ppplusPayment].toLowerCase()}</TableCell>
                    <TableCell>{la.childCount}</TableCell>
                    <TableCell>
                      <div className={styles.cellActions}>
                        <Button size="small" onClick={() => { setSaved(null); setEditing(la); }} aria-label={`Edit ${la.name}`}>Edit</Button>
                        <Button size="small" onClick={() => { del.ask(la); }} aria-label={`Delete ${la.name}`}>Delete</Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      {del.deleting ? (
        <ConfirmDialog open title={`Delete ${del.deleting.name}?`} confirmLabel="Delete local authority" danger busy={del.busy} error={del.error}
          onConfirm={del.confirm} onCancel={del.cancel}>
          <Text>Its Virtual School contacts, PEP timescales and PP+ rules will be removed. A local authority that children belong to cannot be deleted.</Text>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
