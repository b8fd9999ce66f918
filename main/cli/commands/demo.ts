// demo: create a register (if there is none at the path) and fill it with fictitious data.

import fs from 'node:fs';
import path from 'node:path';
import { checkDemoOptions, generateDemo } from '../../services/demo/index.ts';
import { registerFiles } from '../../../db/paths.ts';
import { Register } from '../../../db/register.ts';
import { type Command, EXIT, int, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { kdfFromEnv } from '../environment.ts';
import { readPassphrase } from '../passphrase.ts';
import { unlockAs } from '../unlock.ts';
import { recoveryKeyNotice } from './init.ts';

export const DEMO_SCHOOL = 'Demo Academy (fictitious)';
export const DEMO_USER = 'Demo DT';

export const demo: Command = {
  name: 'demo',
  summary: 'Create (or fill an empty) register with fictitious demo data',
  synopsis: '--register PATH [--children N] [--years N] [--seed N] [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, children: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' } },
  required: ['register'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const opts = { children: int(values, 'children', 40), years: int(values, 'years', 3), seed: int(values, 'seed', 1) };
    checkDemoOptions(opts); // before anything is created, so a bad size leaves no empty register behind
    const exists = fs.existsSync(registerFiles(registerPath).db);
    const kdf = exists ? undefined : kdfFromEnv(ctx.env);
    const passphrase = await readPassphrase(ctx, { prompt: exists ? 'Passphrase' : 'New passphrase', confirm: !exists });
    let register: Register;
    let recoveryKey: string | null = null;
    if (exists) {
      register = await unlockAs(registerPath, str(values, 'user'), passphrase);
    } else {
      ({ register, recoveryKey } = await Register.create({
        path: registerPath, schoolName: DEMO_SCHOOL, userName: DEMO_USER, role: 'dt', passphrase, ...(kdf ? { kdf } : {}),
      }));
    }
    try {
      const s = generateDemo(register, opts);
      ctx.out(`${exists ? 'Filled' : 'Created'} the demo register ${path.resolve(registerPath)} (seed ${opts.seed}):\n`);
      ctx.out(`  ${s.children} fictitious children, ${s.academicYears} academic years, ${s.localAuthorities} local authorities,\n`);
      ctx.out(`  ${s.placements} placements, ${s.attendancePeriods} attendance periods, ${s.suspensions} suspensions, ${s.voiceEntries} voice-log entries.\n`);
    } finally {
      register.close();
    }
    if (recoveryKey) ctx.out(recoveryKeyNotice(recoveryKey));
    return EXIT.ok;
  },
};
