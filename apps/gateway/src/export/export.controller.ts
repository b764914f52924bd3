import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { badInput, contractErrorOf, notFound, unauthenticated, type QiheError } from '@qihe/server';
import { AuthService } from '../auth/auth.service';
import { requestOrigin } from '../audit/request-origin';
import { EXPORT_LISTS, ExportService, type ExportList, type ExportQuery } from './export.service';

// GET /export/<list>.csv?unitId=…&from=…&to=…[&filters] with a bearer token:
// the list streamed as CSV (csv-stringify), page by page, so a million rows
// take no more memory than one page. Refusals are JSON with the API's codes.

const STATUS: Record<QiheError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

function bearer(req: Request): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m ? m[1] : null;
}

function queryOf(req: Request): ExportQuery {
  const q: ExportQuery = {};
  for (const [k, v] of Object.entries(req.query)) {
    // A repeated or nested parameter is not one value: refused by name.
    if (typeof v !== 'string') throw badInput(k, `${k}: give it once, as plain text`);
    q[k] = v;
  }
  return q;
}

@Controller('export')
export class ExportController {
  private readonly log = new Logger('Export');

  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportService,
  ) {}

  @Get(':file')
  async export(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    let plan;
    try {
      const list = /^([a-z]+)\.csv$/.exec(file)?.[1] as ExportList | undefined;
      if (!list || !EXPORT_LISTS.includes(list)) throw notFound(`no export "${file}": one of ${EXPORT_LISTS.map((l) => `${l}.csv`).join(', ')}`);
      const token = bearer(req);
      const caller = token ? await this.auth.callerOf(token) : null;
      if (!caller) throw unauthenticated();
      plan = await this.exports.plan(caller, list, queryOf(req), requestOrigin(req));
    } catch (err) {
      const e = contractErrorOf(err);
      if (!e) throw err;
      res.status(STATUS[e.code]).json({ error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } });
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${plan.fileName}"`);
    res.setHeader('cache-control', 'no-store');
    try {
      // Readable.from pulls the next page only when the socket has taken the last: memory stays one page.
      await pipeline(Readable.from(plan.rows), stringify({ header: true, columns: plan.columns, cast: { boolean: (b) => (b ? 'true' : 'false') } }), res);
    } catch (err) {
      // Headers are gone: the client sees a cut file (no final newline), and the log says why.
      this.log.error(`export ${plan.fileName} broke off: ${(err as Error).message}`);
      res.destroy();
    }
  }
}
