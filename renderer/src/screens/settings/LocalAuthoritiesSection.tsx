// Local authorities and their Virtual Schools: contacts, PEP timescales and PP+ rules.

import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { LocalAuthority } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys, useLocalAuthorities } from '../../api/queries.ts';
import { SavedNote } from '../../components/FormAlert.tsx';
import { QueryState, useSettingsStyles } from './common.tsx';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../components/recordList.tsx';
import { LaPepDeadlinesForm } from './LaPepDeadlinesForm.tsx';
import { formatPounds, LocalAuthorityForm, PAYMENT_LABELS } from './LocalAuthorityForm.tsx';

export function LocalAuthoritiesSection() {
  const styles = useSettingsStyles();
  const las = useLocalAuthorities();
  const qc = useQueryClient();
  const list = useRecordList<LocalAuthority>({
    name: (la) => la.name,
    remove: async (la) => {
      await call('deleteLocalAuthority', { id: la.id });
      await qc.invalidateQueries({ queryKey: keys.localAuthorities });
    },
  });

  const { editing } = list;
  if (editing) {
    return (
      <>
        <LocalAuthorityForm la={editing === 'new' ? null : editing} onDone={list.done} />
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
        <Button appearance="primary" onClick={() => list.edit('new')}>Add a local authority</Button>
      </div>
      <SavedNote message={list.saved} />
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
                    <TableCell><RecordListActions list={list} record={la} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete local authority">
        <Text>Its Virtual School contacts, PEP timescales and PP+ rules will be removed. A local authority that children belong to cannot be deleted.</Text>
      </RecordListDeleteDialog>
    </>
  );
}
