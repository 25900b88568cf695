import type { Letter, LetterBlock } from './model.js';

const WIDTH = 78;

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** Characters (code points, as `[...text]` counts them), not UTF-16 units. */
function length(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  // The line's length, kept as it grows rather than counted again for every word.
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const size = length(word);
    if (line && used + 1 + size > width - indent.length) {
      out.push(line);
      line = word;
      used = size;
    } else if (line) {
      line = `${line} ${word}`;
      used += 1 + size;
    } else {
      line = word;
      used = size;
    }
  }
  if (line) out.push(line);
  return out;
}

function centre(lines: string[]): string[] {
  return lines.map((l) => ' '.repeat(Math.max(0, Math.floor((WIDTH - [...l].length) / 2))) + l);
}

function toEnd(lines: string[], letter: Letter, align: 'start' | 'end'): string[] {
  if (align === 'start' || letter.direction === 'rtl') return lines;
  const widest = Math.max(...lines.map((l) => [...l].length));
  return lines.map((l) => ' '.repeat(Math.max(0, WIDTH - widest)) + l);
}

function renderBlock(block: LetterBlock, letter: Letter): string[] {
  switch (block.kind) {
    case 'sender':
      return toEnd(block.lines, letter, letter.layout.senderAlign);
    case 'date':
      return toEnd(block.lines, letter, letter.layout.dateAlign);
    case 'recipient':
      return toEnd(block.lines, letter, letter.layout.recipientAlign ?? 'start');
    case 'heading':
      return centre(block.lines);
    case 'notary':
    case 'signature':
      return toEnd(block.lines, letter, 'end');
    case 'explanations':
    case 'enclosures': {
      // "1. …" items hang after their number.
      return block.lines.flatMap((l) => {
        const n = /^(\S+\.) /u.exec(l)?.[1];
        if (!n || block.lines[0] === l) return wrap(l, WIDTH);
        const pad = ' '.repeat([...n].length + 1);
        return wrap(l.slice(n.length + 1), WIDTH, pad).map((w, i) =>
          i === 0 ? `${n} ${w}` : `${pad}${w}`,
        );
      });
    }
    case 'title': {
      const align = letter.layout.titleAlign ?? 'center';
      return align === 'center' ? centre(block.lines) : toEnd(block.lines, letter, align);
    }
    case 'contacts': {
      const [intro, ...items] = block.lines;
      return [
        ...wrap(intro ?? '', WIDTH),
        ...items.flatMap((item) =>
          wrap(item, WIDTH, '  • ').map((l, i) => (i === 0 ? `  • ${l}` : `    ${l}`)),
        ),
      ];
    }
    default:
      return block.lines.flatMap((l) => wrap(l, WIDTH));
  }
}

/** Blocks that follow the one before without a blank line. */
const TIGHT: readonly LetterBlock['kind'][] = ['cc', 'sending'];

/**
 * The letter as plain text for the terminal preview (78 columns). The left-to-right marks that
 * keep Latin references in order inside RTL text are left out: some terminals print them.
 */
export function renderLetterText(letter: Letter): string {
  const out: string[] = [];
  for (const block of letter.blocks) {
    if (out.length > 0 && !TIGHT.includes(block.kind)) out.push('');
    out.push(...renderBlock(block, letter));
  }
  return out.join('\n').replace(/[\u200e\u2066-\u2069]/g, '') + '\n';
}
