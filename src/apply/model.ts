import type { LetterRecord } from '../db/letter-repo.js';
import { localDateOf } from '../domain/dates.js';
import type { Forum, ForumLimit, Jurisdiction } from '../domain/jurisdiction-rules.js';
import type { CaseRecord, ContactRecord, Profile } from '../domain/model.js';
import type { Money } from '../domain/money.js';
import { promiseStanding } from '../domain/promises.js';
import { sanitizeText } from '../domain/text.js';
import { addPeriod } from '../domain/working-days.js';
import { answerTo, companyContacts, sentLetters } from '../letter/final-notice.js';
import type { PageSize } from '../letter/layout.js';
import { pageSizeFor } from '../letter/layout.js';
import { formatLetterMoney } from '../letter/model.js';
import type { LetterTemplate } from '../letter/template.js';
import { formatCount, formatLetterDate, forRegion } from '../letter/template.js';
import type { ApplicationTemplate, FactTexts, FormLine } from './template.js';

/**
 * The application to a forum, built from the case file: pure, like the letter model. Every word
 * comes from templates/applications/ (the form) and templates/letters/ (dates, money, channel
 * names, the font and the writing direction of the language).
 */

/** What the case file does not say and the form asks for: left blank to fill in by hand. */
export type ApplicationGap =
  | 'sender-name'
  | 'national-id'
  | 'company-id'
  | 'company-address'
  | 'applicant-address'
  | 'amount'
  | 'remedy-detail';

/** One field of the form: its label and its value, line by line. */
export interface ApplicationField {
  key: string;
  label: string;
  lines: string[];
  /** Items of a list are numbered or one paragraph each. */
  style: 'lines' | 'numbered' | 'paragraphs';
}

/** An application ready to render. Identity numbers are in full: views mask them. */
export interface Application {
  forum: { id: string; kind: Forum['kind']; name: string; source: string; verified: boolean };
  form: { kind: ApplicationTemplate['kind']; source: string; verified: boolean };
  language: string;
  direction: 'ltr' | 'rtl';
  locale: string;
  font: LetterTemplate['font'];
  pageSize: PageSize;
  /** The application's date, YYYY-MM-DD. */
  date: string;
  sender: string[];
  dateLine: string | null;
  addressee: string[];
  title: string[];
  subtitle: string | null;
  greeting: string | null;
  fields: ApplicationField[];
  closing: string[];
  note: string | null;
  /** The applicant's name (the document's author). */
  signer: string;
  gaps: ApplicationGap[];
  /** The identity numbers written in it: the views show them masked. */
  secrets: string[];
}

/** Everything the application is made from; `now` and the zone come in. */
export interface ApplicationInput {
  caseRecord: CaseRecord;
  /** The case's contacts (escalations are left out here). */
  contacts: readonly ContactRecord[];
  letters: readonly LetterRecord[];
  profile: Profile | undefined;
  nationalId: string | null;
  companyLegalId: string | null;
  /** Labels of the case's evidence, then papers added by hand (--enclose). */
  evidence: readonly string[];
  enclose: readonly string[];
  jurisdiction: Jurisdiction;
  forum: Forum;
  /** The claim limit that sent the case to this forum (TR: the committee's), when one did. */
  limit: ForumLimit | null;
  template: ApplicationTemplate;
  language: string;
  letterTemplate: LetterTemplate;
  facts: FactTexts;
  /** The applicant's country (paper, regional dates): the case's jurisdiction without a profile. */
  region: string;
  now: Date;
  timeZone: string;
}

/** Left-to-right marks around a Latin value inside RTL text, as the letter model does. */
const LRM = '\u200e';
const STARTS_LTR = /^[^\p{L}]*(?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]|$)/u;

function oneLine(value: string): string {
  return sanitizeText(value).replace(/\s+/g, ' ').trim();
}

/** A user's sentence with a full stop at the end when it has none. */
function asSentence(value: string): string {
  const t = oneLine(value);
  return /[\p{L}\p{N}]$/u.test(t) ? `${t}.` : t;
}

/** Without the final full stop: a phrase inside a sentence. */
function inline(value: string): string {
  return oneLine(value).replace(/[.!。]+$/u, '');
}

/** Closes up what empty parts leave: double spaces, "()", a space before punctuation. */
function tidy(value: string): string {
  return value
    .replace(/\s*\(\s*\)/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:،؛])/g, '$1')
    .replace(/([.!?…])(["”»’)]?)\.(?=\s|$)/gu, '$1$2');
}

/**
 * Fills {name}s; every name must be known (a missing one is a broken template). Not trimmed:
 * a part (" (order A-1001)") keeps its leading space; `done` trims the finished text.
 */
function fill(pattern: string, values: Record<string, string>): string {
  return tidy(
    pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
      const v = values[key];
      if (v === undefined) throw new Error(`application template: no value for {${key}}`);
      return v;
    }),
  );
}

/** A finished line or item: no space at either end. */
function done(value: string): string {
  return tidy(value).trim();
}

/** The names a pattern uses. */
function namesIn(pattern: string): string[] {
  return [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Builds the application. Pure: the same input gives the same application. */
export function buildApplication(input: ApplicationInput): Application {
  const { template, language, facts, caseRecord: c } = input;
  const form = template.forms[language];
  if (!form) throw new Error(`application template ${template.forum}: no form in ${language}`);
  const lt = forRegion(input.letterTemplate, input.region);
  const rtl = lt.direction === 'rtl';
  const tz = input.timeZone;
  const today = localDateOf(input.now, tz);
  const long = (date: string) => formatLetterDate(date, lt.locale, lt.dateFormats.long);
  const iso = (value: string) =>
    rtl && value && STARTS_LTR.test(value) ? `${LRM}${value}${LRM}` : value;
  const one = (value: string | null | undefined) => (value ? iso(oneLine(value)) : '');
  const say = (key: string) => {
    const v = facts[key];
    if (typeof v !== 'string') throw new Error(`application facts ${language}: no text "${key}"`);
    return v;
  };
  const money = (m: Money): string => formatLetterMoney(lt, m);
  const gaps = new Set<ApplicationGap>();
  const p = input.profile;
  const company = one(c.company.name);
  const amount = c.amount ? money(c.amount) : '';
  const contacts = companyContacts(input.contacts)
    .slice()
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const sent = sentLetters(input.letters);
  const detail = c.remedyDetail ? one(inline(c.remedyDetail)) : '';
  const remedyPattern = form.remedies[c.remedy] ?? form.remedies.other ?? '{detail}';
  if (
    !detail &&
    namesIn(remedyPattern).includes('detail') &&
    !namesIn(remedyPattern).includes('amount')
  )
    gaps.add('remedy-detail');
  const right = done(
    fill(remedyPattern, {
      amount,
      product: one(c.product),
      detail: detail || (namesIn(remedyPattern).length === 1 ? facts.blank : ''),
    }),
  );
  // The complaint was first made at the first contact with the company, or by the first letter.
  const firstComplaint =
    [sent[0]?.sentOn, contacts[0] ? localDateOf(contacts[0].startedAt, tz) : undefined]
      .filter((d): d is string => Boolean(d))
      .sort()[0] ?? null;
  const values: Record<string, string> = {
    applicantName: p ? one(p.fullName) : '',
    nationalId: input.nationalId ? iso(input.nationalId) : '',
    applicantAddress: p?.address ? iso(oneLine(p.address.replace(/\n/g, ', '))) : '',
    applicantPhone: one(p?.phone),
    applicantEmail: one(p?.email),
    company,
    companyId: input.companyLegalId ? iso(input.companyLegalId) : '',
    companyAddress: c.company.address ? iso(oneLine(c.company.address.replace(/\n/g, ', '))) : '',
    companyEmail: one(c.company.email),
    companyPhone: one(c.company.phone),
    companyWebsite: one(c.company.website),
    product: one(c.product),
    order: one(c.orderRef),
    account: one(c.accountRef),
    purchased: c.purchasedOn ? long(c.purchasedOn) : '',
    amount,
    right,
    request: c.request ? one(inline(c.request)) : '',
    date: long(today),
    forum: input.forum.name[language] ?? input.forum.name.en,
    limit: input.limit
      ? money({ minor: input.limit.belowMinor, currency: input.limit.currency })
      : '',
    year: input.limit ? formatCount(lt, Math.max(input.limit.year, Number(today.slice(0, 4)))) : '',
    firstComplaint: firstComplaint ? long(firstComplaint) : '',
    replyBy: long(addPeriod(today, template.replyDays ?? 14, 'calendar-days', input.jurisdiction)),
    blank: facts.blank,
  };
  // The name and the company are always asked for: blank to fill in rather than left out.
  if (!values.applicantName) {
    values.applicantName = facts.blank;
    gaps.add('sender-name');
  }
  const gapOf: Record<string, ApplicationGap> = {
    nationalId: 'national-id',
    companyId: 'company-id',
    companyAddress: 'company-address',
    applicantAddress: 'applicant-address',
    amount: 'amount',
  };
  /** A form line: dropped when a value it names is empty, unless it is to be filled in by hand. */
  const line = (l: FormLine): string | null => {
    const pattern = typeof l === 'string' ? l : l.text;
    const empty = namesIn(pattern).filter((n) => values[n] === '');
    // The remedy opening a line starts a sentence: "Malın ücretsiz onarılmasını talep ediyorum."
    const upper = (text: string) =>
      pattern.startsWith('{right}')
        ? text.charAt(0).toLocaleUpperCase(lt.locale) + text.slice(1)
        : text;
    if (empty.length === 0) return upper(done(fill(pattern, values)));
    if (typeof l === 'string' || !l.blank) return null;
    for (const n of empty) if (gapOf[n]) gaps.add(gapOf[n]);
    const filled = { ...values };
    for (const n of empty) filled[n] = facts.blank;
    return done(fill(pattern, filled));
  };
  const lines = (ls: readonly FormLine[] | undefined) =>
    (ls ?? []).map(line).filter((l): l is string => Boolean(l));

  const lists = {
    facts: () => factItems(),
    evidence: () => evidenceItems(),
    computation: () => computationItems(),
  };

  function factItems(): string[] {
    const items: { at: string; text: string }[] = [];
    const purchase = fill(say(c.purchasedOn ? 'purchase' : 'purchaseUndated'), {
      date: c.purchasedOn ? long(c.purchasedOn) : '',
      company,
      product: one(c.product),
      price: amount ? fill(say('purchasePrice'), { amount }) : '',
      order: c.orderRef ? fill(say('purchaseOrder'), { order: one(c.orderRef) }) : '',
    });
    items.push({
      at: c.purchasedOn ?? '0000',
      text: [purchase, c.situation ? asSentence(c.situation) : ''].filter(Boolean).join(' '),
    });
    items.push({
      at: c.occurredOn ?? c.purchasedOn ?? '0000',
      text: fill(say('problem'), {
        since: c.occurredOn ? fill(say('problemSince'), { date: long(c.occurredOn) }) + ' ' : '',
        problem: asSentence(c.problem),
      }),
    });
    for (const k of contacts) {
      const reps = k.reps.map((r) =>
        r.repId
          ? fill(say('repWithId'), { name: one(r.name), id: one(r.repId) })
          : fill(say('rep'), { name: one(r.name) }),
      );
      const parts = [
        fill(say(k.direction === 'inbound' ? 'contactIn' : 'contactOut'), {
          date: long(localDateOf(k.startedAt, tz)),
          company,
          channel: lt.channels[k.channel] ?? k.channel,
          reps: reps.length ? fill(say('contactReps'), { reps: reps.join(say('repsJoin')) }) : '',
          reference: k.reference
            ? fill(say('contactReference'), { reference: one(k.reference) })
            : '',
          summary: asSentence(k.summary),
        }),
      ];
      for (const promise of k.promises) {
        const standing = promiseStanding(promise, input.contacts, input.now);
        parts.push(
          fill(say('promise'), {
            company,
            text: inline(promise.text).replace(/^["“„«‘'](.+)["”»’']$/u, '$1'),
            due: long(localDateOf(promise.dueAt, tz)),
            standing: facts.standings[standing] ?? standing,
          }),
        );
      }
      if (k.supervisor === 'refused') parts.push(say('supervisorRefused'));
      if (k.supervisor === 'asked') parts.push(say('supervisorAsked'));
      if (k.quotes.length > 0) {
        const q = k.quotes.map((x) => `${lt.quotes.open}${oneLine(x)}${lt.quotes.close}`);
        parts.push(fill(say('rudeQuoted'), { quotes: q.join(facts.listSeparator) }));
      } else if (k.rude) parts.push(say('rude'));
      items.push({ at: k.startedAt.toISOString(), text: parts.join(' ') });
    }
    for (const l of sent) {
      const method = l.sentVia ?? l.sendMethod;
      const answer = answerTo(l, input.contacts, tz);
      const outcome = answer
        ? fill(say('letterAnswered'), {
            date: long(localDateOf(answer.startedAt, tz)),
            summary: asSentence(answer.summary),
          })
        : fill(say(l.deadlineOn < today ? 'letterNoAnswer' : 'letterWaiting'), {
            deadline: long(l.deadlineOn),
          });
      const text = fill(say('letterSent'), {
        date: long(l.sentOn!),
        company,
        kind: facts.letterKinds[l.kind] ?? facts.letterKinds.complaint ?? '',
        method: method ? (lt.sendingMethods[method] ?? method) : '',
        tracking: l.tracking ? fill(say('letterTracking'), { tracking: one(l.tracking) }) : '',
        delivered: l.deliveredOn ? fill(say('letterDelivered'), { date: long(l.deliveredOn) }) : '',
      });
      items.push({ at: `${l.sentOn!}T23:59:59`, text: `${text} ${outcome}` });
    }
    // Date order, as the log has them; the purchase before the problem on the same day.
    return items
      .map((item, i) => ({ ...item, i }))
      .sort((a, b) => (a.at.slice(0, 10) === b.at.slice(0, 10) ? a.i - b.i : a.at < b.at ? -1 : 1))
      .map((item) => done(item.text));
  }

  function evidenceItems(): string[] {
    // The attachments, the papers named here, and what the letters sent enclosed.
    const items = [...input.evidence, ...input.enclose, ...sent.flatMap((l) => l.enclosures)]
      .map(oneLine)
      .filter(Boolean)
      .map(iso);
    for (const l of sent)
      items.push(
        fill(say('evidenceLetter'), {
          date: long(l.sentOn!),
          tracking: l.tracking ? fill(say('evidenceTracking'), { tracking: one(l.tracking) }) : '',
        }),
      );
    const unique = [...new Set(items)];
    return unique.length > 0 ? unique.map(done) : [say('noEvidence')];
  }

  function computationItems(): string[] {
    const k = form!.computation;
    if (!k) return [];
    if (!amount) {
      gaps.add('amount');
      return [done(fill(k.unknown, { blank: facts.blank }))];
    }
    return [
      fill(k.price, {
        product: one(c.product),
        on: c.purchasedOn ? fill(k.on, { purchased: long(c.purchasedOn) }) : '',
        amount,
      }),
      fill(k.total, { amount }),
    ].map(done);
  }

  const fields = form.fields.map((f) => {
    const items = f.list ? lists[f.list]() : [];
    const style = f.list ? (f.style ?? 'numbered') : 'lines';
    // "none attached yet" is a sentence, not item 1.
    const nothing = items.length === 1 && items[0] === facts.noEvidence;
    const listed =
      style === 'numbered' && !nothing
        ? items.map((item, i) => `${formatCount(lt, i + 1)}. ${item}`)
        : items;
    const after = nothing || items.length === 0 ? [] : lines(f.listedLines);
    return {
      key: f.key,
      label: f.label,
      lines: [...listed, ...after, ...lines(f.lines)],
      style,
    } as ApplicationField;
  });
  return {
    forum: {
      id: input.forum.id,
      kind: input.forum.kind,
      name: values.forum!,
      source: input.forum.source,
      verified: input.forum.verified,
    },
    form: { kind: template.kind, source: template.source, verified: template.verified },
    language,
    direction: lt.direction,
    locale: lt.locale,
    font: lt.font,
    pageSize: pageSizeFor(input.region),
    date: today,
    sender: lines(form.sender),
    dateLine: form.date ? done(fill(form.date, values)) : null,
    addressee: lines(form.addressee),
    title: form.title.map((t) => done(fill(t, values))),
    subtitle: form.subtitle ? (line({ text: form.subtitle, blank: true }) ?? null) : null,
    greeting: form.greeting ?? null,
    fields,
    closing: lines(form.closing),
    note: form.note ?? null,
    signer: p ? oneLine(p.fullName) : '',
    gaps: [...gaps],
    secrets: [input.nationalId, input.companyLegalId].filter((v): v is string => Boolean(v)),
  };
}
