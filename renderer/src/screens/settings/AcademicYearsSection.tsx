// Academic years: the school-day calendar behind every deadline (PEP timescales in school days).

import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AcademicYear } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { keys, useAcademicYears } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SavedNote } from '../../components/FormAlert.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { AcademicYearForm } from './AcademicYearForm.tsx';
import { QueryState, useSettingsStyles } from './common.tsx';
import { useDeleteConfirm } from '../../components/useDeleteConfirm.ts';

export function AcademicYearsSection() {
  const styles = useSettingsStyles();
  const years = useAcademicYears();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<AcademicYear | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const del = useDeleteConfirm<AcademicYear>(async (x) => {
    await call('deleteAcademicYear', { id: x.id });
    await qc.invalidateQueries({ queryKey: keys.academicYears });
  }, (x) => setSaved(`Academic year ${x.label} deleted.`));

  if (editing) {
    return (
      <AcademicYearForm
        year={editing === 'new' ? null : editing}
        onDone={(y) => {
          setEditing(null);
          if (y) setSaved(`Academic year ${y.label} saved.`);
        }}
      />
    );
  }

  return (
    <>
      <Text>
        Term dates, half terms and closure days (INSET days and bank holidays) make the school-day calendar used to
        work out PEP and other deadlines.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => { setSaved(null); setEditing('new'); }}>Add an academic year</Button>
      </div>
      <SavedNote message={saved} />
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
                    <TableCell>
                      <div className={styles.cellActions}>
                        <Button size="small" onClick={() => { setSaved(null); setEditing(y); }} aria-label={`Edit ${y.label}`}>Edit</Button>
                        <Button size="small" onClick={() => { del.ask(y); }} aria-label={`Delete ${y.label}`}>Delete</Button>
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
        <ConfirmDialog open title={`Delete ${del.deleting.label}?`} confirmLabel="Delete year" danger busy={del.busy} error={del.error}
          onConfirm={del.confirm} onCancel={del.cancel}>
          <Text>Its term dates and closure days will be removed. Deadlines in that year can then no longer be worked out in school days.</Text>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
