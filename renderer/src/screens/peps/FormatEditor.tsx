// Each Virtual School's PEP layout: the order of the sections (Move up / Move down buttons, which
// keep focus on the section moved and say where it went), their headings, which optional sections
// are left out, and the PDF's file name pattern with a live preview. The quality rating scale is
// shown here and edited with the LA in Settings.

import {
  Button, Checkbox, Field, Input, Link, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles,
  mergeClasses, tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PEP_SECTIONS, PEP_FILENAME_PLACEHOLDERS, type LaPepFormat, type LocalAuthority, type PepFormatSection } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { useLocalAuthorities } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { hrefFor } from '../../app/router.ts';
import { applyApiIssues } from '../../lib/forms.ts';
import { errorMessage } from '../../api/errors.ts';
import { LoadFailed, Loading, usePepStyles } from './common.tsx';
import { exampleValues, patternProblem, previewFileName, type PlaceholderName } from './fileName.ts';
import { invalidatePepViews, pk, useLaPepFormat } from './queries.ts';
import { go, pepsHref } from './route.ts';

const useStyles = makeStyles({
  picker: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  select: { minWidth: '320px' },
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1040px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid', gridTemplateColumns: '28px minmax(0, 1fr) 170px auto', gap: tokens.spacingHorizontalL, alignItems: 'center',
    padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  left: { backgroundColor: tokens.colorNeutralBackground2 },
  leftNote: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  number: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  headingInput: { width: '100%', minWidth: 0 },
  default: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  moves: { display: 'flex', gap: tokens.spacingHorizontalXS },
  preview: {
    fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace", fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  mono: { fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace" },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  side: { display: 'grid', gridTemplateColumns: 'minmax(0, 1.5fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  placeholderTable: { tableLayout: 'auto', width: '100%' },
});

export function FormatEditor({ laId }: { laId: number | null }) {
  const styles = useStyles();
  const common = usePepStyles();
  const las = useLocalAuthorities();
  const chosen = laId ?? las.data?.[0]?.id ?? null;
  const la = las.data?.find((l) => l.id === chosen) ?? null;
  const format = useLaPepFormat(la ? la.id : null);

  return (
    <div className={common.page}>
      <Link href={pepsHref.list()} className={common.back}>‹ All PEPs</Link>
      <Heading focusOnMount>Virtual School formats</Heading>
      <Text>
        Each Virtual School can ask for the PEP&rsquo;s sections in its own order and with its own headings, and for the PDF to be named its way.
        The child and care details, the meeting, the child&rsquo;s voice and the SMART targets are part of every PEP.
      </Text>
      {las.isPending ? <Loading what="local authorities" /> : las.error ? <LoadFailed what="local authorities" error={las.error} /> : !las.data?.length ? (
        <Text>No local authorities yet. <Link href={hrefFor('settings', 'las')}>Add them in Settings</Link> first.</Text>
      ) : (
        <>
          <div className={styles.picker}>
            <Field label="Local authority">
              <Select className={styles.select} value={String(chosen ?? '')} onChange={(_e, d) => go(pepsHref.formats(Number(d.value)))}>
                {las.data.map((l) => <option key={l.id} value={String(l.id)}>{l.name}</option>)}
              </Select>
            </Field>
          </div>
          {format.isPending ? <Loading what="PEP format" /> : format.error ? <LoadFailed what="PEP format" error={format.error} /> : la && format.data ? (
            <FormatForm key={la.id} la={la} format={format.data} />
          ) : null}
        </>
      )}
    </div>
  );
}

interface Row { key: PepFormatSection['key']; heading: string; defaultHeading: string; included: boolean; required: boolean }

const defaults = (format: LaPepFormat): Row[] =>
  DEFAULT_PEP_SECTIONS.map((d) => ({ key: d.key, heading: d.heading, defaultHeading: d.heading, included: true, required: format.sections.find((s) => s.key === d.key)?.required ?? false }));

const same = (a: Row[], b: Row[]) => JSON.stringify(a.map((r) => [r.key, r.heading.trim(), r.included])) === JSON.stringify(b.map((r) => [r.key, r.heading.trim(), r.included]));

function FormatForm({ la, format }: { la: LocalAuthority; format: LaPepFormat }) {
  const styles = useStyles();
  const common = usePepStyles();
  const qc = useQueryClient();
  const initial = useMemo<Row[]>(() => format.sections.map((s) => ({ ...s })), [format]);
  const initialPattern = format.fileNamePattern === format.defaultFileNamePattern ? '' : format.fileNamePattern;
  const [rows, setRows] = useState<Row[]>(initial);
  const [pattern, setPattern] = useState(initialPattern);
  const [announce, setAnnounce] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [patternError, setPatternError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const moveButtons = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);

  const dirty = !same(rows, initial) || pattern.trim() !== initialPattern.trim();
  const problem = patternProblem(pattern);
  const values = useMemo(() => exampleValues(la), [la]);
  const preview = previewFileName(pattern, values, format.defaultFileNamePattern);

  useEffect(() => {
    if (pendingFocus.current) {
      moveButtons.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  }, [rows]);

  const update = (key: string, patch: Partial<Row>) => {
    setNote(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(to, 0, row!);
    // Keep focus on the same button of the moved section; at either end, on the other one.
    const dir = (to === 0 && by === -1) || (to === rows.length - 1 && by === 1) ? (by === -1 ? 'down' : 'up') : (by === -1 ? 'up' : 'down');
    pendingFocus.current = `${row!.key}:${dir}`;
    setNote(null);
    setRows(next);
    setAnnounce(`${row!.heading.trim() || row!.defaultHeading} moved to position ${to + 1} of ${rows.length}.`);
  };

  const restore = () => {
    setRows(defaults(format));
    setPattern('');
    setNote(null);
    setAnnounce('The default layout is restored. Save to keep it.');
  };

  const save = async () => {
    setFailure([]);
    setPatternError(null);
    const blank = rows.find((r) => !r.heading.trim());
    if (blank) {
      setFailure([`Enter a heading for the section that was “${blank.defaultHeading}”.`]);
      return;
    }
    setBusy(true);
    try {
      const isDefault = same(rows, defaults(format));
      const saved = await call('saveLaPepFormat', {
        laId: la.id,
        sections: isDefault ? null : rows.map((r) => ({ key: r.key, heading: r.heading.trim(), included: r.required || r.included })),
        fileNamePattern: pattern.trim() || null,
      });
      qc.setQueryData(pk.format(la.id), saved);
      void invalidatePepViews(qc, null);
      setNote(`${la.name}'s PEP format was saved. PEPs and their PDFs now follow it.`);
    } catch (e) {
      let onField = false;
      const leftover = applyApiIssues<{ fileNamePattern: string }>(e, (_name, err) => {
        onField = true;
        setPatternError(err.message ?? null);
      }, ['fileNamePattern']);
      setFailure(leftover.length ? leftover : onField ? [] : [errorMessage(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.layout}>
      <section className={common.card} aria-labelledby="format-sections-heading">
        <div className={common.cardHeader}>
          <h2 id="format-sections-heading" className={common.sectionHeading}>Sections of {la.name}&rsquo;s PEP</h2>
          {format.isDefault && same(rows, initial) ? <Text className={common.muted}>The default layout</Text> : null}
        </div>
        <Text className={common.muted}>The order here is the order of the PEP editor and the PDF. Sections left out are kept in the register but not printed.</Text>
        <ol className={styles.list} aria-label="Sections in order" data-testid="format-sections">
          {rows.map((r, i) => {
            const label = r.heading.trim() || r.defaultHeading;
            return (
              <li key={r.key} className={mergeClasses(styles.item, !r.included && !r.required && styles.left)} data-testid="format-section" data-key={r.key}>
                <span className={styles.number} aria-hidden="true">{i + 1}</span>
                <div>
                  <Input className={styles.headingInput} value={r.heading} aria-label={`Heading of section ${i + 1} (${r.defaultHeading})`}
                    onChange={(_e, d) => update(r.key, { heading: d.value })} maxLength={120} />
                  {r.heading.trim() !== r.defaultHeading ? <div className={styles.default}>Default: {r.defaultHeading}</div> : null}
                  {!r.included && !r.required ? <div className={styles.leftNote}>Left out of this Virtual School&rsquo;s PDF</div> : null}
                </div>
                {r.required ? <Text size={200} className={common.muted}>Always included</Text> : (
                  <Checkbox checked={r.included} label="Include" aria-label={`Include ${label}`} onChange={(_e, d) => update(r.key, { included: d.checked === true })} />
                )}
                <div className={styles.moves}>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${label} up`}
                    ref={(el) => { if (el) moveButtons.current.set(`${r.key}:up`, el); else moveButtons.current.delete(`${r.key}:up`); }}>
                    <span aria-hidden="true">↑</span>&nbsp;Up
                  </Button>
                  <Button size="small" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${label} down`}
                    ref={(el) => { if (el) moveButtons.current.set(`${r.key}:down`, el); else moveButtons.current.delete(`${r.key}:down`); }}>
                    <span aria-hidden="true">↓</span>&nbsp;Down
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="visually-hidden" role="status" aria-live="polite">{announce}</div>
      </section>

      <div className={styles.side}>
        <section className={common.card} aria-labelledby="format-file-heading">
          <h2 id="format-file-heading" className={common.sectionHeading}>PDF file name</h2>
          <Field label="File name pattern" hint={`Leave blank for the default, ${format.defaultFileNamePattern}`}
            validationMessage={patternError ?? problem} validationState={patternError || problem ? 'error' : 'none'}>
            <Input className={styles.mono} value={pattern} placeholder={format.defaultFileNamePattern} spellCheck={false} autoComplete="off" maxLength={200}
              onChange={(_e, d) => { setPattern(d.value); setPatternError(null); setNote(null); }} />
          </Field>
          <div>
            <Text weight="semibold" id="format-preview-label">Preview for an example child</Text>
            <div className={styles.preview} aria-labelledby="format-preview-label" data-testid="format-preview" role="note">{preview}</div>
          </div>
          <Table size="small" className={styles.placeholderTable} aria-label="Placeholders">
            <TableHeader><TableRow><TableHeaderCell>Placeholder (choose to add)</TableHeaderCell><TableHeaderCell>Meaning</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {(Object.keys(PEP_FILENAME_PLACEHOLDERS) as PlaceholderName[]).map((p) => (
                <TableRow key={p}>
                  <TableCell><Button size="small" appearance="subtle" className={styles.mono} aria-label={`Add {${p}} to the pattern`}
                    onClick={() => { setPattern((x) => `${(x || format.defaultFileNamePattern).replace(/\.pdf$/i, '')}_{${p}}.pdf`); setNote(null); }}>{`{${p}}`}</Button></TableCell>
                  <TableCell><Text size={200}>{PEP_FILENAME_PLACEHOLDERS[p]}</Text></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={200} className={common.muted}>No placeholder gives the child&rsquo;s name, UPN or date of birth, so a PDF&rsquo;s name never identifies the child.</Text>
        </section>
        <section className={common.card} aria-labelledby="format-qa-heading">
          <h2 id="format-qa-heading" className={common.sectionHeading}>Quality rating scale</h2>
          <Text>{format.qaScale.join(' · ')}</Text>
          <Text size={200} className={common.muted}>The ratings this Virtual School gives PEPs, best first. <Link href={hrefFor('settings', 'las')}>Change it in Settings → Local authorities</Link>.</Text>
        </section>
      </div>

      <div className={styles.footer}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || !dirty}>{busy ? 'Saving…' : 'Save format'}</Button>
        <Button onClick={restore} disabled={busy}>Restore the default layout</Button>
        {dirty ? <Text className={styles.unsaved}>Unsaved changes</Text> : null}
      </div>
      <div>
        <SavedNote message={note} />
        <FormAlert title="The format was not saved" messages={failure} />
      </div>
    </div>
  );
}
