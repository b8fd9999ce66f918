// Files that belong to one register, all beside the register file itself.
import path from 'node:path';

export function registerFiles(registerPath: string) {
  const abs = path.resolve(registerPath);
  return {
    db: abs,
    keyring: `${abs}.keyring`,
    /** Failed unlocks are noted here while locked and moved into the audit log at the next unlock. */
    failedUnlocks: `${abs}.failed-unlocks`,
    backupsDir: path.join(path.dirname(abs), `${path.basename(abs)}-backups`),
  };
}
