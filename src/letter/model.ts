import { localDateOf } from '../domain/dates.js';
import type { StandardUnit } from '../domain/standards.js';
import type { Forum, Jurisdiction, LegalBasis } from '../domain/jurisdiction-rules.js';
import type { Localized } from '../domain/jurisdiction-rules.js';
import { forumLimitFor } from '../domain/jurisdiction-rules.js';
import type { CaseRecord, ContactRecord, Profile } from '../domain/model.js';
import type { Money } from '../domain/money.js';
import type { LapsedPeriod } from '../domain/clocks.js';
import type { RightResult } from '../domain/rights.js';
import { evaluateRights, strongestRight } from '../domain/rights.js';
import { listFormat, numberFormat } from '../domain/intl.js';
import { formatMoney, minorDigits } from '../domain/money.js';
import { promiseStanding } from '../domain/promises.js';
import { sanitizeText } from '../domain/text.js';
import type { Remedy } from '../domain/vocab.js';
import type { DeadlineChoice } from './deadline.js';
import { deadlineDate, formatDeadlineSpec } from './deadline.js';
import type { PageSize } from './layout.js';
import { pageSizeFor } from './layout.js';
import type { NotarialParts } from './notarial.js';
import { isNotarial, notarialBlocks, notaryName } from './notarial.js';
// The terminal's notes about the letter speak the interface language (`t` here is the template).
import * as i18n from '../i18n.js';
import type { LetterLayout, LetterTemplate } from './template.js';
import {
  fill,
  forRegion,
  formatCount,
  formatLetterDate,
  optionalText,
  plural,
  text,
} from './template.js';

/** The elements of a formal letter, in the order they appear (DESIGN.md "The formal letter"). */
export const LETTER_ELEMENTS = [
  'heading',
  'sender',
  'date',
  'recipient',
  'title',
  'subject',
  'salutation',
  'purchase',
  'problem',
  'contacts',
  'legal-basis',
  'remedy',
  'enclosed',
  'deadline',
  'contact-line',
  'signoff',
  'name',
  'enclosures',
  'cc',
  'sending',
] as const;

/**
 * The parts of the notarial form (TR ihtarname, src/letter/notarial.ts) besides the title, the
 * subject, the enclosures and cc, in the order it writes them.
 */
export const NOTARIAL_ELEMENTS = [
  'notary',
  'party',
  'explanations',
  'grounds',
  'demand',
  'notary-clause',
  'signature',
] as const;
export type LetterElement = (typeof LETTER_ELEMENTS)[number] | (typeof NOTARIAL_ELEMENTS)[number];

/** One element: its lines (address lines, or one paragraph per line for body elements). */
export interface LetterBlock {
  kind: LetterElement;
  lines: string[];
}

/** A gap in the case file, filled with a bracketed placeholder in the letter. */
export interface Placeholder {
  gap:
    | 'sender-name'
    | 'company-address'
    | 'remedy-detail'
    | 'issuer-address'
    | 'national-id'
    | 'notary';
  text: string;
}

/** Everything the letter is made from; `today` and the time zone come in (the model is pure). */
export interface LetterInput {
  caseRecord: CaseRecord;
  contacts: readonly ContactRecord[];
  profile: Profile | undefined;
  jurisdiction: Jurisdiction;
  template: LetterTemplate;
  /** The sender's country (paper size, regional wording); the case's jurisdiction without a profile. */
  region: string;
  /** Labels of the case's evidence, in the user's order. */
  evidence: readonly string[];
  /** Papers the user will add by hand (--enclose). */
  enclose: readonly string[];
  cc: string | null;
  sendVia: string;
  /** The notary a notarial letter is addressed to ("Kadıköy 5."); a placeholder when absent. */
  notary?: string | null;
  remedy: Remedy;
  remedyDetail: string | null;
  deadline: DeadlineChoice;
  /** The deadline counts from here (YYYY-MM-DD); the letter's date when absent. */
  deadlineFrom?: string;
  /** The company's own service standards it missed on the logged contacts (schema 6). */
  missedStandards?: readonly MissedStandard[];
  /** List every contact, however many (`letter --all-contacts`); else a long history is condensed. */
  allContacts?: boolean;
  /**
   * The case's rights evaluated on the letter's date (src/domain/rights.ts), the same answer
   * `clock` gives; absent: evaluated here from the case and its contacts alone.
   */
  rights?: readonly RightResult[];
  /** The company's statutory periods that ran out before the letter (stated, not granted again). */
  lapsed?: readonly LapsedPeriod[];
  now: Date;
  timeZone: string;
}

/** An outbound contact the company's own standard says it should have answered by `dueAt`. */
export interface MissedStandard {
  contactId: number;
  standardId: number;
  amount: number;
  unit: StandardUnit;
  /** Where the company published it. */
  source: string;
  dueAt: Date;
}

/** "within 1 day, counting working days only": a standard's time in the letter's language. */
function withinLetterText(t: LetterTemplate, m: MissedStandard): string {
  const duration = numberFormat(t.locale, {
    style: 'unit',
    unit: m.unit === 'hours' ? 'hour' : 'day',
    unitDisplay: 'long',
  }).format(m.amount);
  return m.unit === 'working-days' ? fill(text(t, 'standardWorkingDays'), { duration }) : duration;
}

/** Channels the company answers in writing: one of these without an answer is "unanswered". */
const WRITTEN_CHANNELS: readonly string[] = ['email', 'web-form', 'letter', 'social'];

/** A history longer than this is condensed: the letter lists CONDENSED_CONTACTS of its contacts. */
export const LISTED_CONTACTS = 10;
/** The contacts a condensed history lists: the first, the last and those that matter most. */
export const CONDENSED_CONTACTS = 8;

/**
 * The contacts the letter lists, oldest first. Up to LISTED_CONTACTS, every one. A longer
 * history would run to pages nobody reads (12 pages for 200 contacts), so the letter lists
 * CONDENSED_CONTACTS of them and counts the others: the first (when the company was told) and
 * the last, then those that carry the complaint — a promise (broken ones first), words quoted
 * or rudeness, a standard the company missed, a supervisor asked for or refused, an answer from
 * the company — the most recent first among equals, and then the most recent of the others.
 */
export function contactsToList(
  contacts: readonly ContactRecord[],
  missed: readonly MissedStandard[],
  now: Date,
): ContactRecord[] {
  if (contacts.length <= LISTED_CONTACTS) return [...contacts];
  const ordered = [...contacts].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id - b.id,
  );
  const missedOn = new Set(missed.map((m) => m.contactId));
  const weight = (k: ContactRecord) => {
    const promises = k.promises.map((p) => promiseStanding(p, contacts, now));
    return (
      (promises.some((s) => s === 'broken' || s === 'broken-by-default') ? 8 : 0) +
      (promises.length > 0 ? 4 : 0) +
      (k.quotes.length > 0 ? 4 : k.rude ? 2 : 0) +
      (missedOn.has(k.id) ? 2 : 0) +
      (k.supervisor === 'refused' || k.supervisor === 'asked' ? 2 : 0) +
      (k.direction === 'inbound' ? 1 : 0)
    );
  };
  const chosen = new Set([ordered[0]!, ordered.at(-1)!]);
  const rest = ordered
    .slice(1, -1)
    .map((k, i) => ({ k, w: weight(k), i }))
    .sort((a, b) => b.w - a.w || b.i - a.i);
  for (const { k } of rest) {
    if (chosen.size >= CONDENSED_CONTACTS) break;
    chosen.add(k);
  }
  return ordered.filter((k) => chosen.has(k));
}

/**
 * What the contacts were, for the sentence that counts them: "2 phone calls and 1 e-mail that
 * went unanswered", "… and 1 phone call from you". A message of the user's in writing is
 * unanswered when the contact's outcome says so, or when it names nobody who answered, records
 * no promise, and nothing came from the company after it.
 * Grouped by channel in the order they first happened, the user's own before the company's.
 */
export function contactKinds(t: LetterTemplate, contacts: readonly ContactRecord[]): string | null {
  const groups = new Map<string, { key: string; wrap: string | null; count: number }>();
  const ordered = [...contacts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const inbound of [false, true])
    for (const k of ordered) {
      if ((k.direction === 'inbound') !== inbound) continue;
      const unanswered =
        !inbound &&
        WRITTEN_CHANNELS.includes(k.channel) &&
        (k.outcome === 'no-answer' ||
          // Nobody named, nothing promised, and nothing came back afterwards.
          (k.reps.length === 0 &&
            k.promises.length === 0 &&
            !contacts.some(
              (x) => x.direction === 'inbound' && x.startedAt.getTime() > k.startedAt.getTime(),
            )));
      const wrap = inbound ? 'contactKindInbound' : unanswered ? 'contactKindUnanswered' : null;
      const id = `${k.channel}:${wrap ?? ''}`;
      const g = groups.get(id) ?? { key: `contactKind.${k.channel}`, wrap, count: 0 };
      g.count += 1;
      groups.set(id, g);
    }
  if (![...groups.values()].every((g) => t.plurals[g.key])) return null;
  const parts = [...groups.values()].map((g) => {
    const kind = plural(t, g.key, g.count);
    return g.wrap ? fill(text(t, g.wrap), { kind }) : kind;
  });
  return listFormat(t.locale, { type: 'conjunction' }).format(parts);
}

/**
 * Whether the user's text names the product: one of its words of three letters or more (in any
 * case) appears in it ("Çamaşır makinesini …" names "Çamaşır makinesi").
 */
function namesProduct(value: string, product: string, locale: string): boolean {
  const words = (s: string) =>
    s
      .toLocaleLowerCase(locale)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => [...w].length >= 3);
  const said = words(value);
  return words(product).some((p) => said.some((w) => w.startsWith(p)));
}

/** Text as a phrase inside a sentence: one line, without the full stop it may end with. */
function inline(value: string): string {
  return oneLine(value)
    .replace(/[.。!]+$/u, '')
    .trim();
}

/** Letters and digits only, lower-cased: whether two of the user's phrases say the same. */
function gist(value: string): string {
  return value.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The remedy as one sentence: the legal wording of the remedy chosen, the user's detail inside
 * it and the user's own request quoted in it ("I therefore ask you to cancel my contract
 * (account 1234) (without the $300 fee) and to confirm the cancellation in writing, as I have
 * requested: “Cancel the contract without the exit fee”."). A remedy of 'other' without a detail
 * gets a placeholder.
 */
function remedySentence(
  input: { remedy: Remedy; remedyDetail: string | null; request: string | null },
  t: LetterTemplate,
  parts: {
    product: string;
    amount: string;
    account: string | null;
    /** A value the user typed, as the letter writes it (RTL letters mark it left to right). */
    one: (value: string) => string;
    placeholder: (gap: Placeholder['gap'], key: string) => string;
  },
): string {
  const other = input.remedy === 'other' || !t.remedies[input.remedy];
  const pattern = t.remedies[input.remedy] ?? t.remedies.other ?? '';
  const detailText = input.remedyDetail ? parts.one(inline(input.remedyDetail)) : '';
  const detail = detailText
    ? fill(text(t, other ? 'remedyDetailOther' : 'remedyDetail'), { detail: detailText })
    : other
      ? parts.placeholder('remedy-detail', 'placeholderRemedy')
      : '';
  const requestText = input.request ? parts.one(inline(input.request)) : '';
  const request =
    requestText && gist(requestText) !== gist(detailText)
      ? fill(text(t, 'remedyRequest'), { request: requestText })
      : '';
  const account = parts.account
    ? fill(text(t, 'remedyAccount'), { account: parts.one(parts.account) })
    : '';
  const sentence = fill(pattern, {
    product: parts.product,
    price: parts.amount
      ? fill(optionalText(t, 'remedyPrice') ?? '{amount}', { amount: parts.amount })
      : text(t, 'priceUnknown'),
    account,
    detail,
    request,
  });
  // "(account 1234) (without the fee)" reads as one parenthesis: "(account 1234; without the fee)".
  const both = fill(`${account}${detail}`, {});
  return account.endsWith(')') && detail.startsWith(' (') && sentence.includes(both)
    ? sentence.replace(both, `${account.slice(0, -1)}; ${detail.slice(2)}`)
    : sentence;
}

/** A letter ready to render: blocks in order plus the facts the record and the lint need. */
export interface Letter {
  language: string;
  direction: 'ltr' | 'rtl';
  locale: string;
  font: LetterTemplate['font'];
  layout: LetterLayout;
  pageSize: PageSize;
  blocks: LetterBlock[];
  /** Who signs it, as written (the document's author). */
  signer: string;
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  subject: string;
  /**
   * The deadline: how it was chosen, its date (YYYY-MM-DD), that date as written, its spec, and
   * what it counts from: the letter's date, its delivery, or (a notarial letter) its service,
   * where `on` is the date were it served on the letter's date.
   */
  deadline: DeadlineChoice & {
    on: string;
    text: string;
    specText: string;
    from: 'letter' | 'delivery' | 'service';
  };
  /** The letter has the notarial form (an ihtarname). */
  notarial: boolean;
  /**
   * The notarial form's parts, so that a final notice can add the earlier letters to the
   * explanations (at `earlierAt`, after the contacts) and write the form again.
   */
  notarialParts?: NotarialParts & { earlierAt: number };
  remedy: Remedy;
  remedyDetail: string | null;
  enclosures: string[];
  cc: string | null;
  sendVia: string;
  forum: { id: string; name: string } | null;
  legalBasis: { id: string; source: string; verified: boolean } | null;
  /** Gaps filled with a bracketed placeholder (no profile, no address, no remedy detail). */
  placeholders: Placeholder[];
  /** What the user should know: unverified legal data in use, and so on. */
  notices: string[];
  /** The rude words quoted from the log: lint does not hold them against the writer. */
  quotes: string[];
  /** The company's own standards it missed, each cited after the contact it left unanswered. */
  missedStandards: MissedStandard[];
  /**
   * Legal texts the jurisdiction data lacks in the letter's language, by key
   * ("jurisdictions/KZ.json legalBasis.kz-written-claim.text.fa"): the letter shows a bracket
   * there, never the English text, and lint refuses the export.
   */
  missingTranslations: string[];
}

/**
 * Left-to-right marks around a Latin reference, e-mail or phone number inside RTL text keep its
 * order ("+98 912…" does not lose its "+" to the other end). LRM rather than the isolates
 * (U+2066–2069): LibreOffice 7.4 breaks lines inside an isolate and reorders around it.
 */
const LRM = '\u200e';
/** The first strong character is left to right (Latin, Cyrillic), or there is none but digits. */
const STARTS_LTR = /^[^\p{L}]*(?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]|$)/u;
/** A run of Latin script with its numbers and punctuation: "(EU) 2019/771", "274-IV", "e-Devlet (TÜBİS)". */
const LATIN_RUN =
  /\(?(?:\d+[-/.]?)*[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9\-./’' ()]*[A-Za-z\u00c0-\u024f0-9)]/g;

/** A text typed inside quotation marks: the words themselves. */
const QUOTED = /^["“„«‘'](.+)["”»’']$/u;

/** User text on one line: sanitised, newlines and runs of spaces as one space. */
function oneLine(value: string): string {
  return sanitizeText(value).replace(/\s+/g, ' ');
}

/** Ends a user's sentence with a full stop when it has no closing punctuation. */
function asSentence(value: string): string {
  const t = oneLine(value);
  return /[\p{L}\p{N}]$/u.test(t) ? `${t}.` : t;
}

/**
 * Address lines: the profile separates them with ", " or newlines. A US state and ZIP code stays
 * on the line of its city ("Springfield, IL 62701").
 */
export function addressLines(value: string): string[] {
  const parts = sanitizeText(value)
    .split(/\s*\n\s*|,\s+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    if (out.length > 0 && /^[A-Z]{2} \d{5}(-\d{4})?$/.test(part))
      out[out.length - 1] += `, ${part}`;
    else out.push(part);
  }
  return out;
}

/** The body a letter threatens, lawfully: the first general forum, or the one above its limit. */
export function escalationForum(
  jurisdiction: Jurisdiction,
  amount: Money | null,
  year: number,
): Forum | undefined {
  // A court is named only where no other body is open to the consumer and its rule is verified
  // (the UK's small claims track, CPR r.26.6(3)).
  const bodies = jurisdiction.forums.filter((f) => !f.sectors && f.kind !== 'court');
  const general = bodies.length
    ? bodies
    : jurisdiction.forums.filter((f) => !f.sectors && f.kind === 'court' && f.verified);
  for (const forum of general) {
    if (forum.aboveForum) continue;
    const limit = forumLimitFor(forum, year);
    if (limit && amount && amount.currency === limit.currency && amount.minor >= limit.belowMinor) {
      const above = general.find((f) => f.aboveForum === forum.id);
      if (above) return above;
      continue;
    }
    return forum;
  }
  return undefined;
}

/** The legal basis for a remedy where the jurisdiction data has one. */
export function legalBasisFor(jurisdiction: Jurisdiction, remedy: string): LegalBasis | undefined {
  return (jurisdiction.legalBasis ?? []).find((b) => !b.remedies || b.remedies.includes(remedy));
}

/** A legal sentence to cite: its text, where it lives in the data, and the dates it names. */
interface CitedText {
  value: Localized;
  key: string;
  date?: string | null;
  since?: string | null;
}

/**
 * What the letter cites: with rights in the data, the strongest right held on the letter's date
 * (and the card claim when the consumer paid by card); without, the legal basis by remedy.
 */
function citedBasis(
  input: LetterInput,
  today: string,
):
  | {
      main: { id: string; source: string; verified: boolean };
      texts: CitedText[];
      unverified: { id: string; source: string }[];
      /** The notarial form's legal grounds: each cited rule's `grounds`, where the data has it. */
      grounds: { value: Localized; key: string }[];
    }
  | undefined {
  const j = input.jurisdiction;
  if (!j.rights) {
    const b = legalBasisFor(j, input.remedy);
    if (!b) return undefined;
    return {
      main: { id: b.id, source: b.source, verified: b.verified },
      texts: [{ value: b.text, key: `legalBasis.${b.id}.text` }],
      unverified: b.verified ? [] : [{ id: b.id, source: b.source }],
      grounds: b.grounds ? [{ value: b.grounds, key: `legalBasis.${b.id}.grounds` }] : [],
    };
  }
  const rights =
    input.rights ??
    evaluateRights(
      {
        case: input.caseRecord,
        contacts: [...input.contacts],
        letters: [],
        events: [],
        sector: null,
      },
      j,
      { sale: null },
      today,
      input.timeZone,
    );
  const strongest = strongestRight(rights, input.remedy);
  // Rights that give no remedy of their own (the card claim) are cited beside the strongest,
  // or alone where the jurisdiction's data has no remedy right (the US billing dispute).
  const extra = rights.filter((r) => r.rule.remedies.length === 0 && r.state !== 'lapsed');
  const chosen = strongest ? [strongest, ...extra] : extra;
  const main = chosen[0];
  if (!main) return undefined;
  const texts = chosen.flatMap((r): CitedText[] => {
    const rule = r.rule;
    if (rule.basis) {
      const b = (j.legalBasis ?? []).find((x) => x.id === rule.basis);
      return b ? [{ value: b.text, key: `legalBasis.${b.id}.text` }] : [];
    }
    const exercised = r.state === 'exercised' && rule.letterExercised;
    const value = exercised ? rule.letterExercised : rule.letter;
    if (!value) return [];
    return [
      {
        value,
        key: `rights.${rule.id}.${exercised ? 'letterExercised' : 'letter'}`,
        date: r.exercisedOn,
        since: r.heldSince,
      },
    ];
  });
  return {
    main: {
      id: main.rule.id,
      source: main.rule.source,
      verified: main.rule.verified,
    },
    texts,
    unverified: chosen
      .filter((r) => !r.rule.verified)
      .map((r) => ({ id: r.rule.id, source: r.rule.source })),
    grounds: chosen.flatMap((r) => {
      if (r.rule.grounds) return [{ value: r.rule.grounds, key: `rights.${r.rule.id}.grounds` }];
      const b = r.rule.basis ? (j.legalBasis ?? []).find((x) => x.id === r.rule.basis) : undefined;
      return b?.grounds ? [{ value: b.grounds, key: `legalBasis.${b.id}.grounds` }] : [];
    }),
  };
}

/** An amount: the locale's digits and separators, then the template's currency word. */
export function formatLetterMoney(t: LetterTemplate, m: Money): string {
  const word = t.currencyNames?.[m.currency];
  if (!word) return formatMoney(m, t.locale);
  const digits = m.currency === 'IRT' ? 0 : minorDigits(m.currency);
  const value = m.minor / 10 ** digits;
  const n = numberFormat(t.locale, {
    minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${n}\u00a0${word}`;
}

/** Builds the letter from the case file. Pure: the same input gives the same letter. */
export function buildLetter(input: LetterInput): Letter {
  const t = forRegion(input.template, input.region);
  const c = input.caseRecord;
  const lang = t.language;
  const rtl = t.direction === 'rtl';
  const missingTranslations: string[] = [];
  /** A jurisdiction text in the letter's language; a bracket and a lint error where it is missing. */
  const translated = (value: Localized, key: string): string => {
    const found = value[lang];
    if (found) return latin(found);
    const where = `jurisdictions/${input.jurisdiction.code}.json ${key}.${lang}`;
    missingTranslations.push(where);
    return `[${where}]`;
  };
  /** Latin names and numbers inside data text ("قانون 274-IV"), marked left to right in RTL letters. */
  const latin = (value: string) =>
    rtl ? value.replace(LATIN_RUN, (m) => `${LRM}${m}${LRM}`) : value;
  /** A value the user typed (name, reference, address line), marked left to right in RTL letters. */
  const iso = (value: string) =>
    rtl && value && STARTS_LTR.test(value) ? `${LRM}${value}${LRM}` : value;
  const address = (value: string) =>
    t.layout.addressOnOneLine ? [addressLines(value).join(', ')] : addressLines(value);
  const one = (value: string) => iso(oneLine(value));
  const num = (n: number) => formatCount(t, n);
  const money = (m: Money): string => formatLetterMoney(t, m);
  const tz = input.timeZone;
  const placeholders: Placeholder[] = [];
  const notices: string[] = [];
  const quotes: string[] = [];
  const long = (date: string) => formatLetterDate(date, t.locale, t.dateFormats.long);
  const short = (date: string) => formatLetterDate(date, t.locale, t.dateFormats.short);
  const quote = (s: string) => `${t.quotes.open}${s}${t.quotes.close}`;
  const placeholder = (gap: Placeholder['gap'], key: string) => {
    const p = text(t, key);
    placeholders.push({ gap, text: p });
    return p;
  };
  const product = one(c.product);
  const today = localDateOf(input.now, tz);
  const blocks: LetterBlock[] = [];
  const add = (kind: LetterElement, ls: (string | undefined | null)[]) => {
    const kept = ls.map((l) => l?.trim()).filter((l): l is string => Boolean(l));
    if (kept.length > 0) blocks.push({ kind, lines: kept });
  };

  const enclosures = [
    ...new Set([...input.evidence, ...input.enclose].map(oneLine).filter(Boolean)),
  ];
  const pattern = (key: string, fallback: string) => optionalText(t, key) ?? fallback;

  add('heading', [optionalText(t, 'heading')]);
  const p = input.profile;
  const senderName = p ? one(p.fullName) : placeholder('sender-name', 'placeholderName');
  add('sender', [
    t.layout.senderWithName === false
      ? undefined
      : fill(pattern('senderName', '{name}'), { name: senderName }),
    ...(p ? address(p.address).map(iso) : []),
    p?.phone ? one(p.phone) : undefined,
    p?.email ? one(p.email) : undefined,
  ]);
  const attachments = optionalText(t, 'attachmentsLine');
  add('date', [
    fill(pattern('dateLine', '{date}'), { date: long(today) }),
    attachments
      ? fill(attachments, {
          attachments: text(t, enclosures.length > 0 ? 'attachmentsYes' : 'attachmentsNo'),
        })
      : undefined,
  ]);
  add('recipient', [
    fill(pattern('recipientName', '{company}'), { company: one(c.company.name) }),
    text(t, 'department'),
    ...(c.company.address
      ? address(c.company.address).map(iso)
      : [placeholder('company-address', 'placeholderAddress')]),
  ]);
  const title = t.titles?.[input.remedy] ?? t.titles?.other;
  if (title) add('title', title.split('\n'));

  const sep = text(t, 'listSeparator');
  const latestReference = [...input.contacts].reverse().find((k) => k.reference)?.reference;
  const refs = [
    c.orderRef ? fill(text(t, 'refOrder'), { value: one(c.orderRef) }) : '',
    c.accountRef ? fill(text(t, 'refAccount'), { value: one(c.accountRef) }) : '',
    latestReference ? fill(text(t, 'refReference'), { value: one(latestReference) }) : '',
  ].filter(Boolean);
  const subject = fill(text(t, 'subject'), {
    product,
    refs: refs.length ? fill(text(t, 'subjectRefs'), { refs: refs.join(sep) }) : '',
  });
  add('subject', [subject]);
  add('salutation', [text(t, 'salutation')]);

  const amount = c.amount ? money(c.amount) : '';
  const purchase = fill(text(t, 'purchase'), {
    product,
    on: c.purchasedOn ? fill(text(t, 'purchaseOn'), { date: long(c.purchasedOn) }) : '',
    price: amount ? fill(text(t, 'purchasePrice'), { amount }) : '',
    order: c.orderRef ? fill(text(t, 'purchaseOrder'), { order: one(c.orderRef) }) : '',
  });
  // The situation usually tells the purchase already ("I bought the washing machine in your
  // shop"): then the letter adds only the facts it lacks, after it, instead of saying it twice.
  const factsPattern = optionalText(t, 'purchaseFacts');
  const told = Boolean(factsPattern) && namesProduct(c.situation, c.product, t.locale);
  // A date the situation gives already ("… 1 Eylül 2026 tarihinde satın aldım") is not repeated.
  const dayMonth = c.purchasedOn
    ? formatLetterDate(c.purchasedOn, t.locale, { day: 'numeric', month: 'long' })
    : '';
  const dated =
    Boolean(dayMonth) &&
    oneLine(c.situation).toLocaleLowerCase(t.locale).includes(dayMonth.toLocaleLowerCase(t.locale));
  const factsOn =
    told && c.purchasedOn && !dated
      ? fill(text(t, 'purchaseFactsOn'), { date: long(c.purchasedOn) })
      : '';
  const facts =
    told && (factsOn || amount || c.orderRef)
      ? fill(factsPattern!, {
          on: factsOn,
          price: amount ? fill(text(t, 'purchasePrice'), { amount }) : '',
          order: c.orderRef ? fill(text(t, 'purchaseOrder'), { order: one(c.orderRef) }) : '',
        })
      : '';
  const purchaseParagraph = (
    told ? [asSentence(c.situation), facts] : [purchase, c.situation ? asSentence(c.situation) : '']
  )
    .filter(Boolean)
    .join(' ');
  add('purchase', [purchaseParagraph]);
  const problemParagraph = [
    c.occurredOn ? fill(text(t, 'problemSince'), { date: long(c.occurredOn) }) : '',
    asSentence(c.problem),
  ]
    .filter(Boolean)
    .join(' ');
  add('problem', [problemParagraph]);

  const listed = input.allContacts
    ? [...input.contacts]
    : contactsToList(input.contacts, input.missedStandards ?? [], input.now);
  const listedIds = new Set(listed.map((k) => k.id));
  // A standard missed on a contact the letter does not list is not cited either.
  const missed = (input.missedStandards ?? []).filter((m) => listedIds.has(m.contactId));
  /** The contacts as the letter lists them, each with when it happened (the notarial form sorts). */
  let contactItems: { at: number; text: string }[] = [];
  let contactsIntro: string | null = null;
  if (input.contacts.length > 0) {
    const items = listed.map((k) => {
      const reps = k.reps.map((r) =>
        r.repId
          ? fill(text(t, 'repWithId'), { name: one(r.name), id: one(r.repId) })
          : fill(text(t, 'rep'), { name: one(r.name) }),
      );
      const parts = [
        fill(text(t, 'contact'), {
          date: short(localDateOf(k.startedAt, tz)),
          channel: t.channels[k.channel] ?? k.channel,
          inbound: k.direction === 'inbound' ? text(t, 'contactInbound') : '',
          reps: reps.length
            ? t.plurals.contactReps
              ? plural(t, 'contactReps', reps.length, { reps: reps.join(text(t, 'repsJoin')) })
              : fill(text(t, 'contactReps'), { reps: reps.join(text(t, 'repsJoin')) })
            : '',
          reference: k.reference
            ? fill(text(t, 'contactReference'), { reference: one(k.reference) })
            : '',
        }),
        asSentence(k.summary),
      ];
      for (const promise of k.promises) {
        const found = promiseStanding(promise, input.contacts, input.now);
        // "Heard nothing since" only when no contact at all followed the promise (issue 13).
        const later = input.contacts.some(
          (x) => x.id !== k.id && x.startedAt.getTime() > k.startedAt.getTime(),
        );
        const standing = found === 'broken-by-default' && later ? 'broken' : found;
        // Quotation marks only for the rep's own words: a quote the user recorded, or a promise
        // typed in quotation marks; a paraphrase stays unquoted.
        const words = oneLine(promise.text);
        const quoted = QUOTED.exec(words);
        const verbatim = quoted ? quoted[1]! : k.quotes.map(oneLine).includes(words) ? words : null;
        parts.push(
          fill(
            verbatim !== null ? text(t, 'promise') : pattern('promisePlain', text(t, 'promise')),
            {
              quote: verbatim !== null ? quote(verbatim) : words,
              due: short(localDateOf(promise.dueAt, tz)),
              standing: t.standings[standing] ?? standing,
            },
          ),
        );
      }
      for (const m of missed.filter((x) => x.contactId === k.id))
        parts.push(
          fill(text(t, 'standardMissed'), {
            source: oneLine(m.source),
            within: withinLetterText(t, m),
            channel: t.channels[k.channel] ?? k.channel,
            date: short(localDateOf(k.startedAt, tz)),
            due: short(localDateOf(m.dueAt, tz)),
          }),
        );
      if (k.supervisor === 'refused') parts.push(text(t, 'supervisorRefused'));
      if (k.supervisor === 'asked') parts.push(text(t, 'supervisorAsked'));
      if (k.quotes.length > 0) {
        const said = k.quotes.map(oneLine);
        quotes.push(...said);
        parts.push(fill(text(t, 'rudeQuoted'), { quotes: said.map(quote).join(sep) }));
      } else if (k.rude) {
        parts.push(text(t, 'rude'));
      }
      return parts.join(' ');
    });
    // "I have contacted you 3 times … (2 phone calls and 1 e-mail that went unanswered):"
    const mine = input.contacts.every((k) => k.direction !== 'inbound');
    const introKey = mine && t.plurals.contactsIntroMine ? 'contactsIntroMine' : 'contactsIntro';
    contactsIntro = plural(t, introKey, input.contacts.length, {
      kinds: contactKinds(t, input.contacts) ?? '',
    }).replace(/ \(\)/u, '');
    // A long history: the contacts listed, and a record kept of the others.
    const others = input.contacts.filter((k) => !listedIds.has(k.id));
    if (others.length > 0) {
      const days = others.map((k) => localDateOf(k.startedAt, tz)).sort();
      contactsIntro = `${contactsIntro.replace(/:$/u, '.')} ${fill(text(t, 'contactsListed'), {
        listed: num(listed.length),
        count: num(others.length),
        from: short(days[0]!),
        to: short(days.at(-1)!),
      })}`;
    }
    contactItems = listed.map((k, i) => ({ at: k.startedAt.getTime(), text: items[i]! }));
    add('contacts', [contactsIntro, ...items]);
  }

  const cited = citedBasis(input, today);
  /** Legal sentences that state a dated fact (a right exercised on a day, held since a day). */
  const datedLegal: string[] = [];
  if (cited) {
    const sentences = cited.texts.map(({ value, key, date, since }) => {
      const sentence = fill(translated(value, key), {
        ...(date ? { date: long(date) } : {}),
        ...(since ? { since: long(since) } : {}),
      });
      const pattern = value[lang] ?? '';
      if ((date && pattern.includes('{date}')) || (since && pattern.includes('{since}')))
        datedLegal.push(sentence);
      return sentence;
    });
    add('legal-basis', [sentences.join(' ')]);
    for (const u of cited.unverified)
      notices.push(i18n.t('letter.notice.legalBasis', { id: u.id, source: u.source }));
  }
  const basis = cited?.main;

  const remedyText = remedySentence(
    { remedy: input.remedy, remedyDetail: input.remedyDetail, request: c.request },
    t,
    {
      product,
      amount,
      account: c.accountRef,
      one,
      placeholder,
    },
  );
  add('remedy', [remedyText]);

  if (enclosures.length > 0) add('enclosed', [text(t, 'enclosed')]);

  const spec = input.deadline.spec;
  /** "в течение 10 календарных дней, то есть " where the template says how long it gives. */
  const within = () => {
    const withinPattern = optionalText(t, 'deadlineWithin');
    if (spec.kind !== 'period' || !withinPattern || !t.plurals[`period.${spec.unit}`]) return '';
    return fill(withinPattern, { period: plural(t, `period.${spec.unit}`, spec.amount) });
  };
  const from = input.deadlineFrom ?? today;
  const deadlineOn = deadlineDate(input.deadline.spec, from, input.jurisdiction);
  const deadlineText = long(deadlineOn);
  if (input.deadline.clock && !input.deadline.clock.verified)
    notices.push(
      i18n.t('letter.notice.deadlineRule', {
        id: input.deadline.clock.id,
        source: input.deadline.clock.source,
      }),
    );
  const forum = escalationForum(input.jurisdiction, c.amount, Number(today.slice(0, 4)));
  const forumName = forum
    ? forum.letterName
      ? translated(forum.letterName, `forums.${forum.id}.letterName`)
      : translated(forum.name, `forums.${forum.id}.name`)
    : '';
  if (forum && !forum.verified)
    notices.push(i18n.t('letter.notice.forum', { id: forum.id, source: forum.source }));
  const lapses = (input.lapsed ?? []).map((l) =>
    fill(translated(l.text, `clocks.${l.id}.lapsed`), { start: long(l.start), end: long(l.end) }),
  );
  const afterLapse = input.deadline.basis === 'lapsed' && spec.kind === 'period';
  add('deadline', [
    [
      ...lapses,
      afterLapse
        ? fill(text(t, 'deadlineAfterLapse'), {
            days: num(spec.amount),
            deadline: deadlineText,
          })
        : fill(text(t, 'deadline'), {
            deadline: deadlineText,
            within: within(),
          }),
      forum ? fill(text(t, 'escalation'), { forum: forumName }) : text(t, 'escalationNoForum'),
    ].join(' '),
  ]);

  const channels = [p?.phone, p?.email].filter((v): v is string => Boolean(v)).map(one);
  if (channels.length > 0)
    add('contact-line', [
      fill(text(t, 'contactLine'), { channels: channels.join(text(t, 'contactJoin')) }),
    ]);
  add('signoff', [text(t, 'signoff')]);
  add('name', [fill(pattern('nameLine', '{name}'), { name: senderName })]);
  if (enclosures.length > 0)
    add(
      'enclosures',
      t.layout.enclosures === 'numbered'
        ? [
            fill(text(t, 'enclosures'), { count: num(enclosures.length), list: '' }),
            ...enclosures.map((item, i) =>
              fill(text(t, 'enclosureItem'), {
                n: num(i + 1),
                item: iso(item),
                end: text(t, i === enclosures.length - 1 ? 'enclosureLast' : 'enclosureNext'),
              }),
            ),
          ]
        : [
            fill(text(t, 'enclosures'), {
              count: num(enclosures.length),
              list: enclosures.map(iso).join(sep),
            }),
          ],
    );
  const cc = input.cc ? oneLine(input.cc) : null;
  if (cc) add('cc', [fill(text(t, 'cc'), { cc })]);
  add('sending', [
    fill(text(t, 'sending'), {
      method: latin(t.sendingMethods[input.sendVia] ?? input.sendVia),
    }),
  ]);

  const order: readonly string[] = t.layout.order ?? LETTER_ELEMENTS;
  const rank = (kind: string) => {
    const i = order.indexOf(kind);
    return i < 0 ? order.length : i;
  };
  blocks.sort((a, b) => rank(a.kind) - rank(b.kind));

  const notarial = isNotarial(t, input.jurisdiction, input.sendVia);
  /** A notarial letter's deadline: a period from service ("7 gün"), never a calendar date. */
  let period = '';
  let notarialParts: (NotarialParts & { earlierAt: number }) | undefined;
  if (notarial) {
    // The ihtarname: the same facts and sentences in the notarial form's parts and order.
    // The parties are written again below: the letter form's address placeholder goes.
    const gone = placeholders.findIndex((x) => x.gap === 'company-address');
    if (gone >= 0) placeholders.splice(gone, 1);
    period =
      spec.kind === 'period' && t.plurals[`period.${spec.unit}`]
        ? plural(t, `period.${spec.unit}`, spec.amount)
        : deadlineText;
    const lead = text(t, afterLapse ? 'notarialLeadAfterLapse' : 'notarialLead');
    const grounds = [
      ...(cited?.grounds ?? []).map((g) => translated(g.value, g.key)),
      ...(input.lapsed ?? []).flatMap((l) => {
        const rule = input.jurisdiction.clocks.find((k) => k.id === l.id);
        return rule?.grounds ? [translated(rule.grounds, `clocks.${l.id}.grounds`)] : [];
      }),
    ].filter((g, i, all) => all.indexOf(g) === i);
    const refsText = refs.join(sep);
    const facts = [
      purchaseParagraph,
      problemParagraph,
      ...(contactsIntro ? [contactsIntro.replace(/:$/u, '.')] : []),
      ...[...contactItems].sort((a, b) => a.at - b.at).map((k) => k.text),
    ].filter(Boolean);
    notarialParts = {
      earlierAt: facts.length,
      notary: input.notary
        ? one(notaryName(input.notary, t.locale))
        : placeholder('notary', 'notarialNotaryPlaceholder'),
      sender: {
        name: senderName,
        id: p?.nationalId ? one(p.nationalId) : placeholder('national-id', 'placeholderNationalId'),
        address: p ? addressLines(p.address).map(iso) : [],
      },
      recipient: {
        name: one(c.company.name),
        id: c.company.companyId ? one(c.company.companyId) : null,
        address: c.company.address
          ? addressLines(c.company.address).map(iso)
          : [placeholder('company-address', 'notarialAddressPlaceholder')],
      },
      topic: fill(text(t, 'notarialTopic'), {
        topic: t.texts[`notarialTopic.${input.remedy}`] ?? text(t, 'notarialTopic.other'),
        product,
        refs: refsText ? fill(text(t, 'notarialTopicRefs'), { refs: refsText }) : '',
      }),
      explanations: [...facts, ...lapses, ...datedLegal].filter(Boolean),
      grounds,
      demand: [
        remedyText,
        fill(text(t, forum ? 'notarialDeadline' : 'notarialDeadlineNoForum'), {
          lead,
          period,
          forum: forumName,
        }),
      ],
      date: long(today),
      signer: senderName,
      enclosures: enclosures.map(iso),
      cc,
      num,
    };
    blocks.splice(0, blocks.length, ...notarialBlocks(t, notarialParts));
  }
  /** The document's title: the letter's subject line, or the notarial form's KONU. */
  const documentTitle = notarialParts?.topic ?? subject;

  return {
    language: lang,
    direction: t.direction,
    locale: t.locale,
    font: t.font,
    layout: t.layout,
    pageSize: pageSizeFor(input.region),
    blocks,
    signer: p ? oneLine(p.fullName) : '',
    date: today,
    subject: documentTitle,
    deadline: {
      ...input.deadline,
      on: deadlineOn,
      text: notarial ? fill(text(t, 'notarialFromService'), { period }) : deadlineText,
      specText: formatDeadlineSpec(input.deadline.spec),
      from: notarial ? 'service' : input.deadlineFrom ? 'delivery' : 'letter',
    },
    notarial,
    ...(notarialParts ? { notarialParts } : {}),
    remedy: input.remedy,
    remedyDetail: input.remedyDetail,
    enclosures,
    cc,
    sendVia: input.sendVia,
    forum: forum ? { id: forum.id, name: forumName } : null,
    legalBasis: basis ? { id: basis.id, source: basis.source, verified: basis.verified } : null,
    placeholders,
    notices,
    quotes,
    missedStandards: missed,
    missingTranslations,
  };
}
