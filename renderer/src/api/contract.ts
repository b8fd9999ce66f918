// The renderer's one door into main/: the API contract (its types, and the zod schemas the forms
// reuse). Everything else in the renderer imports the contract from here.
// eslint-disable-next-line no-restricted-imports -- the contract is the one import from main/ that the house rules allow; the lint pattern cannot yet express that exception
export * from '../../../main/api/contract.ts';
