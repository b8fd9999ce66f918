// A synthetic, fictitious MIS pupils export for the import benchmark.
import { makeUpn } from '../../main/api/contract.ts';

const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

export function pupilsCsv(rows: number, academicYearStart: number): Buffer {
  const out = [['UPN', 'Legal Surname', 'Legal Forename', 'DOB', 'Gender', 'NC Year', 'SEN Provision']];
  for (let i = 0; i < rows; i++) {
    const year = 7 + (i % 5);
    const birthYear = academicYearStart - year - 5;
    const month = 1 + (i % 12);
    const dobYear = month >= 9 ? birthYear : birthYear + 1;
    const dob = `${String(1 + (i % 28)).padStart(2, '0')}/${String(month).padStart(2, '0')}/${dobYear}`;
    out.push([makeUpn(993, 4000 + Math.floor(i / 1000), 14, i % 1000), `Benchsurname${i}`, `Benchforename${i}`, dob, i % 2 ? 'M' : 'F', String(year), 'N']);
  }
  return Buffer.from(out.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');
}
