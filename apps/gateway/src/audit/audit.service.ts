import { Inject, Injectable } from '@nestjs/common';
import { insertAuditEntry, pageAuditEntries, type AuditEntryRow, type AuditFilter, type Database, type NewAuditEntry, type Sql } from '@qihe/data';
import { badInput } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { toAuditEntryModel, type AuditEntryConnectionModel } from './models/audit-entry.model';

export type { NewAuditEntry } from '@qihe/data';

export const MAX_AUDIT_PAGE = 500;

const encodeCursor = (id: string): string => Buffer.from(`audit:${id}`).toString('base64url');

function decodeCursor(raw: string): string {
  // An id PostgreSQL's bigint can hold: 1 to 19 digits, no leading zero, at most 2^63-1.
  const m = /^audit:([1-9]\d{0,18})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m || BigInt(m[1]) > 9_223_372_036_854_775_807n) throw badInput('after', 'after: not a cursor returned by auditLog');
  return m[1];
}

function checkInstant(field: string, d: Date | null | undefined): void {
  if (d && (d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999)) throw badInput(field, `${field}: must be within the years 1 to 9999`);
}

/**
 * The audit trail. Features call `record` for what they must account for;
 * pass the transaction of the change itself so that the change and its entry
 * commit together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Appends one entry; with `tx`, inside that transaction. */
  record(entry: NewAuditEntry, tx?: Sql): Promise<AuditEntryRow> {
    return insertAuditEntry(tx ?? this.db, entry);
  }

  /** Entries matching `filter`, newest first (ADMIN only: the resolver's @Callers). */
  async page(filter: AuditFilter, first: number, after: string | null): Promise<AuditEntryConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) throw badInput('first', `first must be from 1 to ${MAX_AUDIT_PAGE}, got ${first}`);
    checkInstant('from', filter.from);
    checkInstant('to', filter.to);
    if (filter.from && filter.to && filter.to <= filter.from) throw badInput('to', 'to: must be after "from"');
    const rows = await pageAuditEntries(this.db, filter, first + 1, after ? decodeCursor(after) : null);
    const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor(r.id), node: toAuditEntryModel(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }
}
