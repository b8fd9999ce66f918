// The governors' report documents on a demo register: the PDF (A4, OFFICIAL-SENSITIVE, page X of Y)
// names no child (no name, UPN or date of birth in either form), prints the register's figures,
// and has its charts (their text labels, and drawn bars and heat-map cells seen in a rendering);
// the .docx has the same headings; the export is audited; the CLI writes either. The first two
// pages are rendered to test-results/report-page1.png and report-page2.png for reviewers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernorsReport } from '../../../main/api/contract.ts';
import { runCli } from '../../../main/cli/index.ts';
import { attendanceChart, heatMapChart } from '../../../main/documents/charts/reportCharts.ts';
import { governorsReportDocument, SECTION_TITLES } from '../../../main/documents/governorsReport.ts';
import { buildGovernorsReport } from '../../../main/services/report/build.ts';
import { exportGovernorsReport } from '../../../main/services/report/export.ts';
import { pdfPageCount, pdfText, pdfToPngs } from '../../helpers/pdf.ts';
import { childIdentifiers, type DemoFixture, demoRegister, ORDINARY_WORDS, TODAY, word, YEAR } from '../services/report/fixture.ts';

const GENERATED = new Date('2026-11-23T10:00:00Z');
const RESULTS = path.resolve(import.meta.dirname, '../../../test-results');

let f: DemoFixture;
let report: GovernorsReport;
let pdf: Buffer;
let text: string;
let layout: string;

/** The named file from a .docx (a zip), read with node:zlib only. */
function unzipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the zip`);
}

/** Pixels of one page (pdftoppm's binary PPM), for checking that something was drawn. */
function pagePixels(doc: Buffer, page: number): { width: number; height: number; rgb: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-ppm-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), doc);
    execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), path.join(dir, 'x.pdf'), path.join(dir, 'p')]);
    const file = fs.readdirSync(dir).find((n) => n.endsWith('.ppm'))!;
    const buf = fs.readFileSync(path.join(dir, file));
    const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 40))!;
    return { width: Number(m[1]), height: Number(m[2]), rgb: buf.subarray(m[0].length) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function countColour(px: { rgb: Buffer }, [r, g, b]: [number, number, number]): number {
  let n = 0;
  for (let i = 0; i + 2 < px.rgb.length; i += 3) {
    if (Math.abs(px.rgb[i]! - r) < 12 && Math.abs(px.rgb[i + 1]! - g) < 12 && Math.abs(px.rgb[i + 2]! - b) < 12) n++;
  }
  return n;
}

/** The 1-based page whose text contains `needle`. */
function pageWith(doc: Buffer, needle: string): number {
  const pages = pdfPageCount(doc);
  for (let p = 1; p <= pages; p++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-pg-'));
    try {
      fs.writeFileSync(path.join(dir, 'x.pdf'), doc);
      if (execFileSync('pdftotext', ['-f', String(p), '-l', String(p), path.join(dir, 'x.pdf'), '-'], { encoding: 'utf8' }).includes(needle)) return p;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`"${needle}" is on no page`);
}

beforeAll(async () => {
  f = await demoRegister();
  report = buildGovernorsReport(f.register, YEAR, TODAY);
  const out = await exportGovernorsReport(f.register, YEAR, 'pdf', { today: TODAY, generatedAt: GENERATED });
  pdf = out.bytes;
  text = pdfText(pdf);
  layout = pdfText(pdf, { layout: true });
});

afterAll(() => f.close());

describe('governors\' report PDF', () => {
  it('is A4 with the marking, the school, page X of Y, and every section', () => {
    const def = governorsReportDocument(report, { generatedAt: GENERATED });
    expect(def.pageSize).toBe('A4');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(4);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(report.school.name);
    expect(text).toContain('Designated Teacher\'s annual report to governors');
    for (const t of Object.values(SECTION_TITLES)) expect(text, t).toContain(t);
    expect(text).toContain('Priorities for next year');
    expect(text).toContain('fewer than 5');
    expect(layout.replace(/\s+/g, ' ')).toContain('every number from 1 to 4 is shown as "fewer than 5"');
  });

  it('names no child: no name, UPN or date of birth (dd/mm/yyyy or ISO)', () => {
    const ids = childIdentifiers(f.register);
    const flat = text.replace(/\s+/g, ' ');
    for (const n of ids.fullNames) expect(flat.includes(n), n).toBe(false);
    for (const n of ids.surnames) expect(word(n).test(flat), n).toBe(false);
    for (const n of ids.firstNames.filter((x) => !ORDINARY_WORDS.has(x))) expect(word(n).test(flat), n).toBe(false);
    for (const n of ids.upns) expect(flat.includes(n), n).toBe(false);
    for (const d of ids.dobs) expect(flat.includes(d), d).toBe(false);
    expect(flat).not.toMatch(/\b[A-Z]\d{11}[0-9A-Z]\b/);
  });

  it('prints the register\'s figures', () => {
    const y = f.register.sqlite.prepare('SELECT start_date, end_date FROM academic_years WHERE label = ?').get(YEAR) as { start_date: string; end_date: string };
    const count = (status: string) => f.register.sqlite.prepare(
      'SELECT count(*) FROM children WHERE status = ? AND date_joined_school <= ? AND (leaving_date IS NULL OR leaving_date >= ?)',
    ).pluck().get(status, y.end_date, y.start_date) as number;
    const cla = count('CLA');
    const plac = count('PLAC');
    // The cohort total row of the year-group table, as laid out in the PDF.
    const line = layout.split('\n').find((l) => /^\s*On roll at some point in the year\s/.test(l))!;
    const cells = line.trim().split(/\s{2,}/).slice(1);
    const shown = (cell: string, truth: number) => (cell === 'fewer than 5' ? truth >= 1 && truth <= 4 : cell === 'withheld' ? truth === 0 || truth >= 5 : Number(cell) === truth);
    expect(shown(cells[0]!, cla), `${cells[0]} vs ${cla}`).toBe(true);
    expect(shown(cells[1]!, plac), `${cells[1]} vs ${plac}`).toBe(true);
    expect(shown(cells[2]!, cla + plac)).toBe(true);
    // Survey responses and training entries.
    const responses = f.register.sqlite.prepare('SELECT count(*) FROM survey_responses r JOIN academic_years y ON y.id = r.academic_year_id WHERE y.label = ?').pluck().get(YEAR) as number;
    expect(text).toContain(`Children who took part: ${responses >= 5 ? responses : 'fewer than 5'}`);
    const training = f.register.sqlite.prepare('SELECT title FROM report_training t JOIN academic_years y ON y.id = t.academic_year_id WHERE y.label = ?').pluck().all(YEAR) as string[];
    expect(training.length).toBeGreaterThan(0);
    for (const t of training) expect(text.replace(/\s+/g, ' ')).toContain(t);
    // The benchmark with its year and source.
    expect(text.replace(/\s+/g, ' ')).toContain('2018/19 · DfE Outcomes for children in need, including children looked after');
  });

  it('has its charts: labelled in text, with drawn bars and heat-map cells', () => {
    const attendance = attendanceChart(report)!;
    expect(attendance).toMatch(/^<svg [^>]*role="img"/);
    expect(attendance).toContain('<title>Attendance and absence against the whole school and national figures</title>');
    expect(attendance).toMatch(/<desc>Bar chart\. Attendance: Our looked-after children/);
    expect(heatMapChart(report)).toContain('<title>Risk heat map: open risks by impact and likelihood</title>');
    expect(text).toContain('Attendance and absence against the whole school and national figures');
    expect(text).toContain('Risk heat map: open risks by impact and likelihood');
    expect(text).toContain('Likelihood');
    const chartPage = pagePixels(pdf, pageWith(pdf, 'Attendance and absence against the whole school and national figures'));
    expect(countColour(chartPage, [0x00, 0x72, 0xb2]), 'blue bars (our looked-after children)').toBeGreaterThan(30);
    expect(countColour(chartPage, [0x00, 0x9e, 0x73]), 'green bars (whole school)').toBeGreaterThan(30);
    const heatPage = pagePixels(pdf, pageWith(pdf, 'Risk heat map'));
    expect(countColour(heatPage, [0xb6, 0xd7, 0xa8]), 'low band cells').toBeGreaterThan(100);
    expect(countColour(heatPage, [0xe0, 0x66, 0x66]), 'very high band cells').toBeGreaterThan(50);
  });

  it('renders the first two pages for review (test-results/report-page1.png, report-page2.png)', () => {
    const prefix = path.join(RESULTS, 'governors-report');
    for (const old of fs.existsSync(RESULTS) ? fs.readdirSync(RESULTS).filter((n) => n.startsWith('governors-report')) : []) fs.rmSync(path.join(RESULTS, old));
    const pngs = pdfToPngs(pdf, prefix, { first: 1, last: 2 }).sort();
    expect(pngs).toHaveLength(2);
    pngs.forEach((p, i) => fs.renameSync(p, path.join(RESULTS, `report-page${i + 1}.png`)));
    for (const n of [1, 2]) expect(fs.statSync(path.join(RESULTS, `report-page${n}.png`)).size).toBeGreaterThan(10_000);
  });

  it('audits each export, with the year and never any content', () => {
    const rows = f.register.sqlite.prepare("SELECT action, record_type, record_id FROM audit_log WHERE record_type LIKE 'governors_report%'").all();
    expect(rows).toContainEqual({ action: 'export', record_type: 'governors_report.pdf', record_id: YEAR });
  });
});

describe('governors\' report .docx', () => {
  let xml: string;

  beforeAll(async () => {
    const out = await exportGovernorsReport(f.register, YEAR, 'docx', { today: TODAY, generatedAt: GENERATED });
    expect(out.files[0]).toMatchObject({ fileName: `governors-report-${YEAR}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    xml = unzipEntry(out.bytes, 'word/document.xml');
    const header = unzipEntry(out.bytes, 'word/header1.xml');
    expect(header).toContain('OFFICIAL-SENSITIVE');
    expect(unzipEntry(out.bytes, 'word/footer1.xml')).toMatch(/PAGE.*NUMPAGES/s);
  });

  it('has the same headings as real Word headings, and tables', () => {
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);
    const headings = paragraphs.filter((p) => /<w:pStyle w:val="Heading2"\/>/.test(p)).map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    let n = 0;
    for (const t of Object.values(SECTION_TITLES)) expect(headings).toContain(`${++n}. ${t}`);
    expect(headings.some((h) => h.endsWith('Priorities for next year'))).toBe(true);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(10);
  });

  it('names no child either', () => {
    const ids = childIdentifiers(f.register);
    const plain = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    for (const n of [...ids.fullNames, ...ids.upns, ...ids.dobs]) expect(plain.includes(n), n).toBe(false);
    for (const n of ids.surnames) expect(word(n).test(plain), n).toBe(false);
  });
});

describe('report CLI', () => {
  const env = { CIC_PASSPHRASE: 'fictitious demo register only' };
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { env, stdin: process.stdin, out: (t) => { out += t; }, err: (t) => { err += t; } });
    return { code, out, err };
  };

  it('writes the PDF, or the .docx for a .docx path', async () => {
    const regPath = path.join(f.dir, 'demo.cicdb');
    const pdfOut = path.join(f.dir, 'report.pdf');
    const docxOut = path.join(f.dir, 'report.docx');
    // The CLI opens the register itself (this is the last test in the file).
    f.register.close();
    {
      const a = await run(['report', '--register', regPath, '--year', YEAR, '--out', pdfOut]);
      expect(a.code, a.err).toBe(0);
      expect(fs.readFileSync(pdfOut).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(pdfOut)).toContain('Designated Teacher\'s annual report to governors');
      const b = await run(['report', '--register', regPath, '--year', YEAR, '--out', docxOut]);
      expect(b.code, b.err).toBe(0);
      expect(fs.readFileSync(docxOut).subarray(0, 2).toString()).toBe('PK');
      const bad = await run(['report', '--register', regPath, '--year', '2025-2026', '--out', pdfOut]);
      expect(bad.code).toBe(5);
      expect(bad.err).toContain('2025-26');
      const noYear = await run(['report', '--register', regPath, '--year', '2031-32', '--out', pdfOut]);
      expect(noYear.code).toBe(1);
      expect(noYear.err).toMatch(/2031-32 was not found/);
    }
  });
});
