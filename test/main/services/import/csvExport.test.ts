// CSV written for spreadsheets: formula-like text neutralised, numbers left alone, and a file we
// export reads back through our own import unchanged.
import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../../../main/services/import/cells.ts';
import { csvBytes, csvCell, neutraliseCell, toCsv } from '../../../../main/services/import/csvExport.ts';
import { parseCsv } from '../../../../main/services/import/parse.ts';
import { decodeBytes } from '../../../../main/services/import/decode.ts';

describe('CSV export', () => {
  it.each(['=1+2', '+44 1632 960000', '-3', '@SUM(A1:A9)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://example.invalid","x")'])(
    'neutralises %j with a leading apostrophe', (v) => {
      expect(neutraliseCell(v)).toBe(`'${v}`);
    },
  );

  it('leaves ordinary text and numbers alone, and quotes what needs quoting', () => {
    expect(neutraliseCell('Zoë')).toBe('Zoë');
    expect(neutraliseCell("O'Callaghan")).toBe("O'Callaghan");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(92.5)).toBe('92.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Smith, J')).toBe('"Smith, J"');
    expect(csvCell('He said "hi"')).toBe('"He said ""hi"""');
    expect(csvCell('=1+2, or so')).toBe('"\'=1+2, or so"');
    expect(toCsv(['A', 'B'], [['x', 1]])).toBe('A,B\r\nx,1\r\n');
  });

  it('writes UTF-8 with a BOM, which our import reads back to the original text', () => {
    const rows = [['=1+2', 'Zoë £5', 'two\nlines', '@x']];
    const bytes = csvBytes(['A', 'B', 'C', 'D'], rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const d = decodeBytes(bytes);
    if (!d.ok) throw new Error(d.problem);
    const back = parseCsv(d.text)!.records[0]!.cells.map(cleanCell);
    expect(back).toEqual(['=1+2', 'Zoë £5', 'two\nlines', '@x']);
  });
});
