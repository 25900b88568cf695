import type { Money } from './money.js';
import type { CardType, PaymentMethod } from './payment.js';
import type {
  CaseStatus,
  Channel,
  ContactOutcome,
  Direction,
  EscalationKind,
  PromiseState,
  Remedy,
  SupervisorRequest,
} from './vocab.js';

/** The sender of every letter: recorded once with `complain profile`. */
export interface Profile {
  fullName: string;
  address: string;
  phone: string;
  email: string;
  country: string;
  language: string;
  timeZone: string;
  /** The language of the terminal interface; null follows the locale, else the country. */
  interfaceLanguage?: string | null;
  /** The national identity number (TC kimlik no., IIN…), kept only when the user gives it (schema 7). */
  nationalId?: string | null;
}

/** A company's ways in: every channel is optional. */
export interface CompanyChannels {
  address: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  chat: string | null;
  social: string | null;
}

/** A company the user has complained to. */
export interface Company extends CompanyChannels {
  id: number;
  name: string;
  /** The company's registry number (MERSİS, VKN, BIN), when known (schema 7). */
  companyId?: string | null;
}

/** What defines a case, as the user gave it (validated). */
export interface CaseFields {
  title: string;
  product: string;
  purchasedOn: string | null;
  orderRef: string | null;
  accountRef: string | null;
  amount: Money | null;
  occurredOn: string | null;
  situation: string;
  problem: string;
  request: string;
  remedy: Remedy;
  remedyDetail: string | null;
  jurisdiction: string;
  /** How it was paid (schema 9); absent or null when not recorded. */
  paidBy?: PaymentMethod | null;
  /** A card payment: credit or debit (decides between s75 or the FCBA and a chargeback). */
  cardType?: CardType | null;
  /** The bank or company that issued the card. */
  cardIssuer?: string | null;
  /** The card's last four digits: never more of the card number. */
  cardLast4?: string | null;
  /** The statement that first showed the charge (YYYY-MM-DD). */
  statementDate?: string | null;
}

/** A case file. */
export interface CaseRecord extends CaseFields {
  id: number;
  company: Company;
  status: CaseStatus;
  outcome: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** The card issuer's address for disputes, kept from the last letter to it (schema 9). */
  cardIssuerAddress?: string | null;
}

/** A representative, in the order they appeared on the contact. */
export interface Rep {
  name: string;
  repId: string | null;
  role: string | null;
}

/** A promise the company made, with its due date. */
export interface PromiseRecord {
  id: number;
  caseId: number;
  contactId: number;
  text: string;
  dueAt: Date;
  state: PromiseState;
  resolvedAt: Date | null;
}

/** A new promise, before it has an id. */
export interface PromiseInput {
  text: string;
  dueAt: Date;
}

/** Everything recorded about one contact (validated). */
export interface ContactFields {
  channel: Channel;
  direction: Direction;
  startedAt: Date;
  endedAt: Date | null;
  reference: string | null;
  department: string | null;
  summary: string;
  nextSteps: string | null;
  responsible: string | null;
  expectedTime: string | null;
  outcome: ContactOutcome | null;
  supervisor: SupervisorRequest | null;
  rude: boolean;
  quotes: string[];
  reps: Rep[];
}

/** A contact that went beyond the company: a public post, an application to a regulator… */
export interface Escalation {
  kind: EscalationKind;
  /** The body's id in the jurisdiction data (tr-hakem-heyeti), or its name as typed. */
  forum: string | null;
  /** Where a public post went (X, Instagram, Şikayetvar…). */
  platform: string | null;
  link: string | null;
  /** The body's file or application number. */
  fileNumber: string | null;
}

/** A contact as stored. */
export interface ContactRecord extends ContactFields {
  id: number;
  caseId: number;
  promises: PromiseRecord[];
  createdAt: Date;
  /** Set when the contact was an escalation (absent on records built before it existed). */
  escalation?: Escalation | null;
}

/** A case with its whole timeline. */
export interface CaseFile {
  case: CaseRecord;
  contacts: ContactRecord[];
}
