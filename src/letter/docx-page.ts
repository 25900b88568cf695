import { AlignmentType, Document, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { packDocx } from './docx-pack.js';
import { sanitizeText } from '../domain/text.js';
import type { PageSize } from './layout.js';
import { MARGIN_TWIPS, PAGE_TWIPS } from './layout.js';
import type { LetterTemplate } from './template.js';

/** Points to twips. */
export const pt = (n: number): number => Math.round(n * 20);

/** A paragraph's alignment: start/end follow its direction (LibreOffice reads left/right as sides). */
export function alignmentOf(
  a: 'start' | 'end' | 'center' | 'justify' | undefined,
): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === 'end'
    ? AlignmentType.END
    : a === 'justify'
      ? AlignmentType.JUSTIFIED
      : a === 'center'
        ? AlignmentType.CENTER
        : AlignmentType.START;
}

/**
 * A formal document on one kind of page, as letters and applications are written: the font and
 * language of the text (right to left in Persian), the page size and margins, no page number on
 * page 1 and a centred one from page 2. Returns the DOCX file.
 */
export function writePageDocument(input: {
  title: string;
  creator: string;
  locale: string;
  font: LetterTemplate['font'];
  rtl: boolean;
  pageSize: PageSize;
  children: Paragraph[];
}): Promise<Buffer> {
  const { rtl, font: f } = input;
  const language = input.locale.split('-u-')[0] ?? input.locale;
  const font = f.name;
  const cs = f.complexScript ?? font;
  const page = PAGE_TWIPS[input.pageSize];
  const doc = new Document({
    title: sanitizeText(input.title),
    creator: sanitizeText(input.creator),
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: font, hAnsi: font, cs, eastAsia: font },
            size: f.sizePt * 2,
            language: rtl ? { value: language, bidirectional: language } : { value: language },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: MARGIN_TWIPS,
              bottom: MARGIN_TWIPS,
              left: MARGIN_TWIPS,
              right: MARGIN_TWIPS,
            },
          },
        },
        footers: {
          // No page number on page 1; Word wants a paragraph in every footer.
          first: new Footer({ children: [new Paragraph({})] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                bidirectional: rtl,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    size: (f.sizePt - 1) * 2,
                    rightToLeft: rtl,
                  }),
                ],
              }),
            ],
          }),
        },
        children: input.children,
      },
    ],
  });
  return packDocx(doc);
}
