// The headless command line: `npm run cli -- <command> [options]` (.npmrc keeps npm's own banner off
// stdout, so `children --json` output is only the JSON). Parses, dispatches to one module per
// command, and maps errors to exit codes and one plain-English line on stderr. Expected errors
// (RegisterError) never show a stack trace, and no message here ever includes personal data.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RegisterError } from '../../db/errors.ts';
import { type CliContext, type Command, EXIT, UsageError, type Values } from './command.ts';
import { backup } from './commands/backup.ts';
import { children } from './commands/children.ts';
import { demo } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { init } from './commands/init.ts';
import { letters } from './commands/letters.ts';
import { pep } from './commands/pep.ts';
import { report } from './commands/report.ts';
import { restore } from './commands/restore.ts';
import { verify } from './commands/verify.ts';
import { Cancelled } from './passphrase.ts';

export const COMMANDS: readonly Command[] = [init, demo, verify, children, backup, restore, importCommand, letters, pep, report];

const PROGRAM = 'cic-register';

export function usage(command?: Command): string {
  if (command) return `Usage: npm run cli -- ${command.name} ${command.synopsis}\n       ${command.summary}.\n`;
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.flatMap((c) => [`  ${c.name.padEnd(width)}  ${c.synopsis}`, `  ${' '.repeat(width)}  ${c.summary}.`]),
    `  ${'help'.padEnd(width)}  Show this text.`,
    '',
    'The passphrase is read from the CIC_PASSPHRASE environment variable or, if that is not set, from',
    'the first line of standard input. It is never accepted on the command line. Without --user,',
    'each user of the register is tried in turn.',
    '',
    'Environment:',
    '  CIC_PASSPHRASE  the passphrase (see above)',
    '  CIC_KDF=fast    TEST SUITES ONLY: weak key derivation for new registers, so tests run quickly.',
    '                  Never use it for a register with real children in it.',
    '  CIC_DEBUG=1     show details of unexpected errors',
    '',
    'Exit codes: 0 done; 1 other error; 2 bad command line; 3 wrong passphrase; 4 not a register,',
    'damaged or failed verification; 5 invalid input or conflict (for example, the file exists).',
    '',
  ].join('\n');
}

export function exitCodeFor(e: RegisterError): number {
  switch (e.code) {
    case 'WrongPassphrase': return EXIT.wrongPassphrase;
    case 'NotARegister':
    case 'NewerVersion': return EXIT.notARegister;
    case 'Invalid':
    case 'Conflict': return EXIT.invalid;
    default: return EXIT.other;
  }
}

/** One line: messages from db/ are written for the DT, but may wrap. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function parseCommandLine(argv: string[]): { command: Command; values: Values } | 'help' {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('No command given.');
  if (name === 'help' || name === '--help' || name === '-h') return 'help';
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command '${name.slice(0, 40)}'.`);
  let values: Values;
  try {
    // No option is declared `multiple`, so no value is an array.
    const parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: command.positional !== undefined });
    values = parsed.values as Values;
    if (command.positional) {
      if (parsed.positionals.length > 1) throw Object.assign(new Error('extra'), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' });
      if (parsed.positionals[0] !== undefined) {
        if (values[command.positional] !== undefined) throw new UsageError(`Give the ${command.positional} once, either as a word or as --${command.positional}.`, name);
        values[command.positional] = parsed.positionals[0];
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code ?? '';
    const msg = (e as Error).message;
    const flag = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1]?.slice(0, 40);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${flag ?? ''} for ${name}.`, name);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`Option ${flag ?? ''} is missing its value, or takes none.`, name);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`Unexpected argument for ${name}. Options start with --.`, name);
    throw new UsageError('The command line could not be read.', name);
  }
  const missing = command.required.filter((r) => values[r] === undefined || values[r] === '');
  if (missing.length) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(' and ')}.`, name);
  return { command, values };
}

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      ctx.out(usage());
      return EXIT.ok;
    }
    return await parsed.command.run(parsed.values, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      const command = COMMANDS.find((c) => c.name === e.command);
      ctx.err(`${PROGRAM}: ${oneLine(e.message)}\n${usage(command)}`);
      return EXIT.usage;
    }
    if (e instanceof RegisterError) {
      ctx.err(`${PROGRAM}: ${oneLine(e.message)}\n`);
      return exitCodeFor(e);
    }
    if (e instanceof Cancelled) {
      ctx.err(`${PROGRAM}: Cancelled.\n`);
      return EXIT.other;
    }
    // Unexpected: the message could quote data (a SQLite error can), so show only its kind.
    const kind = (e as { code?: unknown }).code ?? (e as Error)?.name ?? 'error';
    ctx.err(`${PROGRAM}: An unexpected error stopped the command (${String(kind)}). Run it again with CIC_DEBUG=1 for details.\n`);
    if (ctx.env.CIC_DEBUG === '1') ctx.err(`${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.other;
  }
}

/** True when run as a program rather than imported (tests import runCli and usage). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return fs.realpathSync(fileURLToPath(import.meta.url)) === fs.realpathSync(script);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A reader that goes away early (`... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const ctx: CliContext = {
    env: process.env,
    stdin: process.stdin,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
  // exitCode, not exit(): lets piped output drain first (pipes are asynchronous on Windows).
  process.exitCode = await runCli(process.argv.slice(2), ctx);
}
