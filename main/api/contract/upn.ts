// Unique Pupil Numbers (DfE "Unique pupil numbers (UPNs)" guidance). 13 characters:
//   1      check letter
//   2–4    LA number of the school that issued it
//   5–8    DfE establishment number of that school
//   9–10   last two digits of the year of issue
//   11–13  serial number; a temporary UPN has a letter in position 13
// The check letter: multiply characters 2–13 by weights 2..13 (a letter in position 13 counts as
// its index in the alphabet below), sum, take mod 23, and map 0–22 to A–Z without I, O and S.
// Lives in the contract so forms, the API and the MIS import share one check with no dependencies
// (db/demo/upn.ts holds the same algorithm and is meant to re-export this one).

const ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_SHAPE = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  const i = ALPHABET.indexOf(ch);
  if (i < 0) throw new Error('not a UPN character');
  return i;
}

/** The check letter for the 12 characters after it (11 digits, then a digit or letter). */
export function upnCheckLetter(rest: string): string {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(rest)) {
    throw new Error('A UPN body is 11 digits followed by a digit or a letter other than I, O or S.');
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += charValue(rest[i]!) * (i + 2);
  return ALPHABET[sum % 23]!;
}

/** True for a well-formed UPN (permanent or temporary) whose check letter is right. Case-sensitive. */
export function isValidUpn(upn: string): boolean {
  if (!UPN_SHAPE.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

/** True for a temporary UPN (a letter in the last position): the MIS replaces it with a permanent one later. */
export function isTemporaryUpn(upn: string): boolean {
  return /[A-Z]$/.test(upn);
}

/** Upper-cases and removes spaces, as people type and spreadsheets store UPNs. */
export function normaliseUpn(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Why a (normalised) UPN is not acceptable, in plain English; null when it is valid. */
export function upnProblem(upn: string): string | null {
  if (upn.length !== 13) return 'A UPN is 13 characters: a letter, 11 digits, then a digit or a letter.';
  if (!UPN_SHAPE.test(upn)) return 'A UPN is a letter, 11 digits, then a digit or a letter (never I, O or S).';
  if (upnCheckLetter(upn.slice(1)) !== upn[0]) return 'The UPN\'s check letter does not match: check it was copied correctly.';
  return null;
}

/** Builds a permanent UPN from its parts. */
export function makeUpn(laNumber: number, establishment: number, issueYear: number, serial: number): string {
  const rest = String(laNumber).padStart(3, '0') + String(establishment).padStart(4, '0')
    + String(issueYear % 100).padStart(2, '0') + String(serial).padStart(3, '0');
  return upnCheckLetter(rest) + rest;
}
