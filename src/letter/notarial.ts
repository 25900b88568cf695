import type { Jurisdiction } from '../domain/jurisdiction-rules.js';
import type { LetterBlock } from './model.js';
import type { LetterTemplate } from './template.js';
import { fill, optionalText, text } from './template.js';

/**
 * The notarial form of a letter (TR: the ihtarname). A letter sent through a notary takes effect
 * when it is served, so its deadline runs from service and carries no calendar date; its parts
 * are the heading, the parties (keşideci with the T.C. kimlik no. and address, muhatap with the
 * trade name, registered address and MERSİS no.), the subject, numbered explanations, the legal
 * grounds, the demand, "İhtar olunur", and the clause asking the notary to serve one copy and
 * return a served one. Its wording is the template's `notarial*` texts: a language without them
 * keeps the letter form.
 */

/** Whether a letter sent this way takes the notarial form: a notary, with the form in the data. */
export function isNotarial(
  template: LetterTemplate,
  jurisdiction: Jurisdiction,
  sendVia: string,
): boolean {
  return (
    sendVia === 'notary' &&
    jurisdiction.sendingMethods.includes('notary') &&
    optionalText(template, 'notarialTitle') !== undefined
  );
}

/** "Kadıköy 5. Noterliği" → "Kadıköy 5.": the notary as typed, without the word the form adds. */
export function notaryName(value: string, locale: string): string {
  return value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*noterli[ğg]i(ne)?\s*$/iu, '')
    .replace(/\s*noter\s*$/iu, '')
    .trim()
    .replace(/^./u, (c) => c.toLocaleUpperCase(locale));
}

/** What the notarial form is made of, as the letter model has written it. */
export interface NotarialParts {
  /** The notary's name as the form writes it ("Kadıköy 5."), or its placeholder. */
  notary: string;
  sender: { name: string; id: string; address: string[] };
  recipient: { name: string; id: string | null; address: string[] };
  /** The subject: what is demanded, with the product and the references. */
  topic: string;
  /** The numbered explanations, in date order. */
  explanations: string[];
  /** The legal grounds cited ("6502 sayılı … m. 8 ve 11"), in order, without repeats. */
  grounds: string[];
  /** The remedy sentence, then the deadline from service and the forum. */
  demand: string[];
  date: string;
  signer: string;
  enclosures: string[];
  cc: string | null;
  /** The template's number for "1.", "2." (Persian digits in fa). */
  num: (n: number) => string;
}

/** The blocks of the notarial form, in the order they are written. */
export function notarialBlocks(t: LetterTemplate, p: NotarialParts): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  const add = (kind: LetterBlock['kind'], lines: (string | null | undefined)[]) => {
    const kept = lines.map((l) => l?.trim()).filter((l): l is string => Boolean(l));
    if (kept.length > 0) blocks.push({ kind, lines: kept });
  };
  add('notary', [fill(text(t, 'notarialNotary'), { notary: p.notary })]);
  add('title', [text(t, 'notarialTitle')]);
  add('party', [
    fill(text(t, 'notarialSender'), {
      name: p.sender.name,
      id: fill(text(t, 'notarialSenderId'), { id: p.sender.id }),
    }),
    p.sender.address.join(', '),
  ]);
  add('party', [
    fill(text(t, 'notarialRecipient'), {
      name: p.recipient.name,
      id: p.recipient.id ? fill(text(t, 'notarialRecipientId'), { id: p.recipient.id }) : '',
    }),
    p.recipient.address.join(', '),
  ]);
  add('subject', [p.topic]);
  add('explanations', [
    text(t, 'notarialExplanations'),
    ...p.explanations.map((e, i) => fill(text(t, 'notarialItem'), { n: p.num(i + 1), text: e })),
  ]);
  add('grounds', [
    fill(text(t, p.grounds.length > 0 ? 'notarialGrounds' : 'notarialGroundsNone'), {
      grounds: p.grounds.join('; '),
    }),
  ]);
  add('demand', [text(t, 'notarialDemand'), p.demand.join(' '), text(t, 'notarialWarned')]);
  add('notary-clause', [`${text(t, 'notarialClauseTo')} ${text(t, 'notarialClause')}`]);
  add('signature', [p.date, text(t, 'notarialSigner'), p.signer]);
  if (p.enclosures.length > 0)
    // On one line, so that the list stays with the signature on the page.
    add('enclosures', [
      fill(text(t, 'notarialEnclosures'), {
        list: p.enclosures
          .map((item, i) => fill(text(t, 'notarialEnclosureItem'), { n: p.num(i + 1), item }))
          .join(text(t, 'listSeparator')),
      }),
    ]);
  if (p.cc) add('cc', [fill(text(t, 'cc'), { cc: p.cc })]);
  return blocks;
}
