// The renderer's one door into main/: the API contract (its types, and the zod schemas the forms
// reuse). Everything else in the renderer imports the contract from here.
export * from '../../../main/api/contract.ts';
