import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * JSON bodies up to `limit` bytes. A larger one is refused before it is read
 * whole, with a GraphQL-shaped error that says what to do about it.
 */
export function jsonBody(limit: number): RequestHandler {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      const e = err as { type?: string; length?: number } | undefined;
      if (e?.type === 'entity.too.large') {
        res.status(413).json({
          errors: [
            {
              message: `the request body (${e.length ?? '?'} bytes) is over the limit of ${limit} bytes: send fewer or smaller items per request`,
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        });
        return;
      }
      next(err);
    });
}
