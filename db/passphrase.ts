// Minimum passphrase strength (issue 2). Deliberately simple and explainable to a DT:
// length first, then obvious weaknesses. Messages name the field and say how to fix it.

export type Strength = 'too-weak' | 'fair' | 'strong';

export interface StrengthReport {
  strength: Strength;
  /** Why it is too weak, in plain English; empty when acceptable. */
  problems: string[];
  /** Rough guessing entropy in bits, for the strength meter. */
  bits: number;
}

export const MIN_PASSPHRASE_LENGTH = 12;

const COMMON = [
  'password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'changeme',
  'monkey', 'dragon', 'football', 'sunshine', 'school', 'teacher', 'abc123', '123456',
];

export function passphraseStrength(passphrase: string): StrengthReport {
  const problems: string[] = [];
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`must be at least ${MIN_PASSPHRASE_LENGTH} characters long (three or four unrelated words work well)`);
  }
  const unique = new Set(chars.map((c) => c.toLowerCase())).size;
  if (chars.length > 0 && unique < 6) problems.push('uses too few different characters');
  const lower = passphrase.toLowerCase();
  if (COMMON.some((w) => lower.includes(w)) && chars.length < 20) {
    problems.push('contains a very common password; add more unrelated words');
  }
  if (/^(.)\1+$/.test(passphrase)) problems.push('is one character repeated');
  if (/^(0123456789|1234567890|abcdefghijkl|qwertyuiop)/i.test(lower)) problems.push('is a keyboard or number sequence');

  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  // Count unique characters, not length, so "aaaaaaaaaaaaaaaa" is not rated strong.
  const effective = Math.min(chars.length, unique * 2);
  const bits = Math.round(effective * Math.log2(Math.max(pool, 1)));

  const strength: Strength = problems.length > 0 ? 'too-weak' : bits >= 70 ? 'strong' : 'fair';
  return { strength, problems, bits };
}

/** Throws-free check used by the keyring and the API: returns the message or null. */
export function passphraseProblem(passphrase: string): string | null {
  const r = passphraseStrength(passphrase);
  return r.problems.length ? `Passphrase ${r.problems.join('; ')}.` : null;
}
