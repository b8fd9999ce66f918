// Turning a CSV file's bytes into text. MIS exports arrive as UTF-8 with or without a byte-order
// mark (Arbor, Excel "CSV UTF-8"), as Windows-1252 (SIMS and Excel's plain "CSV" on Windows),
// occasionally as UTF-16 ("Unicode text"). Without a BOM, valid UTF-8 is taken as UTF-8; anything
// else is Windows-1252, which maps every byte, so a £ or an accented name always survives.

import iconv from 'iconv-lite';
import type { ImportPreview } from '../../api/contract.ts';

export type Encoding = ImportPreview['encoding'];

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; problem: string };

const startsWith = (b: Uint8Array, ...sig: number[]): boolean => sig.every((x, i) => b[i] === x);

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return { ok: false, problem: 'This is a spreadsheet workbook, not a CSV file. In the spreadsheet, choose Save As and pick CSV, then import that file.' };
  }
  if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: Encoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    encoding = bom ? 'utf-8 (with BOM)' : 'utf-8';
  } catch {
    text = iconv.decode(Buffer.from(body), 'win1252');
    encoding = 'windows-1252';
  }
  if (text.includes('\0')) return { ok: false, problem: 'This does not look like a CSV file. Export the data from the MIS as CSV and try again.' };
  return { ok: true, text, encoding };
}
