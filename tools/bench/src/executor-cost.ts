import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, execute, Kind, parse, type GraphQLScalarType, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { checkTouchpoint, DateTimeScalar, isDateTimeText, jitGateway, precheckedRunCount, precheckedTouchpoints, precheckTouchpoints, shippedFile } from '@qihe/server';
import { benchOrg } from './org';
import { planBatches } from './workload';

// The graphql-jit lever alone (issue 16), in one process so a shared
// machine's noise falls on both alike: CPU of coercing the 500-item `input` of
// recordTouchpoints and executing the operation (resolver stubbed: it only
// counts), graphql-js vs compiled, alternating, on the bench's own batches.
// Then the items' own checks too (the resolver makes each item's record, as
// the service does): coerced by graphql-jit and checked, against the
// prechecked variant (jit-precheck.ts: checked once, from the JSON).
// `node dist/tools/bench/src/executor-cost.js [rounds]`

const DOC = parse(`mutation Record($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }
}`);

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 20);
  const schema = buildSchema(readFileSync(shippedFile('libs/contracts/src/gateway-api.graphql'), 'utf8'));
  const dt = schema.getType('DateTime') as GraphQLScalarType;
  dt.parseValue = DateTimeScalar.parseValue;
  dt.serialize = DateTimeScalar.serialize;
  const field = schema.getMutationType()?.getFields().recordTouchpoints;
  if (!field) throw new Error('no recordTouchpoints in the contract');
  let withChecks = false;
  field.resolve = (_root: unknown, args: { input?: unknown[] }) => {
    const input = args.input ?? [];
    let accepted = input.length;
    // What the service does first: the records, from the precheck or each item checked.
    if (withChecks && !precheckedTouchpoints(input)) accepted = input.filter((it) => checkTouchpoint(it).ok).length;
    return { accepted, duplicates: 0, rejected: [] };
  };
  const root = {};
  const dir = mkdtempSync(join(tmpdir(), 'qihe-exec-cost-'));
  const org = benchOrg(dir);
  rmSync(dir, { recursive: true, force: true });
  // What the client sends: JSON text, parsed per call as the server does.
  const bodies = planBatches(org.seed, { total: 20_000, batchSize: 500, seed: 'bench-exec-cost' }).map((b) => JSON.stringify({ input: b.items }));
  const compiled = compileQuery(schema, DOC);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
  // The gateway's own executor, with and without the precheck of `input`.
  const op = DOC.definitions[0] as OperationDefinitionNode;
  const executors = [[], [{ field: 'recordTouchpoints', argument: 'input', check: precheckTouchpoints }]].map((prechecks) => {
    const gw = jitGateway({ fields: ['recordTouchpoints'], sorted: false, prechecks, plainScalars: { DateTime: isDateTimeText } });
    gw.useSchema(schema);
    return gw.load({} as never).then((l) => l.executor);
  });
  const [plainJit, prechecked] = await Promise.all(executors);
  if (!plainJit || !prechecked || op.kind !== Kind.OPERATION_DEFINITION) throw new Error('no executor');
  const viaGateway = (executor: typeof plainJit) => (vars: Record<string, unknown>) =>
    executor({ schema, document: DOC, operation: op, operationName: null, queryHash: 'bench', request: { variables: vars }, context: {} } as never);
  const paths: Record<string, (vars: Record<string, unknown>) => unknown> = {
    'graphql-js': (vars) => execute({ schema, document: DOC, rootValue: root, variableValues: vars }),
    'graphql-jit': (vars) => compiled.query(root, {}, vars),
    'jit + checks': viaGateway(plainJit),
    'precheck': viaGateway(prechecked),
  };
  const items = bodies.length * 500;
  const measure = async (names: string[], checks: boolean): Promise<Record<string, number[]>> => {
    withChecks = checks;
    const us: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 ? [...names].reverse() : names) {
        const t0 = process.cpuUsage();
        for (const body of bodies) {
          const res = (await paths[name]((JSON.parse(body) as { input: unknown[] }) as unknown as Record<string, unknown>)) as { errors?: unknown[] };
          if (res.errors) throw new Error(JSON.stringify(res.errors));
        }
        const d = process.cpuUsage(t0);
        us[name].push((d.user + d.system) / items);
      }
    }
    return us;
  };
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const report = (us: Record<string, number[]>, what: string): void => {
    for (const [name, xs] of Object.entries(us)) console.log(`${name.padEnd(12)} ${med(xs).toFixed(2)} µs of CPU per item (median of ${rounds}; JSON.parse of the body included${what})`);
  };
  const exec = await measure(['graphql-js', 'graphql-jit'], false);
  report(exec, '');
  console.log(`graphql-jit ÷ graphql-js: ${(med(exec['graphql-jit']) / med(exec['graphql-js'])).toFixed(3)}`);
  const checked = await measure(['jit + checks', 'precheck'], true);
  report(checked, ', and every item checked');
  console.log(`precheck ÷ jit + checks: ${(med(checked.precheck) / med(checked['jit + checks'])).toFixed(3)} (prechecked runs: ${precheckedRunCount()})`);
}

void main();
