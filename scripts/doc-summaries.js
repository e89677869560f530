#!/usr/bin/env node
// Checks that the summary jsii takes from every public doc comment in src/ reads as a whole sentence.
//
// jsii (and so API.md, Construct Hub and the Python/Java docs) uses a doc comment's first paragraph when
// it is shorter than 20 words, else its first sentence: the text up to the first `.`, `!`, `?` or `;`
// followed by whitespace. A comment whose first sentence runs on past a `;`, an `e.g.` or a `:` then gets
// a summary that stops mid-thought ("... with partial batch responses;"). This computes each summary
// with jsii's own function (jsii/lib/docs splitSummary) from the comments as written, and reports:
//   - a summary ending with `;` or `:` (or `:.`, which jsii makes of a short paragraph ending with `:`),
//   - a summary ending with `,` or a word that cannot end a sentence (and, or, the, e.g., ...),
//   - a summary with an unclosed `(`, `[`, `{` or backtick (cut inside a parenthesis or code span).
// Public = exported declarations of src/**/*.ts outside private/ folders, their public members and enum
// members, unless marked @internal. Reusable after any merge: `node scripts/doc-summaries.js` prints the
// offenders with file:line and exits 1 when there is one (test/docs/summaries.test.ts runs the same check).
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
// jsii's package exports do not include lib/docs: load the file itself.
const { splitSummary } = require(path.join(ROOT, 'node_modules', 'jsii', 'lib', 'docs.js'));

/** Words a sentence cannot end with: a summary ending so was cut mid-thought. */
const DANGLING = new Set([
  'a', 'an', 'and', 'or', 'nor', 'but', 'the', 'its', 'than', 'whose', 'e.g', 'eg', 'i.e', 'ie', 'vs', 'cf',
]);

/** Why `raw` (a summary as jsii cut it, before it appends a period) does not stand alone, or undefined. */
function summaryProblem(raw) {
  const s = raw.trim();
  if (/[;:]\.?$/.test(s)) {
    return `ends with "${s.match(/[;:]\.?$/)[0][0]}"`;
  }
  if (/,$/.test(s)) {
    return 'ends with ","';
  }
  const last = s.replace(/[.!?]+$/, '').split(/\s+/).pop().replace(/^[^a-z0-9]+/i, '').toLowerCase();
  if (DANGLING.has(last)) {
    return `ends with "${last}"`;
  }
  const unclosed = [['(', ')'], ['[', ']'], ['{', '}']].find(([o, c]) => s.split(o).length !== s.split(c).length);
  if (unclosed) {
    return `unclosed "${unclosed[0]}"`;
  }
  if ((s.match(/`/g) ?? []).length % 2 === 1) {
    return 'unclosed "`"';
  }
  return undefined;
}

function isPublicMember(member) {
  const flags = ts.getCombinedModifierFlags(member);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) {
    return false;
  }
  return !(member.name && ts.isPrivateIdentifier(member.name));
}

function isExported(node) {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
}

/** The doc comment of a declaration: its text without tags, and whether it is @internal. */
function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) {
    return undefined;
  }
  const internal = (doc.tags ?? []).some((t) => t.tagName.text === 'internal');
  return { text: ts.getTextOfJSDocComment(doc.comment) ?? '', internal };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === 'private' ? [] : walk(full);
    }
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every public doc summary of src/ that does not stand alone: { file, line, name, summary, problem }. */
function checkSummaries(srcDir = path.join(ROOT, 'src')) {
  return publicSummaries(srcDir).filter((s) => s.problem);
}

/**
 * Every public doc summary of src/, as jsii takes it: { file, line, name, summary, problem } (name is
 * `Type` or `Type.member`; problem is undefined when the summary stands alone).
 */
function publicSummaries(srcDir = path.join(ROOT, 'src')) {
  const problems = [];
  for (const file of walk(srcDir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const check = (node, name) => {
      const doc = docOf(node);
      if (!doc || doc.internal || doc.text.trim() === '') {
        return doc?.internal ? 'internal' : undefined;
      }
      const [summary] = splitSummary(doc.text);
      // jsii appends a period to a summary without end punctuation: judge what was written.
      const raw = summary && summary.endsWith('.') && !/[.!?;]\s*$/.test(doc.text.slice(0, summary.length).trim() + ' ')
        ? summary.slice(0, -1) : summary;
      const problem = raw ? summaryProblem(raw) : undefined;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      problems.push({ file: path.relative(ROOT, file), line: line + 1, name, summary, problem });
      return undefined;
    };
    for (const stmt of source.statements) {
      if (!isExported(stmt)) {
        continue;
      }
      if (ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isEnumDeclaration(stmt)) {
        const typeName = stmt.name?.text ?? '(default)';
        if (check(stmt, typeName) === 'internal') {
          continue;
        }
        for (const member of stmt.members) {
          if (ts.isClassElement(member) && !isPublicMember(member)) {
            continue;
          }
          const memberName = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
            ? member.name.text : ts.isConstructorDeclaration(member) ? 'constructor' : undefined;
          if (memberName) {
            check(member, `${typeName}.${memberName}`);
          }
        }
      } else if (ts.isFunctionDeclaration(stmt) && stmt.name) {
        check(stmt, stmt.name.text);
      } else if (ts.isVariableStatement(stmt)) {
        for (const decl of stmt.declarationList.declarations) {
          if (ts.isIdentifier(decl.name)) {
            check(stmt, decl.name.text);
          }
        }
      }
    }
  }
  return problems;
}

if (require.main === module) {
  const problems = checkSummaries(process.argv[2]);
  for (const p of problems) {
    console.log(`${p.file}:${p.line}: ${p.name}: summary ${p.problem}: "${p.summary}"`);
  }
  console.log(`doc-summaries: ${problems.length} public doc summar${problems.length === 1 ? 'y' : 'ies'} that do not stand alone`);
  process.exit(problems.length > 0 ? 1 : 0);
}
module.exports = { checkSummaries, publicSummaries, summaryProblem };
