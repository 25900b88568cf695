import { isolateLtr, sanitizeText } from '../domain/text.js';
import type { TimelineDocument, TimelineRow } from './timeline.js';
import type * as Docx from 'docx';
import type { UiLanguage } from '../i18n.js';
import { inLanguage, t } from '../i18n.js';
import { labelOf } from '../domain/vocab.js';

/** The first strong letter decides a paragraph's direction (the Unicode bidi rule P2). */
const FIRST_STRONG = /[\p{L}]/u;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

function runsRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first !== undefined && RTL.test(first);
}

/**
 * timeline.docx: the facts, every contact with names, IDs, references, promises and quotes, and
 * the list of evidence files in the bundle. `docx` is loaded here only (STYLE.md 10).
 */
export async function renderTimelineDocx(
  model: TimelineDocument,
  language: UiLanguage,
): Promise<Buffer> {
  const docx = await import('docx');
  return docx.Packer.toBuffer(inLanguage(language, () => timelineDocx(docx, model)));
}

function timelineDocx(
  { Document, HeadingLevel, Paragraph, TextRun }: typeof Docx,
  model: TimelineDocument,
): InstanceType<typeof Document> {
  const para = (text: string, options: { bold?: boolean; label?: string } = {}) => {
    const clean = sanitizeText(text);
    // A Persian file runs right to left throughout; elsewhere a paragraph written in Persian does.
    const rtl = model.rtl || (!options.label && runsRightToLeft(clean));
    const runs = [];
    if (options.label)
      runs.push(new TextRun({ text: `${sanitizeText(options.label)}: `, bold: true }));
    runs.push(
      new TextRun({
        text: model.rtl ? isolateLtr(clean) : clean,
        bold: Boolean(options.bold),
        ...(rtl ? { rightToLeft: true } : {}),
      }),
    );
    return new Paragraph({ children: runs, ...(rtl ? { bidirectional: true } : {}) });
  };
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({
      children: [
        new TextRun({ text: sanitizeText(text), ...(model.rtl ? { rightToLeft: true } : {}) }),
      ],
      heading: level,
      ...(model.rtl ? { bidirectional: true } : {}),
    });
  const contact = (r: TimelineRow, i: number) => {
    if (r.event === 'letter')
      return [
        heading(
          t('evidence.timeline.letterEventHead', { n: String(i + 1), at: r.startedLocal }),
          HeadingLevel.HEADING_3,
        ),
        para(r.summary),
        ...(r.reference
          ? [para(r.reference, { label: t('evidence.timeline.field.tracking') })]
          : []),
      ];
    const head = t('evidence.timeline.contactHead', {
      n: String(i + 1),
      at: r.startedLocal,
      channel: r.channel,
      direction: r.direction,
      timed: r.durationMinutes ? 'yes' : 'no',
      minutes: r.durationMinutes,
    });
    const fields: [string, string][] = [
      [t('evidence.timeline.field.representatives'), r.representatives],
      [t('evidence.timeline.field.department'), r.department],
      [t('evidence.timeline.field.reference'), r.reference],
      [t('evidence.timeline.field.summary'), r.summary],
      [t('evidence.timeline.field.nextSteps'), r.nextSteps],
      [t('evidence.timeline.field.responsible'), r.responsible],
      [t('evidence.timeline.field.expectedTime'), r.expectedTime],
      [t('evidence.timeline.field.promises'), r.promises],
      [t('evidence.timeline.field.outcome'), r.outcome],
      [t('evidence.timeline.field.supervisor'), r.supervisor],
      [t('evidence.timeline.field.rude'), r.quotes || r.rude],
    ];
    return [
      heading(head, HeadingLevel.HEADING_3),
      ...fields.filter(([, v]) => v).map(([label, v]) => para(v, { label })),
    ];
  };
  return new Document({
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
          heading(t('evidence.timeline.theCase'), HeadingLevel.HEADING_2),
          ...model.facts.map(([label, value]) => para(value, { label })),
          heading(
            t('evidence.timeline.letters', { count: model.letters.length }),
            HeadingLevel.HEADING_2,
          ),
          ...(model.letters.length === 0 ? [para(t('evidence.timeline.noLetters'))] : []),
          ...model.letters.map((line) => para(line)),
          heading(
            t('evidence.timeline.timeline', { count: model.contactCount }),
            HeadingLevel.HEADING_2,
          ),
          ...(model.rows.length === 0 ? [para(t('evidence.timeline.noContacts'))] : []),
          ...model.rows.flatMap(contact),
          heading(
            t('evidence.timeline.evidence', { count: model.evidence.length }),
            HeadingLevel.HEADING_2,
          ),
          ...(model.evidence.length === 0 ? [para(t('evidence.timeline.noEvidence'))] : []),
          ...model.evidence.map((e, i) =>
            para(
              t('evidence.timeline.evidenceLine', {
                n: String(i + 1),
                label: e.label,
                kind: labelOf(e.kind),
                file: e.name,
              }),
            ),
          ),
        ],
      },
    ],
  });
}
