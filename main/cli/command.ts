// What every CLI command module provides, and the small context it runs in. Commands never call
// process.exit: they return an exit code, so output is flushed on every platform (on Windows,
// pipes are asynchronous and process.exit can cut stdout short).

import type { ParseArgsOptionsConfig } from 'node:util';

export type Values = Record<string, string | boolean | undefined>;

export interface CliContext {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The options after the command name, for usage text. */
  synopsis: string;
  options: ParseArgsOptionsConfig;
  /** Options that must be given. */
  required: string[];
  /** If set, one word after the command name fills this value (e.g. `import pupils`). */
  positional?: string;
  run: (values: Values, ctx: CliContext) => Promise<number>;
}

/** Bad command line: exit 2 with usage text. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  wrongPassphrase: 3,
  notARegister: 4,
  invalid: 5,
} as const;

export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** For options the parser already required: keeps strict TypeScript happy without `!`. */
export function need(values: Values, name: string): string {
  const v = str(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

/** A whole number option, or the default. Not a number at all is a usage error (exit 2). */
export function int(values: Values, name: string, fallback: number): number {
  const v = str(values, name);
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${name} must be a whole number.`);
  return Number(v);
}

export const REGISTER_OPTION = { register: { type: 'string' } } as const;
export const USER_OPTION = { user: { type: 'string' } } as const;
