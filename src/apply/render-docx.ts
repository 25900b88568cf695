import { Paragraph, TextRun } from 'docx';
import { sanitizeText } from '../domain/text.js';
import { alignmentOf, pt, writePageDocument } from '../letter/docx-page.js';
import { MARGIN_TWIPS, PAGE_TWIPS, PARAGRAPH_AFTER_PT } from '../letter/layout.js';
import type { Application } from './model.js';

interface Style {
  align?: 'start' | 'end' | 'center' | 'justify';
  bold?: boolean;
  before?: number;
  after?: number;
  size?: number;
  indentStart?: number;
  hanging?: number;
  keepNext?: boolean;
}

/**
 * The application as a DOCX file (a Buffer), with the identity numbers in full: the heading
 * centred, each field's label in bold with its lines under it, numbered lists with a hanging
 * indent, the date and signature block at the end. Right to left as the letter renderer does it
 * for Persian: every paragraph bidirectional, every run right to left, start/end alignment.
 */
export async function renderApplicationDocx(app: Application): Promise<Buffer> {
  const rtl = app.direction === 'rtl';
  const paragraph = (text: string, s: Style = {}) =>
    new Paragraph({
      alignment: alignmentOf(s.align),
      bidirectional: rtl,
      keepNext: s.keepNext ?? false,
      keepLines: true,
      spacing: { before: pt(s.before ?? 0), after: pt(s.after ?? 0) },
      ...(s.indentStart !== undefined
        ? { indent: { start: s.indentStart, hanging: s.hanging ?? 0 } }
        : {}),
      children: [
        new TextRun({
          text: sanitizeText(text).replace(/\s*\n\s*/g, ' '),
          bold: s.bold ?? false,
          rightToLeft: rtl,
          ...(s.size ? { size: s.size * 2 } : {}),
        }),
      ],
    });
  const gap = PARAGRAPH_AFTER_PT;
  const page = PAGE_TWIPS[app.pageSize];
  const endColumn = Math.round((page.width - 2 * MARGIN_TWIPS) * 0.6);
  const body: Paragraph[] = [];
  const block = (ls: string[], s: Style) =>
    ls.forEach((l, i) =>
      body.push(paragraph(l, { ...s, after: i === ls.length - 1 ? gap * 2 : 0 })),
    );
  block(app.sender, { indentStart: endColumn });
  if (app.dateLine) block([app.dateLine], { indentStart: endColumn });
  block(app.addressee, {});
  app.title.forEach((l, i) =>
    body.push(
      paragraph(l, {
        align: 'center',
        bold: i === 0,
        keepNext: true,
        after: i === app.title.length - 1 ? gap * 2 : 0,
      }),
    ),
  );
  if (app.subtitle) body.push(paragraph(app.subtitle, { bold: true, after: gap * 2 }));
  if (app.greeting) body.push(paragraph(app.greeting, { after: gap }));
  for (const f of app.fields) {
    body.push(paragraph(f.label, { bold: true, keepNext: true, before: gap, after: gap / 2 }));
    f.lines.forEach((l, i) => {
      const last = i === f.lines.length - 1;
      const numbered = f.style === 'numbered' && /^\S+\.\s/.test(l);
      body.push(
        paragraph(l, {
          // Start-aligned: justified short lines of dates and numbers stretch badly.
          align: 'start',
          after: last ? gap : gap / 2,
          ...(numbered ? { indentStart: 340, hanging: 340 } : { indentStart: 0 }),
        }),
      );
    });
  }
  app.closing.forEach((l, i) =>
    body.push(
      paragraph(l, {
        ...(app.form.kind === 'letter' ? {} : { indentStart: endColumn }),
        keepNext: i < app.closing.length - 1,
        // Room for the handwritten signature above the name of a letter.
        before: i === 0 ? gap * 3 : app.form.kind === 'letter' && i === 1 ? 30 : 0,
      }),
    ),
  );
  if (app.note) body.push(paragraph(app.note, { before: gap * 3, size: app.font.sizePt - 1 }));

  return writePageDocument({
    title: app.title[0] ?? '',
    creator: app.signer,
    locale: app.locale,
    font: app.font,
    rtl,
    pageSize: app.pageSize,
    children: body,
  });
}
