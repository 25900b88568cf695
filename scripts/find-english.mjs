// Lists the string literals in src/ that read as English prose meant for a user: every such
// word must come from a catalogue in templates/messages/ through t(). Used by test/unit/i18n.test.ts
// and by hand: `node scripts/find-english.mjs [files…]` prints file:line: text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Calls whose string arguments are not user-facing text. */
const EXEMPT_CALLS = new Set([
  't',
  'translate',
  'prepare', // SQL
  'exec', // SQL
  'pragma',
  'import',
  'require',
  'option', // commander flag specs: the description is checked separately
  'requiredOption',
  'command',
  'argument',
  'alias',
  'createCommand',
  'Option',
  'Argument',
  'endsWith',
  'startsWith',
  'includes',
  'split',
  'join',
  'replace',
  'replaceAll',
  'padEnd',
  'padStart',
  'get',
  'has',
  'set',
  'on',
  'once',
  'emit',
  'removeListener',
  'Error', // bugs (not ComplainError) are reported through a catalogue message by main.ts
  'TypeError',
  'RangeError',
]);

const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|WITH|PRAGMA|DROP|BEGIN|REPLACE)\b/i;
/** Two words of letters with a space between: prose, not an identifier, a flag or a format. */
const PROSE = /[A-Za-z]{2,}[,:;]? +(?:[a-z]{2,}|[A-Z][a-z]+)/;

function isProse(text) {
  const s = text.trim();
  if (!PROSE.test(s)) return false;
  if (SQL.test(s)) return false;
  if (/\b(FROM|WHERE|JOIN|ORDER BY|GROUP BY|VALUES)\b/.test(s) && /[A-Z]{4,}/.test(s)) return false;
  if (/^--?[a-z]/.test(s) && !/ [a-z]+ [a-z]+ [a-z]+/.test(s)) return false; // "--flag <value>"
  return true;
}

function calleeName(node) {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The offending literals of one file: { line, text }. */
export function englishIn(file) {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found = [];
  const visit = (node, exempt) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node);
      if (name && EXEMPT_CALLS.has(name)) {
        // `.option('--x <v>', 'description')`: the description is user-facing.
        if (
          (name === 'option' || name === 'requiredOption' || name === 'argument') &&
          node.arguments
        ) {
          ts.forEachChild(node.expression, (c) => visit(c, exempt));
          node.arguments.forEach((a, i) => visit(a, i === 0));
          return;
        }
        ts.forEachChild(node, (c) => visit(c, true));
        return;
      }
    }
    if (ts.isTypeNode(node) && !ts.isLiteralTypeNode(node)) return;
    if (ts.isLiteralTypeNode(node)) return;
    if (ts.isPropertyAssignment(node)) {
      // Keys are names; values are checked.
      visit(node.initializer, exempt);
      return;
    }
    if (!exempt) {
      let text;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node))
        text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (text !== undefined && isProse(text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ line: line + 1, text: text.replace(/\s+/g, ' ').slice(0, 100) });
      }
    }
    ts.forEachChild(node, (c) => visit(c, exempt));
  };
  visit(source, false);
  return found;
}

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every offending literal under src/: [{ file, line, text }]. */
export function englishInSrc(files = tsFiles(join(root, 'src'))) {
  return files.flatMap((file) =>
    englishIn(file).map((f) => ({ file: relative(root, file), ...f })),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const found = englishInSrc(args.length ? args.map((a) => join(process.cwd(), a)) : undefined);
  for (const f of found) console.log(`${f.file}:${f.line}: ${f.text}`);
  console.error(`${found.length} user-facing English strings in src/`);
  process.exitCode = found.length ? 1 : 0;
}
