// restore: a backup into a new register file (never over an existing one). The passphrase is
// the one that was current when the backup was made.

import path from 'node:path';
import { readBackup, restoreBackup } from '../../../db/backup.ts';
import { publicUsers } from '../../../db/keyring.ts';
import { type Command, EXIT, need, str, USER_OPTION } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { pickUsers, unlockAs } from '../unlock.ts';

export const restore: Command = {
  name: 'restore',
  summary: 'Restore a backup into a new register file',
  synopsis: '--backup FILE --register PATH [--user NAME]',
  options: { backup: { type: 'string' }, register: { type: 'string' }, ...USER_OPTION },
  required: ['backup', 'register'],
  async run(values, ctx) {
    const file = need(values, 'backup');
    const registerPath = need(values, 'register');
    const userName = str(values, 'user');
    // Reading the backup first checks it is one, and finds the user, before asking for a passphrase.
    const users = publicUsers(readBackup(file).header.keyring);
    const userId = userName === undefined ? undefined : pickUsers(users, userName)[0]!.id;
    const passphrase = await readPassphrase(ctx);
    await restoreBackup(file, registerPath, userId ? { passphrase, userId } : { passphrase });
    // Open the restored copy once, to prove it opens and to record the restore in its audit log.
    const register = await unlockAs(registerPath, userName, passphrase);
    try {
      register.transaction(() => register.audit({ action: 'restore', recordType: 'backup' }));
    } finally {
      register.close();
    }
    ctx.out(`Restored ${path.resolve(file)} to ${path.resolve(registerPath)}\n`);
    return EXIT.ok;
  },
};
