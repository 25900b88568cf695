import type { LetterRecord } from '../db/letter-repo.js';
import { localDateOf } from '../domain/dates.js';
import type { CardRoute, Jurisdiction } from '../domain/jurisdiction-rules.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import { sanitizeText } from '../domain/text.js';
import type { DeadlineChoice } from './deadline.js';
import { answerTo, companyContacts, sentLetters } from './final-notice.js';
import type { Letter, LetterBlock, LetterElement, Placeholder } from './model.js';
import { addressLines, formatLetterMoney } from './model.js';
import type { LetterTemplate } from './template.js';
import { fill, formatLetterDate } from './template.js';

/**
 * The dispute letter to the card issuer (`letter --to card-issuer`): the case's letter as built,
 * re-addressed to the bank that issued the card and turned into the route's own letter — a
 * billing-error notice under the US Fair Credit Billing Act, a claim under s75 of the UK Consumer
 * Credit Act 1974, or a chargeback request. It names the card by its last four digits only, the
 * statement that first showed the charge, the amount, why the charge is wrong, and what was tried
 * with the merchant (its letters, cited as the final notice cites them, and the contacts). Its
 * wording is the `card` group of templates/letters/<lang>.json.
 */

/** The deadline the letter gives the issuer: the route's reply period, with its source. */
export function cardDeadline(route: CardRoute): DeadlineChoice {
  return {
    spec: { kind: 'period', amount: route.reply.amount, unit: route.reply.unit },
    basis: 'jurisdiction',
    clock: { id: `${route.id}-reply`, source: route.reply.source, verified: route.reply.verified },
  };
}

/**
 * A jurisdiction with nothing the merchant's letter would cite: the card letter cites its own.
 * Nor is it served by a notary on the merchant (the Turkish ihtarname): it goes to the issuer
 * by the jurisdiction's other methods.
 */
export function withoutMerchantLaw(j: Jurisdiction): Jurisdiction {
  const rest: Jurisdiction = {
    ...j,
    forums: [],
    sendingMethods: j.sendingMethods.filter((m) => m !== 'notary'),
  };
  delete rest.rights;
  delete rest.legalBasis;
  return rest;
}

/** Everything the card letter adds to the built letter. */
export interface CardLetterInput {
  /** The letter built from the case (buildLetter, with `cardDeadline` and `withoutMerchantLaw`). */
  letter: Letter;
  /** The template with the region applied (forRegion). */
  template: LetterTemplate;
  route: CardRoute;
  caseRecord: CaseRecord;
  /** The issuer's address for disputes, when known. */
  issuerAddress: string | null;
  /** The case's letters (those sent to the merchant are cited). */
  earlier: readonly LetterRecord[];
  contacts: readonly ContactRecord[];
  timeZone: string;
}

/** One letter to the merchant the card letter cites, for the JSON. */
export interface CardCitedLetter {
  id: number;
  sentOn: string;
  tracking: string | null;
  deliveredOn: string | null;
}

/** The card letter and the merchant's letters it cites. */
export interface CardLetter {
  letter: Letter;
  cited: CardCitedLetter[];
}

/** Whether a template has the card letter's sentences. */
export function hasCardWording(template: LetterTemplate): boolean {
  return Boolean(template.card && Object.keys(template.card).length > 0);
}

/** Turns the built letter into the letter to the card issuer. Pure. */
export function asCardIssuerLetter(input: CardLetterInput): CardLetter {
  const { letter, template, route, caseRecord: c, timeZone } = input;
  const words = template.card ?? {};
  const say = (key: string, values: Record<string, string> = {}): string => {
    const pattern = words[key];
    if (pattern === undefined)
      throw new Error(`letter template ${template.language}: no card text "${key}"`);
    return fill(pattern, values);
  };
  const optional = (key: string, values: Record<string, string> = {}): string | undefined =>
    words[key] === undefined ? undefined : say(key, values);
  const rtl = template.direction === 'rtl';
  const one = (value: string) => sanitizeText(value).replace(/\s+/g, ' ').trim();
  /** A value typed by the user or a number, marked left to right inside an RTL letter. */
  const iso = (value: string) => (rtl ? `\u200e${value}\u200e` : value);
  const long = (date: string) => formatLetterDate(date, template.locale, template.dateFormats.long);
  const short = (date: string) =>
    formatLetterDate(date, template.locale, template.dateFormats.short);
  const sentence = (value: string) => {
    const v = one(value);
    return /[.!?…»”"')]$/u.test(v) ? v : `${v}.`;
  };

  const kind = route.kind;
  const last4 = iso(c.cardLast4 ?? '');
  const statement = long(c.statementDate ?? letter.date);
  const merchant = iso(one(c.company.name));
  const amount = c.amount ? formatLetterMoney(template, c.amount) : '';
  const placeholders: Placeholder[] = letter.placeholders.filter(
    (p) => p.gap !== 'company-address' && p.gap !== 'remedy-detail',
  );
  const address = input.issuerAddress
    ? (template.layout.addressOnOneLine
        ? [addressLines(input.issuerAddress).join(', ')]
        : addressLines(input.issuerAddress)
      ).map(iso)
    : (() => {
        const text = say('addressPlaceholder');
        placeholders.push({ gap: 'issuer-address', text });
        return [text];
      })();

  const replace = new Map<LetterElement, string[]>();
  const recipientName = fill(template.texts.recipientName ?? '{company}', {
    company: iso(one(c.cardIssuer ?? '')),
  });
  replace.set('recipient', [recipientName, say(`department.${kind}`), ...address]);
  const subject = say(`subject.${kind}`, { last4, statement });
  replace.set('subject', [subject]);
  const charge = say('charge', {
    statement,
    last4,
    amount,
    merchant,
    product: iso(one(c.product)),
    on: c.purchasedOn ? say('chargeOn', { date: long(c.purchasedOn) }) : '',
    order: c.orderRef ? say('chargeOrder', { order: iso(one(c.orderRef)) }) : '',
  });
  replace.set('purchase', [`${charge} ${say(`reason.${kind}`)}`]);
  replace.set('problem', [say('problem', { problem: sentence(c.problem) })]);

  // What was tried with the merchant: its letters (as the final notice cites them), then the
  // contacts before them.
  const cited: CardCitedLetter[] = [];
  const tried: string[] = [];
  for (const l of sentLetters(input.earlier)) {
    const method = l.sentVia ?? l.sendMethod;
    cited.push({ id: l.id, sentOn: l.sentOn!, tracking: l.tracking, deliveredOn: l.deliveredOn });
    const answer = answerTo(l, input.contacts, timeZone);
    const result = answer
      ? say('answered', { date: long(localDateOf(answer.startedAt, timeZone)) })
      : l.deadlineOn < letter.date
        ? say('noAnswer', { deadline: long(l.deadlineOn) })
        : say('notYet', { deadline: long(l.deadlineOn) });
    tried.push(
      `${say('letter', {
        date: long(l.sentOn!),
        kind: say(`kind.${l.kind === 'final-notice' ? 'final-notice' : 'complaint'}`),
        method: method
          ? say('letterMethod', { method: template.sendingMethods[method] ?? method })
          : '',
        tracking: l.tracking ? say('letterTracking', { tracking: iso(one(l.tracking)) }) : '',
        delivered: l.deliveredOn ? say('letterDelivered', { delivered: long(l.deliveredOn) }) : '',
      })} ${result}`,
    );
  }
  const contacts = companyContacts(input.contacts).filter(
    (k) => k.direction === 'outbound' && k.channel !== 'letter',
  );
  if (contacts.length > 0) {
    const sep = template.texts.listSeparator ?? ', ';
    const list = contacts
      .map((k) =>
        say('contactItem', {
          date: short(localDateOf(k.startedAt, timeZone)),
          channel: template.channels[k.channel] ?? k.channel,
          reference: k.reference
            ? say('contactReference', { reference: iso(one(k.reference)) })
            : '',
        }),
      )
      .join(sep);
    tried.unshift(say('contacts', { list }));
  }
  if (tried.length > 0) replace.set('contacts', [say('tried', { merchant }), ...tried]);
  replace.set('remedy', [say(`request.${kind}`, { amount })]);
  replace.set('deadline', [say(`deadline.${kind}`, { deadline: letter.deadline.text })]);
  const title = optional(`title.${kind}`);

  const blocks: LetterBlock[] = [];
  const dropped = new Set<LetterElement>(['legal-basis']);
  const order = letter.blocks.map((b) => b.kind);
  for (const block of letter.blocks) {
    if (dropped.has(block.kind)) continue;
    if (block.kind === 'title') {
      if (title) blocks.push({ kind: 'title', lines: title.split('\n') });
      continue;
    }
    const lines = replace.get(block.kind);
    blocks.push(lines ? { kind: block.kind, lines } : block);
    // The attempts with the merchant come after the problem when the letter had no contacts.
    if (block.kind === 'problem' && !order.includes('contacts') && replace.has('contacts'))
      blocks.push({ kind: 'contacts', lines: replace.get('contacts')! });
  }
  return {
    letter: {
      ...letter,
      blocks,
      subject,
      remedyDetail: null,
      forum: null,
      legalBasis: { id: route.id, source: route.source, verified: route.verified },
      placeholders,
    },
    cited,
  };
}
