import { sanitizeText } from '../domain/text.js';
import type { TimelineDocument, TimelineRow } from './timeline.js';

/** The first strong letter decides a paragraph's direction (the Unicode bidi rule P2). */
const FIRST_STRONG = /[\p{L}]/u;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

function runsRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first !== undefined && RTL.test(first);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * timeline.docx: the facts, every contact with names, IDs, references, promises and quotes, and
 * the list of evidence files in the bundle. `docx` is loaded here only (STYLE.md 10).
 */
export async function renderTimelineDocx(model: TimelineDocument): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const para = (text: string, options: { bold?: boolean; label?: string } = {}) => {
    const clean = sanitizeText(text);
    const rtl = !options.label && runsRightToLeft(clean);
    const runs = [];
    if (options.label)
      runs.push(new TextRun({ text: `${sanitizeText(options.label)}: `, bold: true }));
    runs.push(
      new TextRun({
        text: clean,
        bold: Boolean(options.bold),
        ...(rtl ? { rightToLeft: true } : {}),
      }),
    );
    return new Paragraph({ children: runs, ...(rtl ? { bidirectional: true } : {}) });
  };
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text: sanitizeText(text), heading: level });
  const contact = (r: TimelineRow, i: number) => {
    const head = `${i + 1}. ${r.startedLocal} — ${r.channel}, ${r.direction}${
      r.durationMinutes ? `, ${r.durationMinutes} min` : ''
    }`;
    const fields: [string, string][] = [
      ['Representatives', r.representatives],
      ['Department', r.department],
      ['Reference', r.reference],
      ['What was said', r.summary],
      ['Next steps', r.nextSteps],
      ['Responsible', r.responsible],
      ['Expected time', r.expectedTime],
      ['Promises', r.promises],
      ['Outcome', r.outcome],
      ['Supervisor', r.supervisor],
      ['Rude conduct, their words', r.quotes || (r.rude ? 'yes' : '')],
    ];
    return [
      heading(head, HeadingLevel.HEADING_3),
      ...fields.filter(([, v]) => v).map(([label, v]) => para(v, { label })),
    ];
  };
  const doc = new Document({
    creator: 'complain',
    title: sanitizeText(model.title),
    styles: {
      default: {
        document: { run: { font: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial' }, size: 21 } },
      },
    },
    sections: [
      {
        children: [
          heading(model.title, HeadingLevel.HEADING_1),
          para(model.generated),
          heading('The case', HeadingLevel.HEADING_2),
          ...model.facts.map(([label, value]) => para(value, { label })),
          heading(
            `Timeline (${plural(model.rows.length, 'contact', 'contacts')})`,
            HeadingLevel.HEADING_2,
          ),
          ...(model.rows.length === 0 ? [para('No contacts logged.')] : []),
          ...model.rows.flatMap(contact),
          heading(
            `Evidence (${plural(model.evidence.length, 'file', 'files')})`,
            HeadingLevel.HEADING_2,
          ),
          ...(model.evidence.length === 0 ? [para('None attached.')] : []),
          ...model.evidence.map((e, i) => para(`${i + 1}. ${e.label} (${e.kind}) — ${e.name}`)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
