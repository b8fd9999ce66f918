// `npm run web -- --register PATH [--port N] [--auto-lock-seconds N]`
// Prints exactly one line `CIC_WEB_URL=<url>` (scripts and Playwright read it), then serves until stopped.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { startWebServer } from './server.ts';

const USAGE = 'Usage: npm run web -- --register PATH [--port N] [--auto-lock-seconds N]';

async function main(): Promise<void> {
  let values: { register?: string; port?: string; 'auto-lock-seconds'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { register: { type: 'string' }, port: { type: 'string' }, 'auto-lock-seconds': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.register) {
    console.error(`--register is required.\n${USAGE}`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535.\n${USAGE}`);
    process.exit(2);
  }
  const lockSeconds = values['auto-lock-seconds'] === undefined ? undefined : Number(values['auto-lock-seconds']);
  if (lockSeconds !== undefined && !(lockSeconds > 0)) {
    console.error(`--auto-lock-seconds must be a positive number.\n${USAGE}`);
    process.exit(2);
  }
  const registerPath = path.resolve(values.register);
  const server = await startWebServer({
    registerPath,
    demoPath: path.join(path.dirname(registerPath), 'demo-register.cicdb'),
    rendererDir: path.resolve(import.meta.dirname, '../../out/renderer'),
    port,
    ...(lockSeconds ? { autoLockMsOverride: lockSeconds * 1000 } : {}),
    // Test-only cheaper KDF for registers created in this run; never set on a DT's machine.
    ...(process.env.CIC_KDF === 'fast' ? { kdf: FAST_TEST_KDF } : {}),
  });
  console.log(`CIC_WEB_URL=${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
