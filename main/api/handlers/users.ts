import type { HandlerMap } from '../handler.ts';

export const userHandlers: HandlerMap<'listUsers' | 'addUser' | 'removeUser' | 'changePassphrase' | 'newRecoveryKey'> = {
  listUsers: (ctx) => ctx.requireRegister().users(),
  addUser: (ctx, input) => ctx.requireRegister().addUser(input),
  removeUser: (ctx, { userId }) => {
    const r = ctx.requireRegister();
    r.removeUser(userId);
    return r.users();
  },
  changePassphrase: async (ctx, input) => {
    await ctx.requireRegister().changePassphrase(input.oldPassphrase, input.newPassphrase);
    return null;
  },
  newRecoveryKey: async (ctx, { passphrase }) => ({ recoveryKey: await ctx.requireRegister().newRecoveryKey(passphrase) }),
};
