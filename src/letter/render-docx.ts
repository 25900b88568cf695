import { NoBreakHyphen, Paragraph, TextRun } from 'docx';
import { sanitizeText } from '../domain/text.js';
import { alignmentOf, pt, writePageDocument } from './docx-page.js';
import { MARGIN_TWIPS, PAGE_TWIPS, PARAGRAPH_AFTER_PT } from './layout.js';
import type { Letter, LetterBlock } from './model.js';
import type { Align } from './template.js';

const HYPHENATED = /[\p{L}\p{N}]-[\p{L}\p{N}]/u;

/**
 * The text with the hyphens of reference numbers (TCK-88812, C-5521) made non-breaking: a number
 * split over two lines is misread, and PDF readers join the halves without the hyphen.
 */
function unbreakable(text: string): (string | NoBreakHyphen)[] {
  // Most lines have no hyphen between letters or digits: then there is nothing to split.
  if (!HYPHENATED.test(text)) return text ? [text] : [];
  const out: (string | NoBreakHyphen)[] = [];
  let plain = '';
  for (const token of text.split(/(\s+)/)) {
    if (token.includes('-') && /\p{N}/u.test(token) && HYPHENATED.test(token)) {
      const pieces = token.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u);
      pieces.forEach((piece, i) => {
        plain += piece;
        if (i < pieces.length - 1) {
          out.push(plain);
          plain = '';
          out.push(new NoBreakHyphen());
        }
      });
    } else plain += token;
  }
  if (plain) out.push(plain);
  return out;
}

interface ParagraphStyle {
  align?: Align | 'justify' | 'center';
  bold?: boolean;
  before?: number;
  after?: number;
  /** Size in points; the letter's body size when absent. */
  size?: number;
  /** Indent on the side the text starts (left in LTR, right in RTL), in twips. */
  indentStart?: number;
  hanging?: number;
  keepNext?: boolean;
  /** "KONU: …": the label before the first colon in bold (the notarial form's parts). */
  boldLabel?: boolean;
}

/** "KEŞİDECİ: Ayşe Yılmaz" → ["KEŞİDECİ:", " Ayşe Yılmaz"]; no label: [""," text"]. */
function splitLabel(text: string): [string, string] {
  const m = /^([^:]{1,40}:)(\s.*)?$/su.exec(text);
  return m ? [m[1]!, m[2] ?? ''] : ['', text];
}

/**
 * The letter as a DOCX file (a Buffer): A4 or Letter, the template's font, sender and date where
 * a letter puts them, bold subject, page numbers from page 2, spacing by paragraph properties
 * (no empty paragraphs), every string sanitised again (NFC, no XML-illegal or bidi overrides).
 */
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const rtl = letter.direction === 'rtl';
  const run = (value: string, bold: boolean, size: number | undefined) => {
    const lead = value.startsWith(' ') ? ' ' : '';
    return new TextRun({
      // In RTL paragraphs LibreOffice 7.4 breaks a line inside a number after a no-break
      // hyphen ("EM-7" / "781"): there the references keep their plain hyphen.
      children: rtl
        ? [lead + sanitizeText(value).replace(/\s*\n\s*/g, ' ')]
        : unbreakable(lead + sanitizeText(value).replace(/\s*\n\s*/g, ' ')),
      bold,
      rightToLeft: rtl,
      ...(size ? { size: size * 2 } : {}),
    });
  };
  const paragraph = (text: string, s: ParagraphStyle = {}) => {
    const [label, rest] = s.boldLabel ? splitLabel(text) : ['', text];
    return new Paragraph({
      alignment: alignmentOf(s.align),
      bidirectional: rtl,
      keepNext: s.keepNext ?? false,
      keepLines: true,
      spacing: { before: pt(s.before ?? 0), after: pt(s.after ?? 0) },
      ...(s.indentStart !== undefined
        ? { indent: { start: s.indentStart, hanging: s.hanging ?? 0 } }
        : {}),
      children: [
        ...(label ? [run(label, true, s.size)] : []),
        // sanitizeText trims: the space after the label is put back.
        ...(rest
          ? [run(label && /^\s/.test(rest) ? ` ${rest.trim()}` : rest, s.bold ?? false, s.size)]
          : []),
      ],
    });
  };
  const gap = letter.layout.paragraphAfterPt ?? PARAGRAPH_AFTER_PT;
  const page = PAGE_TWIPS[letter.pageSize];
  // "end": a block of lines aligned at its start, set towards the end side, as letters do.
  const endColumn = Math.round((page.width - 2 * MARGIN_TWIPS) * 0.6);
  const place = (a: Align): ParagraphStyle => (a === 'end' ? { indentStart: endColumn } : {});
  const block = (b: LetterBlock): Paragraph[] => {
    const last = b.lines.length - 1;
    switch (b.kind) {
      case 'sender':
        return b.lines.map((l, i) =>
          paragraph(l, { ...place(letter.layout.senderAlign), after: i === last ? gap * 2 : 0 }),
        );
      case 'date':
        return b.lines.map((l, i) =>
          paragraph(l, { ...place(letter.layout.dateAlign), after: i === last ? gap * 2 : 0 }),
        );
      case 'recipient':
        return b.lines.map((l, i) =>
          paragraph(l, {
            ...place(letter.layout.recipientAlign ?? 'start'),
            after: i === last ? gap * 2 : 0,
          }),
        );
      case 'heading':
        return b.lines.map((l) => paragraph(l, { align: 'center', after: gap }));
      case 'title':
        return b.lines.map((l, i) =>
          paragraph(l, {
            align: letter.layout.titleAlign ?? 'center',
            bold: i === 0,
            after: i === last ? gap * 2 : 0,
            keepNext: true,
          }),
        );
      case 'subject':
        return letter.notarial
          ? b.lines.map((l) =>
              paragraph(l, { boldLabel: true, align: 'justify', after: gap * 2, keepNext: true }),
            )
          : b.lines.map((l) => paragraph(l, { bold: true, after: gap * 2, keepNext: true }));
      // The notarial form (ihtarname).
      case 'notary':
        return b.lines.map((l) => paragraph(l, { align: 'end', bold: true, after: gap }));
      case 'party':
        return b.lines.map((l, i) =>
          paragraph(l, {
            boldLabel: i === 0,
            ...(i > 0 ? { indentStart: 340 } : {}),
            after: i === last ? gap : 0,
            keepNext: i < last,
          }),
        );
      case 'explanations':
      case 'demand':
        return b.lines.map((l, i) =>
          i === 0
            ? paragraph(l, { bold: true, after: gap / 2, keepNext: true })
            : paragraph(l, {
                align: 'justify',
                after: i === last ? gap * 1.5 : gap / 2,
                ...(b.kind === 'explanations' ? { indentStart: 340, hanging: 340 } : {}),
              }),
        );
      case 'grounds':
        return b.lines.map((l) =>
          paragraph(l, { boldLabel: true, align: 'justify', after: gap * 1.5 }),
        );
      case 'notary-clause':
        return b.lines.map((l, i) =>
          paragraph(l, { align: 'justify', after: i === last ? gap : gap / 2, keepNext: true }),
        );
      case 'signature':
        // The date, "Keşideci", room for the signature, the name: at the end side.
        return b.lines.map((l, i) =>
          paragraph(l, {
            indentStart: endColumn,
            before: i === last ? (letter.layout.signatureGapPt ?? 30) : 0,
            after: i === last ? gap : 0,
            keepNext: i < last,
          }),
        );
      case 'salutation':
        return b.lines.map((l) => paragraph(l, { after: gap, keepNext: true }));
      case 'contacts':
        return b.lines.map((l, i) =>
          i === 0
            ? paragraph(l, { align: 'justify', after: gap / 2, keepNext: true })
            : paragraph(`•\u00a0${l}`, {
                after: i === last ? gap : gap / 2,
                indentStart: 340,
                hanging: 170,
              }),
        );
      case 'signoff':
        return b.lines.map((l) => paragraph(l, { before: gap, keepNext: true }));
      case 'name':
        // Room for the handwritten signature, made with spacing, not empty paragraphs.
        return b.lines.map((l) =>
          paragraph(l, { before: letter.layout.signatureGapPt ?? 30, after: gap * 2 }),
        );
      case 'enclosures':
        // A numbered list ("Приложение:" then "1. …") is typed numbers, not Word numbering: it
        // reads the same in every reader and follows the paragraph's direction.
        if (letter.layout.enclosures === 'numbered')
          return b.lines.map((l, i) =>
            paragraph(l, {
              size: letter.font.sizePt - 1,
              after: i === last ? gap / 2 : 0,
              keepNext: true,
              ...(i > 0 ? { indentStart: 340 } : {}),
            }),
          );
        return b.lines.map((l) =>
          paragraph(l, { size: letter.font.sizePt - 1, after: gap / 2, keepNext: true }),
        );
      case 'cc':
      case 'sending':
        return b.lines.map((l) =>
          paragraph(l, {
            size: letter.font.sizePt - 1,
            after: gap / 2,
            keepNext: b.kind !== 'sending',
          }),
        );
      default:
        return b.lines.map((l) => paragraph(l, { align: 'justify', after: gap }));
    }
  };
  return writePageDocument({
    title: letter.subject,
    creator: letter.signer,
    locale: letter.locale,
    font: letter.font,
    rtl,
    pageSize: letter.pageSize,
    children: letter.blocks.flatMap(block),
  });
}
