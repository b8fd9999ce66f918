// Opening a register from the CLI with a passphrase, by user name or by trying each user.

import fs from 'node:fs';
import { InvalidError, NotARegisterError, WrongPassphraseError } from '../../db/errors.ts';
import { readKeyring, unlockWithPassphrase, type PublicUser } from '../../db/keyring.ts';
import { registerFiles } from '../../db/paths.ts';
import { Register } from '../../db/register.ts';

/** Checks there is a register (file and keyring) before asking for a passphrase. */
export function registerUsers(registerPath: string): PublicUser[] {
  if (!fs.existsSync(registerFiles(registerPath).db)) throw new NotARegisterError('The register file was not found at that path.');
  return Register.users(registerPath);
}

export function pickUsers(users: PublicUser[], userName: string | undefined): PublicUser[] {
  if (userName === undefined) return users;
  const wanted = userName.trim().toLowerCase();
  const found = users.filter((u) => u.name.toLowerCase() === wanted);
  if (found.length === 0) throw InvalidError.field('user', 'There is no user with that name in this register.');
  return found;
}

/**
 * With --user, or when there is one user, this is a plain unlock. Otherwise each user's key is
 * tried quietly first, so the DT opening the register does not leave a "failed unlock" against the
 * deputy in the audit log; only if no user matches is the failure recorded, against each of them.
 */
export async function unlockAs(registerPath: string, userName: string | undefined, passphrase: string): Promise<Register> {
  const candidates = pickUsers(registerUsers(registerPath), userName);
  if (candidates.length === 1) return Register.unlock(registerPath, { userId: candidates[0]!.id, passphrase });
  const keyring = readKeyring(registerPath);
  for (const u of candidates) {
    try {
      const keys = await unlockWithPassphrase(keyring, u.id, passphrase);
      keys.dataKey.fill(0);
      keys.pendingKey?.fill(0);
      return await Register.unlock(registerPath, { userId: u.id, passphrase });
    } catch (e) {
      if (!(e instanceof WrongPassphraseError)) throw e;
    }
  }
  for (const u of candidates) {
    try {
      return await Register.unlock(registerPath, { userId: u.id, passphrase });
    } catch (e) {
      if (!(e instanceof WrongPassphraseError)) throw e;
    }
  }
  throw new WrongPassphraseError('That passphrase does not open this register for any of its users. Check it, or name the user with --user.');
}
