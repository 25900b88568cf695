import { t } from '../i18n.js';

/**
 * How a purchase was paid (schema 9): the facts the card route needs. A card is known only by
 * its last four digits; the full number is never asked for, stored or printed.
 */

export const PAYMENT_METHODS = ['card', 'cash', 'bank-transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A credit card (UK s75, US Fair Credit Billing Act) or a debit card (a chargeback). */
export const CARD_TYPES = ['credit', 'debit'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** The case fields that only a card payment has. */
export const CARD_FIELD_KEYS = ['cardType', 'cardIssuer', 'cardLast4', 'statementDate'] as const;
export type CardFieldKey = (typeof CARD_FIELD_KEYS)[number];

/** What a case records about its payment; every part optional (null: not recorded). */
export interface Payment {
  paidBy: PaymentMethod | null;
  cardType: CardType | null;
  cardIssuer: string | null;
  /** Exactly four digits. */
  cardLast4: string | null;
  /** The statement that first showed the charge (YYYY-MM-DD). */
  statementDate: string | null;
}

/** "•••• 1234": the card as the terminal shows it (never more than the last four digits). */
export function maskedCard(last4: string): string {
  return `•••• ${last4}`;
}

/** Whether `text` reads as a whole card number or more than four digits (never echoed back). */
export function looksLikeCardNumber(text: string): boolean {
  return text.replace(/[\s-]/g, '').replace(/\D/g, '').length > 4;
}

/** The card facts a letter to the issuer cannot do without, by flag, in the order to give them. */
export function missingCardFlags(p: Partial<Payment>): string[] {
  const missing: string[] = [];
  if (p.paidBy !== 'card') missing.push('--paid-by card');
  if (!p.cardIssuer) missing.push('--card-issuer …');
  if (!p.cardLast4) missing.push('--card-last4 …');
  if (!p.statementDate) missing.push('--statement-date …');
  return missing;
}

/** The command that records the card facts a case lacks. */
export function cardEditCommand(caseId: number, p: Partial<Payment>, needType: boolean): string {
  const flags = missingCardFlags(p);
  if (needType && !p.cardType) flags.push('--card-type credit|debit');
  return ['complain', 'edit', String(caseId), ...flags].join(' ');
}

/** The words of a payment method in the interface language. */
export function paymentLabel(method: PaymentMethod): string {
  return t(`card.paidBy.${method}`);
}

/** The words of a card type in the interface language. */
export function cardTypeLabel(type: CardType): string {
  return t(`card.cardType.${type}`);
}
