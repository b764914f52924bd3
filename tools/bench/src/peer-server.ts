import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { Pool } from 'pg';
import { shippedFile } from '@qihe/server';

// The peer of issue 16: a bare Apollo Server on the same PostgreSQL, with the
// contract's own schema (so the same clients send the same documents and
// variables, coerced by the same input types), whose recordTouchpoints only
// unnests the rows into a bare copy of `touchpoint` with ON CONFLICT DO
// NOTHING — no validation, no rollups, no repeat rule — and whose
// recordSatisfactions only updates the score. Its own process, so the bench
// reads its CPU from /proc like the gateway's.
// `node dist/tools/bench/src/peer-server.js` with DATABASE_URL, PORT; prints "peer listening on <url>".

export const PEER_TABLE = 'bench_peer';

interface Item {
  id: string;
  unitId: string;
  occurredAt: string;
  customerId: string;
  industry?: string | null;
  region?: string | null;
  contractId?: string | null;
  productId?: string | null;
  teamId?: string | null;
  agentId?: string | null;
  channel: string;
  kind: string;
  stage: string;
  need: { category: string; description?: string | null };
  service?: {
    action: string;
    handleSeconds: number;
    resolved: boolean;
    firstContact: boolean;
    knowledgeRefs?: string[] | null;
    knowledgeCreated?: boolean | null;
    handoffUnitId?: string | null;
    commitment?: { code: string; met: boolean } | null;
    servedAt?: string | null;
  } | null;
  satisfaction?: { score: number; comment?: string | null } | null;
  perceptionPoint?: string | null;
}

const COLUMNS: [string, string, (t: Item) => unknown][] = [
  ['id', 'uuid', (t) => t.id],
  ['unit_id', 'text', (t) => t.unitId],
  ['occurred_at', 'timestamptz', (t) => t.occurredAt],
  ['customer_id', 'text', (t) => t.customerId],
  ['industry', 'text', (t) => t.industry ?? null],
  ['region', 'text', (t) => t.region ?? null],
  ['contract_id', 'text', (t) => t.contractId ?? null],
  ['product_id', 'text', (t) => t.productId ?? null],
  ['team_id', 'text', (t) => t.teamId ?? null],
  ['agent_id', 'text', (t) => t.agentId ?? null],
  ['channel', 'text', (t) => t.channel],
  ['kind', 'text', (t) => t.kind],
  ['stage', 'text', (t) => t.stage],
  ['need_category', 'text', (t) => t.need.category],
  ['need_description', 'text', (t) => t.need.description ?? null],
  ['served', 'boolean', (t) => !!t.service],
  ['service_action', 'text', (t) => t.service?.action ?? null],
  ['handle_seconds', 'int', (t) => t.service?.handleSeconds ?? null],
  ['resolved', 'boolean', (t) => t.service?.resolved ?? null],
  ['first_contact', 'boolean', (t) => t.service?.firstContact ?? null],
  ['knowledge_refs', 'jsonb', (t) => (t.service ? JSON.stringify(t.service.knowledgeRefs ?? []) : null)],
  ['knowledge_created', 'boolean', (t) => t.service?.knowledgeCreated ?? null],
  ['handoff_unit_id', 'text', (t) => t.service?.handoffUnitId ?? null],
  ['commitment_code', 'text', (t) => t.service?.commitment?.code ?? null],
  ['commitment_met', 'boolean', (t) => t.service?.commitment?.met ?? null],
  ['served_at', 'timestamptz', (t) => t.service?.servedAt ?? null],
  ['satisfaction_score', 'smallint', (t) => t.satisfaction?.score ?? null],
  ['satisfaction_comment', 'text', (t) => t.satisfaction?.comment ?? null],
  ['perception_point', 'text', (t) => t.perceptionPoint ?? null],
];
const NAMES = COLUMNS.map(([c]) => c).join(', ');
const INSERT = `INSERT INTO ${PEER_TABLE} (${NAMES}, received_at)
  SELECT u.*, now() FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}) AS u(${NAMES})
  ON CONFLICT (id) DO NOTHING`;
const RATE = `UPDATE ${PEER_TABLE} t SET satisfaction_score = u.s, satisfaction_comment = u.c, rated_at = now()
  FROM unnest($1::uuid[], $2::smallint[], $3::text[]) AS u(id, s, c) WHERE t.id = u.id`;

/** The contract's schema with the DateTime scalar as the contract means it (ISO text in, a Date out). */
export function peerSchema(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl);
  const dt = schema.getType('DateTime') as GraphQLScalarType;
  dt.parseValue = (v: unknown) => {
    const d = new Date(v as string);
    if (typeof v !== 'string' || Number.isNaN(d.getTime())) throw new TypeError('DateTime: not an ISO date');
    return d;
  };
  dt.serialize = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return schema;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
  const sdl = readFileSync(shippedFile('libs/contracts/src/gateway-api.graphql'), 'utf8');
  const iso = (d: unknown): unknown => (d instanceof Date ? d.toISOString() : d);
  const resolvers = {
    recordTouchpoints: async ({ input }: { input: Item[] }) => {
      const rows = input.map((t) => ({ ...t, occurredAt: iso(t.occurredAt) as string, service: t.service ? { ...t.service, servedAt: iso(t.service.servedAt) as string | null } : null }));
      const r = await pool.query(INSERT, COLUMNS.map(([, , get]) => rows.map(get)));
      return { accepted: r.rowCount ?? 0, duplicates: input.length - (r.rowCount ?? 0), rejected: [] };
    },
    recordSatisfactions: async ({ input }: { input: { touchpointId: string; satisfaction: { score: number; comment?: string | null } }[] }) => {
      const r = await pool.query(RATE, [input.map((x) => x.touchpointId), input.map((x) => x.satisfaction.score), input.map((x) => x.satisfaction.comment ?? null)]);
      return { rated: r.rowCount ?? 0, unchanged: 0, rejected: [] };
    },
  };
  const server = new ApolloServer({ schema: peerSchema(sdl), rootValue: resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' } });
  console.log(`peer listening on ${url}`);
  const stop = (): void => void server.stop().finally(() => pool.end().finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) void main();
