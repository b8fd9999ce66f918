// en-GB dates for the whole renderer: the user types and reads dd/mm/yyyy; the API speaks ISO
// yyyy-mm-dd. Impossible dates (31/02/2025) are rejected rather than rolled over.

const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** dd/mm/yyyy (also d/m/yyyy, or with . or - separators) → yyyy-mm-dd, or null if not a real date. */
export function parseUkDate(text: string): string | null {
  const m = UK.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** yyyy-mm-dd → dd/mm/yyyy; anything else is returned unchanged (never throws). */
export function formatUkDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An ISO timestamp → dd/mm/yyyy HH:mm in local time. */
export function formatUkDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const DATE_PLACEHOLDER = 'dd/mm/yyyy';
export const DATE_MESSAGE = 'Enter a real date as dd/mm/yyyy, for example 01/09/2025.';
