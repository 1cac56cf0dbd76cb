/** Resident identity card numbers (居民身份证号码, GB 11643-1999): check digit and masking. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Whether an 18-character ID number has a valid date of birth and ISO 7064 MOD 11-2 check digit. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(birth)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

/** The check digit an ID number's first 17 digits call for (for building test and demo numbers). */
export function idCheckDigit(first17: string): string {
  return CHECK[WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11];
}

/** An ID number masked for people who do not handle the case: first 6 and last 4 kept. */
export const maskIdNumber = (id: string | null | undefined) => (id ? `${id.slice(0, 6)}********${id.slice(-4)}` : id ?? null);
/** A phone number masked: first 3 and last 4 kept. */
export const maskPhone = (p: string | null | undefined) => (p ? (p.length > 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****') : p ?? null);
