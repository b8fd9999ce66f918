// init: create a new register; the user named becomes its Designated Teacher.

import path from 'node:path';
import { Register } from '../../../db/register.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str } from '../command.ts';
import { kdfFromEnv } from '../environment.ts';
import { readPassphrase } from '../passphrase.ts';

export function recoveryKeyNotice(recoveryKey: string): string {
  return [
    '',
    `RECOVERY KEY (shown only this once):  ${recoveryKey}`,
    '',
    'Print this recovery key now and keep the paper in the school safe. It is the only way back into',
    'the register if every passphrase is forgotten. Do not save it on this computer or email it.',
    '',
  ].join('\n');
}

export const init: Command = {
  name: 'init',
  summary: 'Create a new register; you become its Designated Teacher',
  synopsis: '--register PATH --user NAME [--school NAME]',
  options: { ...REGISTER_OPTION, user: { type: 'string' }, school: { type: 'string' } },
  required: ['register', 'user'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const kdf = kdfFromEnv(ctx.env);
    const passphrase = await readPassphrase(ctx, { prompt: 'New passphrase', confirm: true });
    const { register, recoveryKey } = await Register.create({
      path: registerPath,
      schoolName: str(values, 'school') ?? 'School name not set',
      userName: need(values, 'user'),
      role: 'dt',
      passphrase,
      ...(kdf ? { kdf } : {}),
    });
    register.close();
    ctx.out(`Created the register ${path.resolve(registerPath)}\n`);
    ctx.out(recoveryKeyNotice(recoveryKey));
    return EXIT.ok;
  },
};
