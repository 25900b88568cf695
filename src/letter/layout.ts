/** Paper and margins: the DOCX renderer draws with them and lint estimates the length from them. */

/** Countries that use US Letter paper; everyone else uses A4. */
const LETTER_PAPER_COUNTRIES = ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'PR'];

export type PageSize = 'A4' | 'Letter';

/** Paper sizes in twentieths of a point (twips). */
export const PAGE_TWIPS: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
};

/** 2 cm on A4, 0.8 in on Letter (about the same). */
export const MARGIN_TWIPS = 1134;

/** Space after a body paragraph, in points. */
export const PARAGRAPH_AFTER_PT = 6;

/** The paper of a country. */
export function pageSizeFor(country: string): PageSize {
  return LETTER_PAPER_COUNTRIES.includes(country.toUpperCase()) ? 'Letter' : 'A4';
}

/**
 * Lines of body text one page holds and characters per line, estimated for a serif font at
 * `sizePt` (average glyph `widthEm`, about half an em for Latin and Cyrillic; a wide substitute
 * font such as DejaVu Serif is assumed, so the estimate errs towards "too long").
 */
export function pageCapacity(
  size: PageSize,
  sizePt: number,
  widthEm = 0.55,
): { lines: number; chars: number } {
  const page = PAGE_TWIPS[size];
  const widthPt = (page.width - 2 * MARGIN_TWIPS) / 20;
  const heightPt = (page.height - 2 * MARGIN_TWIPS) / 20;
  return {
    chars: Math.floor(widthPt / (sizePt * widthEm)),
    lines: Math.floor(heightPt / (sizePt * 1.17)),
  };
}
