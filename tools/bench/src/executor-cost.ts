import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, execute, parse, type GraphQLScalarType } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { DateTimeScalar, shippedFile } from '@qihe/server';
import { benchOrg } from './org';
import { planBatches } from './workload';

// The graphql-jit lever alone (issue 16), in one process so a shared
// machine's noise falls on both alike: CPU of coercing the 500-item `input` of
// recordTouchpoints and executing the operation (resolver stubbed: it only
// counts), graphql-js vs compiled, alternating, on the bench's own batches.
// `node dist/tools/bench/src/executor-cost.js [rounds]`

const DOC = parse(`mutation Record($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }
}`);

function main(): void {
  const rounds = Number(process.argv[2] ?? 20);
  const schema = buildSchema(readFileSync(shippedFile('libs/contracts/src/gateway-api.graphql'), 'utf8'));
  const dt = schema.getType('DateTime') as GraphQLScalarType;
  dt.parseValue = DateTimeScalar.parseValue;
  dt.serialize = DateTimeScalar.serialize;
  const field = schema.getMutationType()?.getFields().recordTouchpoints;
  if (!field) throw new Error('no recordTouchpoints in the contract');
  field.resolve = (_root: unknown, args: { input?: unknown[] }) => ({ accepted: args.input?.length ?? 0, duplicates: 0, rejected: [] });
  const root = {};
  const dir = mkdtempSync(join(tmpdir(), 'qihe-exec-cost-'));
  const org = benchOrg(dir);
  rmSync(dir, { recursive: true, force: true });
  // What the client sends: JSON text, parsed per call as the server does.
  const bodies = planBatches(org.seed, { total: 20_000, batchSize: 500, seed: 'bench-exec-cost' }).map((b) => JSON.stringify({ input: b.items }));
  const compiled = compileQuery(schema, DOC);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
  const paths = {
    'graphql-js': (vars: Record<string, unknown>) => execute({ schema, document: DOC, rootValue: root, variableValues: vars }),
    'graphql-jit': (vars: Record<string, unknown>) => compiled.query(root, {}, vars),
  };
  const us: Record<string, number[]> = { 'graphql-js': [], 'graphql-jit': [] };
  const items = bodies.length * 500;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? (['graphql-jit', 'graphql-js'] as const) : (['graphql-js', 'graphql-jit'] as const);
    for (const name of order) {
      const t0 = process.cpuUsage();
      for (const body of bodies) {
        const res = paths[name]((JSON.parse(body) as { input: unknown[] }) as unknown as Record<string, unknown>) as { errors?: unknown[] };
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      }
      const d = process.cpuUsage(t0);
      us[name].push((d.user + d.system) / items);
    }
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [name, xs] of Object.entries(us)) console.log(`${name.padEnd(12)} ${med(xs).toFixed(2)} µs of CPU per item (median of ${rounds}; JSON.parse of the body included)`);
  console.log(`graphql-jit ÷ graphql-js: ${(med(us['graphql-jit']) / med(us['graphql-js'])).toFixed(3)}`);
}

main();
