// Import from the MIS: the file crosses the seam as base64 of its bytes (decoding is the service's
// job: the encoding is not known until the bytes are looked at).

import { localToday } from '../../services/children/dates.ts';
import { commitImport, type ImportRequest, previewImport } from '../../services/import/index.ts';
import type { ParsedInput } from '../contract.ts';
import type { HandlerMap } from '../handler.ts';

function request(input: ParsedInput<'previewImport'>): ImportRequest {
  return {
    kind: input.kind,
    fileName: input.fileName,
    bytes: Buffer.from(input.content, 'base64'),
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.period ? { period: input.period } : {}),
    ...(input.newChildren ? { newChildren: input.newChildren } : {}),
  };
}

export const importHandlers: HandlerMap<'previewImport' | 'commitImport'> = {
  previewImport: (ctx, input) => previewImport(ctx.requireRegister(), request(input), localToday()),
  commitImport: (ctx, input) => commitImport(ctx.requireRegister(), request(input), localToday()),
};
