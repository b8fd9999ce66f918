// Where the CLI gets a passphrase: the CIC_PASSPHRASE environment variable or, if that is unset,
// the first line of standard input (piped, or typed at a hidden prompt). Never from argv: other
// users and processes on the machine can read a command line (DESIGN.md "Security model").

import { UsageError } from './command.ts';

export class Cancelled extends Error {}

export interface PassphraseSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  err: (text: string) => void;
}

export async function readPassphrase(src: PassphraseSource, opts: { prompt?: string; confirm?: boolean } = {}): Promise<string> {
  const fromEnv = src.env.CIC_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (src.stdin.isTTY) {
    const first = await promptHidden(src, `${opts.prompt ?? 'Passphrase'}: `);
    if (opts.confirm) {
      const again = await promptHidden(src, 'Type it again: ');
      if (again !== first) throw new UsageError('The two passphrases did not match.');
    }
    return first;
  }
  const line = await readFirstLine(src.stdin);
  if (line === null || line === '') {
    throw new UsageError('No passphrase: set CIC_PASSPHRASE or give it on the first line of standard input.');
  }
  return line;
}

/** The first line of a piped stream, without its line ending; null if the stream is empty. */
export async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string | null> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    seen += buf.length;
    if (buf.includes(0x0a)) break; // leaving the loop closes the stream: the rest is not read
    if (seen > 64 * 1024) throw new UsageError('The first line of standard input is too long to be a passphrase.');
  }
  if (seen === 0) return null;
  // Windows PowerShell can put a byte-order mark before piped text; it is never part of a passphrase.
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  const nl = text.indexOf('\n');
  const line = nl >= 0 ? text.slice(0, nl) : text;
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Reads a line at the terminal without echoing it. */
function promptHidden(src: PassphraseSource, prompt: string): Promise<string> {
  const { stdin } = src;
  src.err(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (fn: () => void): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      src.err('\n');
      fn();
    };
    const onData = (data: Buffer): void => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003') return done(() => reject(new Cancelled())); // Ctrl-C
        if (ch === '\u0004' && value === '') return done(() => reject(new Cancelled())); // Ctrl-D
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
