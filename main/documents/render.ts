// Renders a pdfmake document definition to a PDF buffer, in plain Node (DESIGN.md "Documents").
// pdfmake may fetch URLs and read local files named in a definition; user text ends up in
// definitions, so both are locked down: no URL at all, and local reads only of the bundled fonts.

import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

interface PdfMakeServer {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (file: string) => boolean): void;
  createPdf(def: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let configured: PdfMakeServer | null = null;

function pdfmake(): PdfMakeServer {
  if (configured) return configured;
  // Resolved from node_modules at run time: bundling pdfmake breaks its font paths.
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const fonts = {
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  };
  const allowed = new Set(Object.values(fonts.Roboto).map((f) => path.resolve(f)));
  const pm = require('pdfmake') as PdfMakeServer;
  pm.setFonts(fonts);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  configured = pm;
  return pm;
}

export async function renderPdf(def: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake().createPdf(def).getBuffer();
}
