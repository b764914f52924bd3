import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents for every client in the repository, generated from
// the in-repo SDLs: libs/contracts/src/gateway-api.graphql (printed from the
// gateway's code) and libs/contracts/src/site-api.graphql (the site's agent API).
// Gateway documents are written `graphql(\`…\`)`, a site's `siteGraphql(\`…\`)`,
// each imported from the `__generated__` folder of its area. `npm run codegen`
// regenerates; test/contract/codegen-fresh.spec.ts fails while the output is stale.

const GATEWAY_SDL = 'libs/contracts/src/gateway-api.graphql';
const SITE_SDL = 'libs/contracts/src/site-api.graphql';

// Which calls hold documents for which schema: a file may hold both kinds.
const gatewayDocs = (glob: string | string[]) =>
  [glob].flat().map((g) => (g.startsWith('!') ? g : { [g]: { pluckConfig: { globalGqlIdentifierName: ['graphql'], gqlMagicComment: 'qihe-gateway' } } }));
const siteDocs = (glob: string | string[]) =>
  [glob].flat().map((g) => (g.startsWith('!') ? g : { [g]: { pluckConfig: { globalGqlIdentifierName: ['siteGraphql'], gqlMagicComment: 'qihe-site' } } }));

const common = {
  enumType: 'string-literal',
  scalars: { DateTime: 'string', ID: 'string' },
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  skipTypename: true,
};

// Browsers (the console, through Apollo) take parsed documents; plain fetch clients send strings.
const out = (schema: string, documents: ReturnType<typeof gatewayDocs>, opts: { strings: boolean; tag?: string }) => ({
  schema,
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false, gqlTagName: opts.tag ?? 'graphql' },
  config: { ...common, documentMode: opts.strings ? 'string' : 'documentNode' },
});

const config: CodegenConfig = {
  overwrite: true,
  ignoreNoDocuments: false,
  generates: {
    'libs/client/src/__generated__/': out(GATEWAY_SDL, gatewayDocs(['libs/client/src/**/*.ts', '!libs/client/src/__generated__/**']), { strings: true }),
    'apps/console/src/__generated__/gateway/': out(GATEWAY_SDL, gatewayDocs(['apps/console/src/**/*.{ts,tsx}', '!apps/console/src/__generated__/**']), { strings: false }),
    'tools/bench/src/__generated__/': out(GATEWAY_SDL, gatewayDocs(['tools/bench/src/**/*.ts', '!tools/bench/src/__generated__/**']), { strings: true }),
    'tools/traffic/src/__generated__/site/': out(SITE_SDL, siteDocs(['tools/traffic/src/**/*.ts', '!tools/traffic/src/__generated__/**']), { strings: true, tag: 'siteGraphql' }),
    'test/__generated__/gateway/': out(GATEWAY_SDL, gatewayDocs(['test/**/*.ts', '!test/__generated__/**']), { strings: true }),
    'test/__generated__/site/': out(SITE_SDL, siteDocs(['test/**/*.ts', '!test/__generated__/**']), { strings: true, tag: 'siteGraphql' }),
    'apps/console/src/__generated__/site/': out(SITE_SDL, siteDocs(['apps/console/src/**/*.{ts,tsx}', '!apps/console/src/__generated__/**']), { strings: false, tag: 'siteGraphql' }),
  },
};

export default config;
