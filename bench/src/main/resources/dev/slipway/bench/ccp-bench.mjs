// conventional-commits-parser (the npm package users run) on the benchmark corpus, with the parser options of
// conventional-changelog-conventionalcommits (the preset Release Please and semantic-release use).
//   node ccp-bench.mjs once CORPUS          parse every message once, print how many have a type
//   node ccp-bench.mjs serve CORPUS         for each line read on stdin, parse the corpus once and answer
//   node ccp-bench.mjs check CORPUS         print type, scope, subject, breaking of each message, one a line
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CommitParser } from 'conventional-commits-parser';

const [mode, corpus] = process.argv.slice(2);
const messages = readFileSync(corpus, 'utf8').split('\0');
const parser = new CommitParser({
  headerPattern: /^(\w*)(?:\((.*)\))?!?: (.*)$/,
  breakingHeaderPattern: /^(\w*)(?:\((.*)\))?!: (.*)$/,
  headerCorrespondence: ['type', 'scope', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i,
  revertCorrespondence: ['header', 'hash'],
  issuePrefixes: ['#'],
});

function pass() {
  let typed = 0;
  for (const m of messages) {
    if (parser.parse(m).type) typed++;
  }
  return typed;
}

const clean = (s) => (s == null ? '' : String(s).replace(/[\t\r\n]/g, ' '));

if (mode === 'once') {
  process.stdout.write(pass() + '\n');
} else if (mode === 'serve') {
  const rl = createInterface({ input: process.stdin });
  rl.on('line', () => process.stdout.write(pass() + '\n'));
} else if (mode === 'check') {
  const out = [];
  for (const m of messages) {
    const c = parser.parse(m);
    const type = c.type ? c.type.toLowerCase() : c.revert ? 'revert' : '';
    const breaking = c.notes.some((n) => n.title === 'BREAKING CHANGE' || n.title === 'BREAKING-CHANGE');
    out.push([type, clean(c.scope), clean(c.type ? c.subject : c.revert ? c.revert.header : ''), breaking].join('\t'));
  }
  process.stdout.write(out.join('\n') + '\n');
} else {
  process.stderr.write('usage: node ccp-bench.mjs once|serve|check CORPUS\n');
  process.exit(2);
}
