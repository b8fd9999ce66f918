// verify: integrity check, audit chain and a few counts. Exit 4 if anything is wrong, so scripts
// (and the school's IT technician) can check a register or a restored copy unattended.

import path from 'node:path';
import { verifyAudit } from '../../../db/audit.ts';
import { LATEST_VERSION, schemaVersion } from '../../../db/migrations/index.ts';
import { qb } from '../../../db/query.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

export const verify: Command = {
  name: 'verify',
  summary: 'Check the register\'s integrity and its audit chain',
  synopsis: '--register PATH [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION },
  required: ['register'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const integrity = register.integrity();
      const chain = verifyAudit(register.sqlite);
      const count = (where?: 'on-roll' | 'left'): number => {
        let q = qb.selectFrom('children').select((eb) => eb.fn.countAll<number>().as('n'));
        if (where === 'on-roll') q = q.where('leaving_date', 'is', null);
        if (where === 'left') q = q.where('leaving_date', 'is not', null);
        return register.one(q)?.n ?? 0;
      };
      const users = register.all(qb.selectFrom('users').select('id').where('removed_at', 'is', null)).length;
      ctx.out(`Register:       ${path.resolve(registerPath)}\n`);
      ctx.out(`Schema version: ${schemaVersion(register.sqlite)} (this app knows up to ${LATEST_VERSION})\n`);
      ctx.out(`Integrity:      ${integrity.ok ? 'ok' : `PROBLEMS: ${integrity.problems.join('; ')}`}\n`);
      ctx.out(`Audit chain:    ${chain.entries} entries, ${chain.ok ? 'ok' : `BROKEN at entry ${chain.brokenAt ?? '?'} (${chain.problem ?? 'unknown'})`}\n`);
      ctx.out(`Children:       ${count()} (${count('on-roll')} on roll, ${count('left')} left)\n`);
      ctx.out(`Users:          ${users}\n`);
      ctx.out(`Last backup:    ${register.lastBackupAt() ?? 'never'}\n`);
      if (integrity.ok && chain.ok) return EXIT.ok;
      ctx.err(`cic-register: The register failed verification (${[!integrity.ok && 'integrity', !chain.ok && 'audit chain'].filter(Boolean).join(' and ')}). Restore it from a backup.\n`);
      return EXIT.notARegister;
    } finally {
      register.close();
    }
  },
};
