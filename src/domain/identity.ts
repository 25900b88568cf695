import { ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { sanitizeText } from './text.js';

/**
 * Identity numbers a forum asks for: the consumer's (TC kimlik no., IIN, national code) and the
 * company's (MERSİS, VKN, BIN, national ID). Kept only when the user gives them, written in full
 * only into an application document; everywhere else on the terminal they are masked.
 */

/** Letters and digits, with the spaces and hyphens people type between groups. */
const IDENTITY = /^[\p{L}\p{N}][\p{L}\p{N} -]{2,39}$/u;

/** Reads an identity number as typed: spaces and hyphens dropped; "" clears it (null). */
export function parseIdentityNumber(text: string, flag: string): string | null {
  const value = sanitizeText(text).trim();
  if (value === '') return null;
  if (!IDENTITY.test(value))
    throw new ValidationError(
      flag.replace(/^--/, ''),
      t('apply.identity.invalid', { flag, text: value }),
      t('apply.identity.invalidHint', { flag }),
    );
  return value.replace(/[ -]/g, '');
}

/** "*******1234": the last four characters shown, the rest starred (all starred when short). */
export function maskIdentity(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
