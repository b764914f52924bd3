import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ROLES, type Role } from '@qihe/domain';

export interface UserClaims {
  username: string;
  role: Role;
  unitId: string;
  /** The user's token version when signed (gateway tokens: compared with the stored one on every request). */
  tokenVersion?: number;
}

const ISSUER = 'qihe-gateway';

// jsonwebtoken turns a string secret into a KeyObject on every call, and first
// tries it as a PEM key (createPublicKey/createPrivateKey throwing): ≈ 4.5 % of
// a score query. One process has one secret, so the last one's key is kept.
let lastKey: { secret: string; key: KeyObject } | undefined;

function hmacKey(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return lastKey.key;
}

export function signUserToken(claims: UserClaims, secret: string, ttlSeconds: number): string {
  const version = claims.tokenVersion === undefined ? {} : { ver: claims.tokenVersion };
  return jwt.sign({ role: claims.role, unitId: claims.unitId, ...version }, hmacKey(secret), {
    algorithm: 'HS256',
    subject: claims.username,
    issuer: ISSUER,
    expiresIn: ttlSeconds,
  });
}

/** The claims of a valid, unexpired token; null for anything else. */
export function verifyUserToken(token: string, secret: string): UserClaims | null {
  try {
    const p = jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], issuer: ISSUER });
    if (typeof p !== 'object' || p === null) return null;
    const { sub, role, unitId, ver } = p as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof unitId !== 'string' || !ROLES.includes(role as Role)) return null;
    if (ver === undefined) return { username: sub, role: role as Role, unitId };
    if (!Number.isSafeInteger(ver) || (ver as number) < 0) return null;
    return { username: sub, role: role as Role, unitId, tokenVersion: ver as number };
  } catch {
    return null;
  }
}

export const looksLikeJwt = (token: string): boolean => token.split('.').length === 3;
