// Settings the CLI takes from the environment (never secrets other than CIC_PASSPHRASE).

import { FAST_TEST_KDF, type KdfParams } from '../../db/keyring.ts';
import { UsageError } from './command.ts';

/**
 * CIC_KDF=fast selects the minimal Argon2id cost for new registers. Test suites only: a register
 * made this way is far easier to brute-force. Unset means the normal cost.
 */
export function kdfFromEnv(env: NodeJS.ProcessEnv): KdfParams | undefined {
  const v = env.CIC_KDF;
  if (v === undefined || v === '') return undefined;
  if (v === 'fast') return FAST_TEST_KDF;
  throw new UsageError("CIC_KDF must be 'fast' (test suites only) or unset.");
}
