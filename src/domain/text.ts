/** C0/C1 controls but tab and newline, XML-illegal U+FFFE/U+FFFF, bidi embeddings and overrides. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e]/g;

/**
 * Cleans a string a user typed before it is stored: NFC, no C0/C1 controls but tab and newline,
 * no XML-illegal code points, no bidi overrides or embeddings (U+202A–U+202E), which can reverse
 * a reference number on a printed page. LRM, RLM and the isolates stay.
 */
export function sanitizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(/[\ud800-\udfff]/g, (ch, offset: number, whole: string) => {
      const code = ch.charCodeAt(0);
      const next = whole.charCodeAt(offset + 1);
      const prev = whole.charCodeAt(offset - 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return ch;
      if (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff) return ch;
      return '';
    })
    .trim();
}

/** A key for case-insensitive matching that folds Turkish İ/ı correctly (SQLite folds ASCII only). */
export function searchKey(text: string): string {
  return sanitizeText(text).toLocaleLowerCase('tr-TR').replace(/\s+/g, ' ');
}

/** A postal address typed on one line: ", " or ";" separate the lines of the letter's address block. */
export function parseAddress(text: string): string {
  return sanitizeText(text)
    .split(/\s*(?:\n|;|,(?=\s))\s*/)
    .filter((line) => line.length > 0)
    .join('\n');
}

const LRM = '\u200e';
/** Starts with a left-to-right letter (Latin, Cyrillic, Greek) after any digits and signs. */
const STARTS_LTR = /^[^\p{L}]*(?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]|$)/u;

/**
 * A value typed in a left-to-right script, placed in right-to-left text: marked left to right at
 * both ends, so that its full stop and brackets stay at its own end ("Asked to wait." and not
 * ".Asked to wait"). Other values are returned as they are.
 */
export function isolateLtr(value: string): string {
  return value && STARTS_LTR.test(value) ? `${LRM}${value}${LRM}` : value;
}
