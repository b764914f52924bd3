import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { pino, stdTimeFunctions, type Logger as Pino, type TransportSingleOptions } from 'pino';
import type { LogConfig } from './log-config';

export const REQUEST_ID_HEADER = 'x-request-id';
// A caller's id is kept when it is one a log line can carry safely.
const GIVEN_ID = /^[A-Za-z0-9._:/-]{1,128}$/;
// Probes and scrapes: every few seconds, nothing to learn from each.
const UNLOGGED = /^\/(health|metrics)(\/|\?|$)/;

/** The caller's `x-request-id` when it is a plausible id, else a fresh UUID; echoed back on the response. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * Structured logs through pino (nestjs-pino replaces Nest's logger, so every
 * `new Logger(context)` call site writes through it): one JSON object a line,
 * or pretty lines in development on a terminal. Each line written while a
 * request is served carries its `requestId`; each request ends with one line
 * (method, url, status, time), 5xx as errors.
 */
export function loggingModule(service: string, config: LogConfig): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger: rootLogger(service, config),
      genReqId: requestIdOf,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req) => UNLOGGED.test(req.url ?? '') },
      // A 4xx is the caller's mistake, told in the answer: info, not a warning to the operator.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { method?: string; url?: string; remoteAddress?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}

function rootLogger(service: string, config: LogConfig): Pino {
  const pretty = config.pretty ? prettyTransport() : undefined;
  return pino({
    level: config.level,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    // Credentials never reach a log line, whatever a future serializer lets through.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], remove: true },
    ...(pretty ? { transport: pretty } : {}),
  });
}

// pino-pretty is a development dependency: without it (a production install) the lines stay JSON.
function prettyTransport(): TransportSingleOptions | undefined {
  try {
    require.resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,context', messageFormat: '{if context}[{context}] {end}{msg}', singleLine: true } };
}
