// Academic years: the school-day calendar behind every deadline (PEP timescales in school days).

import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { AcademicYear } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys, useAcademicYears } from '../../api/queries.ts';
import { SavedNote } from '../../components/FormAlert.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { AcademicYearForm } from './AcademicYearForm.tsx';
import { QueryState, useSettingsStyles } from './common.tsx';
import { RecordListDeleteDialog, RecordListActions, useRecordList } from '../../components/recordList.tsx';

export function AcademicYearsSection() {
  const styles = useSettingsStyles();
  const years = useAcademicYears();
  const qc = useQueryClient();
  const list = useRecordList<AcademicYear>({
    name: (y) => y.label,
    noteName: (y) => `Academic year ${y.label}`,
    remove: async (y) => {
      await call('deleteAcademicYear', { id: y.id });
      await qc.invalidateQueries({ queryKey: keys.academicYears });
    },
  });

  if (list.editing) return <AcademicYearForm year={list.editing === 'new' ? null : list.editing} onDone={list.done} />;

  return (
    <>
      <Text>
        Term dates, half terms and closure days (INSET days and bank holidays) make the school-day calendar used to
        work out PEP and other deadlines.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => list.edit('new')}>Add an academic year</Button>
      </div>
      <SavedNote message={list.saved} />
      <QueryState loading={years.isPending} error={years.error} what="academic years">
        {years.data && years.data.length === 0 ? (
          <Text className={styles.muted}>No academic years yet.</Text>
        ) : (
          <div className={styles.tableWrap}>
            <Table aria-label="Academic years">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Year</TableHeaderCell>
                  <TableHeaderCell>Starts</TableHeaderCell>
                  <TableHeaderCell>Ends</TableHeaderCell>
                  <TableHeaderCell>Terms</TableHeaderCell>
                  <TableHeaderCell>Closure days</TableHeaderCell>
                  <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(years.data ?? []).map((y) => (
                  <TableRow key={y.id}>
                    <TableCell>{y.label}</TableCell>
                    <TableCell>{formatUkDate(y.startDate)}</TableCell>
                    <TableCell>{formatUkDate(y.endDate)}</TableCell>
                    <TableCell>{y.terms.map((t) => t.name).join(', ') || 'None'}</TableCell>
                    <TableCell>{y.closures.length}</TableCell>
                    <TableCell><RecordListActions list={list} record={y} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryState>
      <RecordListDeleteDialog list={list} confirmLabel="Delete year">
        <Text>Its term dates and closure days will be removed. Deadlines in that year can then no longer be worked out in school days.</Text>
      </RecordListDeleteDialog>
    </>
  );
}
