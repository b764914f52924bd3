// Counts hand-written GraphQL documents (string literals that parse as operations of the
// in-repo SDLs, outside graphql()/siteGraphql() calls) and hand-written mirrors of contract types.
// usage: node tools/scripts/count-contract-copies.js [repo] [-v]   (skips __generated__ folders)
const ROOT = require('path').resolve(process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : '.');
const ts = require(require.resolve('typescript', { paths: [ROOT] }));
const gql = require(require.resolve('graphql', { paths: [ROOT] }));
const fs = require('fs'), path = require('path');
const root = ROOT;
const files = [];
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  if (['node_modules', 'dist', '__generated__', '.git'].includes(e.name)) continue;
  const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else if (/\.tsx?$/.test(e.name) && !/\.generated\.tsx?$/.test(e.name)) files.push(p);
} };
for (const d of ['apps', 'libs', 'tools', 'test']) walk(path.join(root, d));
// SDL object/input types of the in-repo schemas (and the shared contract when present), for the mirror count.
const sdlTypes = new Map();
const roots = { query: new Set(), mutation: new Set(), subscription: new Set() }; const typeNames = new Set();
for (const f of ['libs/contracts/src/gateway-api.graphql', 'libs/contracts/src/site-api.graphql']) {
  const p = path.join(root, f); if (!fs.existsSync(p)) continue;
  for (const d of gql.parse(fs.readFileSync(p, 'utf8')).definitions) {
    if (d.name) typeNames.add(d.name.value);
    if (d.fields) sdlTypes.set(`${f}:${d.name.value}`, new Set(d.fields.map((x) => x.name.value)));
    const root = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' }[d.name && d.name.value];
    if (root && d.fields) d.fields.forEach((x) => roots[root].add(x.name.value));
  }
}
let docs = 0; let typedDocs = 0; const docFiles = new Map(); let mirrors = 0; const mirrorList = [];
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const rel = path.relative(root, f);
  const visit = (n) => {
    let text = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = n.head.text + n.templateSpans.map((s) => ' ' + s.literal.text).join('');
    if (text !== null && /^\s*(query|mutation|subscription|fragment|\{)/.test(text)) {
      try {
        const doc = gql.parse(text, { noLocation: true });
        // Only documents of Qihe's APIs: root fields of the SDLs, fragments on their types.
        const ops = doc.definitions.filter((d) =>
          d.kind === 'OperationDefinition' ? d.selectionSet.selections.every((x) => x.kind === 'Field' && (x.name.value === '__typename' || roots[d.operation].has(x.name.value)))
          : d.kind === 'FragmentDefinition' && typeNames.has(d.typeCondition.name.value)).length;
        const call = n.parent && ts.isCallExpression(n.parent) && ts.isIdentifier(n.parent.expression) ? n.parent.expression.text : null;
        const typed = call === 'graphql' || call === 'siteGraphql';
        if (ops && typed) { typedDocs += ops; }
        else if (ops) { docs += ops; docFiles.set(rel, (docFiles.get(rel) || 0) + ops); }
      } catch { /* not GraphQL */ }
    }
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n))) {
      const members = ts.isInterfaceDeclaration(n) ? n.members : ts.isTypeLiteralNode(n.type) ? n.type.members : null;
      if (members) {
        const names = members.filter((m) => m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))).map((m) => m.name.text);
        for (const [t, fields] of sdlTypes) {
          const hit = names.filter((x) => fields.has(x)).length;
          if (names.length >= 3 && hit >= 3 && hit / names.length >= 0.8) { mirrors++; mirrorList.push(`${rel}:${n.name.text} ~ ${t.split(':')[1]}`); break; }
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
const nonTest = [...docFiles].filter(([f]) => !/^test\/|\.spec\.tsx?$|\.e2e-spec\.ts$/.test(f));
console.log(`GraphQL documents by hand (untyped strings): ${docs} in ${docFiles.size} files (${nonTest.reduce((a, [, n]) => a + n, 0)} in ${nonTest.length} non-test files)`);
console.log(`GraphQL documents typed by codegen (graphql()/siteGraphql()): ${typedDocs}`);
if (process.argv.includes('-v')) for (const [f, n] of [...docFiles].sort()) console.log(`  ${n}\t${f}`);
const clientSide = mirrorList.filter((m) => /^(apps\/console|libs\/client|tools|test)\//.test(m));
console.log(`contract type mirrors (>=3 fields, >=80% of them fields of one SDL type): ${mirrors} in all code; ${clientSide.length} on the client side (console, libs/client, tools, test), ${clientSide.filter((m) => !m.startsWith('test/e2e/support/wire-types.ts')).length} without the deliberate e2e wire types`);
if (process.argv.includes('-v')) for (const m of mirrorList) console.log(`  ${m}`);
