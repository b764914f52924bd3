import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildApiSchema, loadGatewayConfig, printApiSchema } from '@qihe/server';
import { AppModule } from './app.module';

export const GATEWAY_SDL_TITLE = "The Qihe gateway's GraphQL API (POST /graphql)";

/** The gateway's GraphQL API as SDL, from its resolvers and models; no database or network is touched. */
export async function gatewaySchemaSdl(): Promise<string> {
  // forRoot only needs a config to wire providers; nothing is started or read from it here.
  const config = loadGatewayConfig({ NODE_ENV: 'development', QIHE_TOKEN_SECRET: 'schema-printer-only-never-signs-anything' });
  return printApiSchema(await buildApiSchema(AppModule.forRoot(config)), GATEWAY_SDL_TITLE);
}

// `node dist/apps/gateway/src/print-schema.js <file>` (npm run codegen)
if (require.main === module) {
  void gatewaySchemaSdl().then((sdl) => writeFileSync(process.argv[2], sdl));
}
