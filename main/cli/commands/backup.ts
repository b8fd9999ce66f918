// backup: an encrypted, verified single-file copy (the register's own backup, never a file copy).

import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, InvalidError } from '../../../db/errors.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

export const backup: Command = {
  name: 'backup',
  summary: 'Write an encrypted backup and verify it',
  synopsis: '--register PATH --out FILE [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, out: { type: 'string' } },
  required: ['register', 'out'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const out = path.resolve(need(values, 'out'));
    // Checked before the passphrase is asked for, so a typo costs nothing.
    if (fs.existsSync(out)) throw new ConflictError('The backup file already exists. Choose a new file name.');
    if (!fs.existsSync(path.dirname(out))) throw InvalidError.field('out', 'The folder for the backup does not exist.');
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const result = register.backupTo(out);
      ctx.out(`Backup written and verified: ${result.file} (${result.bytes.toLocaleString('en-GB')} bytes)\n`);
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
