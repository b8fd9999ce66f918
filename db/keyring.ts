// The keyring (DESIGN.md "Security model"): a sidecar JSON file beside the register that lets each
// user, and the recovery key, recover the random 32-byte data key that encrypts the database.
//
// Each entry (a user or the recovery key) holds an X25519 key pair. The private key is wrapped with
// AES-256-GCM under a key derived from that user's own passphrase (Argon2id) or from the recovery
// key (HKDF: it is already 160 random bits). The data key is sealed to each entry's public key.
// Sealing to public keys is what lets us rekey when a user is removed: the new data key can be
// sealed to every remaining user without knowing their passphrases.
//
// A rekey is made crash-safe by writing the new key's seals as `pending` first; the opener tries
// the pending key if the current one does not open the database (see db/register.ts).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { InvalidError, IoError, NotARegisterError, NotFoundError, WrongPassphraseError } from './errors.ts';
import { passphraseProblem } from './passphrase.ts';
import { registerFiles } from './paths.ts';

export type Role = 'dt' | 'deputy';

export interface KdfParams {
  alg: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Default cost: about 0.2–0.4 s on a 2-core school laptop, inside the 1 s unlock target. */
export const DEFAULT_KDF: KdfParams = { alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 };
/** For tests only: same algorithm, minimal cost, so suites stay fast. Recorded in the file. */
export const FAST_TEST_KDF: KdfParams = { alg: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 };

interface Box { iv: string; tag: string; ct: string }
interface Sealed extends Box { epk: string }

interface EntryBase {
  id: string;
  publicKey: string;
  wrappedPrivateKey: Box;
  sealed: Sealed;
  pendingSealed?: Sealed;
}

export interface UserEntry extends EntryBase {
  kind: 'user';
  name: string;
  role: Role;
  salt: string;
  kdf: KdfParams;
}

export interface RecoveryEntry extends EntryBase {
  kind: 'recovery';
  salt: string;
}

export interface Keyring {
  format: 'cic-register-keyring';
  version: 1;
  registerId: string;
  users: UserEntry[];
  recovery: RecoveryEntry;
}

export interface PublicUser { id: string; name: string; role: Role }

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64');

function aeadEncrypt(key: Uint8Array, plain: Uint8Array, aad: string): Box {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: b64(iv), tag: b64(c.getAuthTag()), ct: b64(ct) };
}

/** Returns null when authentication fails (wrong key or tampered box). */
function aeadDecrypt(key: Uint8Array, box: Box, aad: string): Buffer | null {
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, unb64(box.iv));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(unb64(box.tag));
    return Buffer.concat([d.update(unb64(box.ct)), d.final()]);
  } catch {
    return null;
  }
}

function newKeyPair(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519');
  const pub = publicKey.export({ format: 'jwk' }).x as string;
  const priv = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  return { publicKey: pub, privateKey: priv };
}

// PKCS#8 DER prefix for a raw 32-byte X25519 private key (RFC 8410), so no public half is needed.
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

function x25519(privateRaw: Uint8Array, publicB64url: string): Buffer {
  const pubKey = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicB64url }, format: 'jwk' });
  const der = Buffer.concat([X25519_PKCS8_PREFIX, privateRaw]);
  const privKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return crypto.diffieHellman({ privateKey: privKey, publicKey: pubKey });
}

function sealKey(dataKey: Uint8Array, recipientPublic: string, aad: string): Sealed {
  const eph = newKeyPair();
  const shared = x25519(eph.privateKey, recipientPublic);
  const k = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(eph.publicKey + recipientPublic), 'cic-register seal v1', 32));
  const box = aeadEncrypt(k, dataKey, aad);
  eph.privateKey.fill(0);
  k.fill(0);
  return { ...box, epk: eph.publicKey };
}

/** Returns null when the seal does not open (wrong key, or a damaged seal). */
function openSealed(sealed: Sealed, privateKey: Uint8Array, ownPublic: string, aad: string): Buffer | null {
  let shared: Buffer;
  try {
    shared = x25519(privateKey, sealed.epk);
  } catch {
    return null;
  }
  const k = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(sealed.epk + ownPublic), 'cic-register seal v1', 32));
  const out = aeadDecrypt(k, sealed, aad);
  k.fill(0);
  return out;
}

async function deriveFromPassphrase(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  // NFC so the same passphrase typed on different keyboards/platforms derives the same key.
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt,
  });
}

// ---- recovery key ---------------------------------------------------------------------------

// Crockford base32: no I, L, O, U, so it can be read aloud and typed from paper without confusion.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatRecoveryKey(bytes: Uint8Array): string {
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 32 || /[^0-9A-HJKMNP-TV-Z]/.test(clean)) return null;
  let bits = '';
  for (const ch of clean) bits += CROCKFORD.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = Buffer.alloc(20);
  for (let i = 0; i < 20; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return bytes;
}

function recoveryKek(recovery: Uint8Array, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', recovery, salt, 'cic-register recovery v1', 32));
}

// ---- entries --------------------------------------------------------------------------------

function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length > 1024) throw InvalidError.field('passphrase', 'Passphrase must be at most 1,024 characters.');
  const problem = passphraseProblem(passphrase);
  if (problem) throw InvalidError.field('passphrase', problem);
}

function checkName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 100) throw InvalidError.field('name', 'Name must be between 1 and 100 characters.');
  return n;
}

async function makeUserEntry(
  registerId: string, id: string, name: string, role: Role, passphrase: string, dataKey: Uint8Array, kdf: KdfParams,
): Promise<UserEntry> {
  const pair = newKeyPair();
  const salt = crypto.randomBytes(16);
  const kek = await deriveFromPassphrase(passphrase, salt, kdf);
  const entry: UserEntry = {
    kind: 'user', id, name, role, salt: b64(salt), kdf,
    publicKey: pair.publicKey,
    wrappedPrivateKey: aeadEncrypt(kek, pair.privateKey, `${registerId}:${id}:private`),
    sealed: sealKey(dataKey, pair.publicKey, `${registerId}:${id}:data`),
  };
  kek.fill(0);
  pair.privateKey.fill(0);
  return entry;
}

export interface NewKeyring {
  keyring: Keyring;
  dataKey: Buffer;
  /** Shown once to the DT, to print and keep in the school safe. Never stored. */
  recoveryKey: string;
  userId: string;
}

export async function createKeyring(
  opts: { name: string; role: Role; passphrase: string; kdf?: KdfParams },
): Promise<NewKeyring> {
  const name = checkName(opts.name);
  checkNewPassphrase(opts.passphrase);
  const registerId = crypto.randomUUID();
  const dataKey = crypto.randomBytes(32);
  const userId = crypto.randomUUID();
  const user = await makeUserEntry(registerId, userId, name, opts.role, opts.passphrase, dataKey, opts.kdf ?? DEFAULT_KDF);
  const recoveryBytes = crypto.randomBytes(20);
  const recoveryKey = formatRecoveryKey(recoveryBytes);
  const recovery = makeRecoveryEntry(registerId, recoveryBytes, dataKey);
  recoveryBytes.fill(0);
  return {
    keyring: { format: 'cic-register-keyring', version: 1, registerId, users: [user], recovery },
    dataKey, recoveryKey, userId,
  };
}

function makeRecoveryEntry(registerId: string, recoveryBytes: Uint8Array, dataKey: Uint8Array): RecoveryEntry {
  const pair = newKeyPair();
  const salt = crypto.randomBytes(16);
  const kek = recoveryKek(recoveryBytes, salt);
  const id = 'recovery';
  const entry: RecoveryEntry = {
    kind: 'recovery', id, salt: b64(salt),
    publicKey: pair.publicKey,
    wrappedPrivateKey: aeadEncrypt(kek, pair.privateKey, `${registerId}:${id}:private`),
    sealed: sealKey(dataKey, pair.publicKey, `${registerId}:${id}:data`),
  };
  kek.fill(0);
  pair.privateKey.fill(0);
  return entry;
}

/** A new recovery key replaces the old one (lost, or never printed). Shown once, never stored. */
export function replaceRecoveryEntry(keyring: Keyring, dataKey: Uint8Array): { keyring: Keyring; recoveryKey: string } {
  const bytes = crypto.randomBytes(20);
  const recoveryKey = formatRecoveryKey(bytes);
  const recovery = makeRecoveryEntry(keyring.registerId, bytes, dataKey);
  bytes.fill(0);
  return { keyring: { ...keyring, recovery }, recoveryKey };
}

export interface UnlockedKeys {
  dataKey: Buffer;
  /** Present only if a rekey was interrupted; see db/register.ts. */
  pendingKey?: Buffer;
}

function openEntry(keyring: Keyring, entry: UserEntry | RecoveryEntry, privateKey: Buffer): UnlockedKeys {
  const aad = `${keyring.registerId}:${entry.id}:data`;
  const dataKey = openSealed(entry.sealed, privateKey, entry.publicKey, aad);
  const pendingKey = entry.pendingSealed ? openSealed(entry.pendingSealed, privateKey, entry.publicKey, aad) : null;
  privateKey.fill(0);
  if (!dataKey) throw new NotARegisterError('The keyring file is damaged: the data key could not be recovered.');
  return pendingKey ? { dataKey, pendingKey } : { dataKey };
}

export function findUser(keyring: Keyring, userId: string): UserEntry {
  const u = keyring.users.find((x) => x.id === userId);
  if (!u) throw new NotFoundError('That user');
  return u;
}

async function userPrivateKey(keyring: Keyring, user: UserEntry, passphrase: string): Promise<Buffer> {
  const kek = await deriveFromPassphrase(passphrase, unb64(user.salt), user.kdf);
  const priv = aeadDecrypt(kek, user.wrappedPrivateKey, `${keyring.registerId}:${user.id}:private`);
  kek.fill(0);
  if (!priv) throw new WrongPassphraseError();
  return priv;
}

export async function unlockWithPassphrase(keyring: Keyring, userId: string, passphrase: string): Promise<UnlockedKeys> {
  const user = findUser(keyring, userId);
  return openEntry(keyring, user, await userPrivateKey(keyring, user, passphrase));
}

export function unlockWithRecoveryKey(keyring: Keyring, recoveryKey: string): UnlockedKeys {
  const bytes = parseRecoveryKey(recoveryKey);
  if (!bytes) throw new WrongPassphraseError('That is not a valid recovery key. It has 32 letters and digits in groups of four.');
  const kek = recoveryKek(bytes, unb64(keyring.recovery.salt));
  bytes.fill(0);
  const priv = aeadDecrypt(kek, keyring.recovery.wrappedPrivateKey, `${keyring.registerId}:recovery:private`);
  kek.fill(0);
  if (!priv) throw new WrongPassphraseError('That recovery key is not right for this register.');
  return openEntry(keyring, keyring.recovery, priv);
}

export async function addUserEntry(
  keyring: Keyring, dataKey: Uint8Array, opts: { name: string; role: Role; passphrase: string; kdf?: KdfParams },
): Promise<{ keyring: Keyring; userId: string }> {
  const name = checkName(opts.name);
  checkNewPassphrase(opts.passphrase);
  if (keyring.users.some((u) => u.name.toLowerCase() === name.toLowerCase())) {
    throw InvalidError.field('name', 'There is already a user with that name.');
  }
  const userId = crypto.randomUUID();
  const entry = await makeUserEntry(keyring.registerId, userId, name, opts.role, opts.passphrase, dataKey, opts.kdf ?? DEFAULT_KDF);
  return { keyring: { ...keyring, users: [...keyring.users, entry] }, userId };
}

export async function changePassphraseEntry(
  keyring: Keyring, userId: string, oldPassphrase: string, newPassphrase: string,
): Promise<Keyring> {
  const user = findUser(keyring, userId);
  const priv = await userPrivateKey(keyring, user, oldPassphrase);
  checkNewPassphrase(newPassphrase);
  const salt = crypto.randomBytes(16);
  const kek = await deriveFromPassphrase(newPassphrase, salt, user.kdf);
  const updated: UserEntry = {
    ...user, salt: b64(salt),
    wrappedPrivateKey: aeadEncrypt(kek, priv, `${keyring.registerId}:${user.id}:private`),
  };
  kek.fill(0);
  priv.fill(0);
  return { ...keyring, users: keyring.users.map((u) => (u.id === userId ? updated : u)) };
}

/** After unlocking with the recovery key: give a user a new passphrase (and a new key pair). */
export async function resetPassphraseEntry(
  keyring: Keyring, dataKey: Uint8Array, userId: string, newPassphrase: string,
): Promise<Keyring> {
  const user = findUser(keyring, userId);
  checkNewPassphrase(newPassphrase);
  const entry = await makeUserEntry(keyring.registerId, user.id, user.name, user.role, newPassphrase, dataKey, user.kdf);
  return { ...keyring, users: keyring.users.map((u) => (u.id === userId ? entry : u)) };
}

/** Step 1 of a rekey: seal the new key to every remaining entry as `pending`. */
export function withPendingKey(keyring: Keyring, newKey: Uint8Array, dropUserId?: string): Keyring {
  const seal = <E extends UserEntry | RecoveryEntry>(e: E): E => ({
    ...e, pendingSealed: sealKey(newKey, e.publicKey, `${keyring.registerId}:${e.id}:data`),
  });
  return {
    ...keyring,
    users: keyring.users.filter((u) => u.id !== dropUserId).map(seal),
    recovery: seal(keyring.recovery),
  };
}

/** Step 2 of a rekey, once the database is rekeyed: the pending key becomes current. */
export function promotePendingKey(keyring: Keyring): Keyring {
  const promote = <E extends UserEntry | RecoveryEntry>(e: E): E => {
    if (!e.pendingSealed) return e;
    const { pendingSealed, ...rest } = e;
    return { ...rest, sealed: pendingSealed } as E;
  };
  return { ...keyring, users: keyring.users.map(promote), recovery: promote(keyring.recovery) };
}

/** Step 2' when the database was not rekeyed after all: forget the pending key. */
export function dropPendingKey(keyring: Keyring): Keyring {
  const drop = <E extends UserEntry | RecoveryEntry>(e: E): E => {
    const { pendingSealed: _p, ...rest } = e;
    return rest as E;
  };
  return { ...keyring, users: keyring.users.map(drop), recovery: drop(keyring.recovery) };
}

export function publicUsers(keyring: Keyring): PublicUser[] {
  return keyring.users.map((u) => ({ id: u.id, name: u.name, role: u.role }));
}

// ---- file -----------------------------------------------------------------------------------

export function keyringPath(registerPath: string): string {
  return registerFiles(registerPath).keyring;
}

export function readKeyring(registerPath: string): Keyring {
  const file = keyringPath(registerPath);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotARegisterError(
        `The keyring file (${path.basename(file)}) is missing. It must sit beside the register; restore it from a backup.`,
      );
    }
    throw new IoError('The keyring file could not be read.');
  }
  return parseKeyring(text);
}

export function parseKeyring(text: string): Keyring {
  let k: unknown;
  try {
    k = JSON.parse(text);
  } catch {
    throw new NotARegisterError('The keyring file is damaged (not valid JSON). Restore it from a backup.');
  }
  const ok = typeof k === 'object' && k !== null && (k as Keyring).format === 'cic-register-keyring'
    && (k as Keyring).version === 1 && Array.isArray((k as Keyring).users) && typeof (k as Keyring).recovery === 'object';
  if (!ok) throw new NotARegisterError('The keyring file is not a CiC Register keyring, or is damaged.');
  // Every field is checked before any is used: a damaged KDF cost could otherwise reach Argon2id
  // (a raw error, or gigabytes of memory) and a damaged key a raw crypto error.
  const keyring = k as Keyring;
  if (!isText(keyring.registerId) || !keyring.users.every(isUserEntry) || !isRecoveryEntry(keyring.recovery)) {
    throw new NotARegisterError('The keyring file is damaged. Restore it from a backup.');
  }
  return keyring;
}

/** The KDF costs a keyring may ask for: at least the test cost, at most 1 GiB and 64 passes. */
const KDF_LIMITS = { memoryKiB: [1024, 1024 * 1024], iterations: [1, 64], parallelism: [1, 16] } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 1000;
const isBase64 = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= 200 && /^[A-Za-z0-9+/]+={0,2}$/.test(v);
/** A raw 32-byte X25519 public key, base64url without padding (JWK "x"). */
const isPublicKey = (v: unknown): boolean => typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v);
const isBox = (v: unknown): boolean => isObject(v) && isBase64(v.iv) && isBase64(v.tag) && isBase64(v.ct);
const isSealed = (v: unknown): boolean => isBox(v) && isPublicKey((v as { epk?: unknown }).epk);
const inRange = (v: unknown, [lo, hi]: readonly [number, number]): boolean => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

function isKdf(v: unknown): boolean {
  return isObject(v) && v.alg === 'argon2id' && inRange(v.memoryKiB, KDF_LIMITS.memoryKiB) && inRange(v.iterations, KDF_LIMITS.iterations)
    && inRange(v.parallelism, KDF_LIMITS.parallelism);
}

function isEntry(v: unknown): v is Record<string, unknown> {
  return isObject(v) && isText(v.id) && isBase64(v.salt) && isPublicKey(v.publicKey) && isBox(v.wrappedPrivateKey) && isSealed(v.sealed)
    && (v.pendingSealed === undefined || isSealed(v.pendingSealed));
}

function isUserEntry(v: unknown): boolean {
  return isEntry(v) && v.kind === 'user' && isText(v.name) && (v.role === 'dt' || v.role === 'deputy') && isKdf(v.kdf);
}

function isRecoveryEntry(v: unknown): boolean {
  return isEntry(v) && v.kind === 'recovery';
}

/**
 * Atomic replace: write a temp file, fsync it, rename over, fsync the folder. `data` may be a
 * writer that fills the open file itself (backups stream in chunks rather than sit in memory).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | ((fd: number) => void)): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      if (typeof data === 'function') data(fd);
      else fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    try {
      const dfd = fs.openSync(dir, 'r');
      try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
    } catch {
      // Directory fsync is unsupported on Windows; the rename is still atomic there.
    }
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* best effort */ }
    const code = (e as NodeJS.ErrnoException).code;
    throw new IoError(code === 'ENOSPC' ? 'The disk is full: nothing was changed.' : `A file could not be written (${code ?? 'error'}): nothing was changed.`);
  }
}

export function writeKeyring(registerPath: string, keyring: Keyring): void {
  writeFileAtomic(keyringPath(registerPath), JSON.stringify(keyring, null, 2));
}
