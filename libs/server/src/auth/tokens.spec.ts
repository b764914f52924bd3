import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { signUserToken, verifyUserToken, type UserClaims } from './tokens';

// User tokens: HS256 with the gateway's secret, issuer checked, expiry
// enforced. The HMAC key is made once per secret, not once per call.

const SECRET = 'tokens-spec-secret-0123456789-abcdefghij';
const OTHER = 'another-secret-0123456789-abcdefghijklmn';
const claims: UserClaims = { username: 'head.a', role: 'UNIT_HEAD', unitId: 'bu-a' };
const seconds = (): number => Math.floor(Date.now() / 1000);

it('verifies a token it signed to its claims', () => {
  expect(verifyUserToken(signUserToken(claims, SECRET, 60), SECRET)).toEqual(claims);
});

it('carries a gateway token\'s version, and a token without one is told apart (the gateway refuses it)', () => {
  const versioned = { ...claims, tokenVersion: 7 };
  expect(verifyUserToken(signUserToken(versioned, SECRET, 60), SECRET)).toEqual(versioned);
  expect(verifyUserToken(signUserToken(claims, SECRET, 60), SECRET)).not.toHaveProperty('tokenVersion');
});

it('accepts a token signed by jsonwebtoken with the secret as a string (tokens issued before the key cache)', () => {
  const t = jwt.sign({ role: 'AGENT', unitId: 'prj-a1' }, SECRET, { algorithm: 'HS256', subject: 'agent.a1', issuer: 'qihe-gateway', expiresIn: 60 });
  expect(verifyUserToken(t, SECRET)).toEqual({ username: 'agent.a1', role: 'AGENT', unitId: 'prj-a1' });
});

it('keys by secret: a token of one secret fails under another, in either order, and passes again under its own', () => {
  const mine = signUserToken(claims, SECRET, 60);
  const theirs = signUserToken(claims, OTHER, 60);
  expect(verifyUserToken(mine, OTHER)).toBeNull();
  expect(verifyUserToken(theirs, SECRET)).toBeNull();
  expect(verifyUserToken(mine, SECRET)).toEqual(claims);
  expect(verifyUserToken(theirs, OTHER)).toEqual(claims);
});

it.each([
  ['expired', () => jwt.sign({ role: 'ADMIN', unitId: 'group', exp: seconds() - 10 }, SECRET, { algorithm: 'HS256', subject: 'x', issuer: 'qihe-gateway' })],
  ['another issuer', () => jwt.sign({ role: 'ADMIN', unitId: 'group' }, SECRET, { algorithm: 'HS256', subject: 'x', issuer: 'someone-else', expiresIn: 60 })],
  ['no issuer', () => jwt.sign({ role: 'ADMIN', unitId: 'group' }, SECRET, { algorithm: 'HS256', subject: 'x', expiresIn: 60 })],
  ['HS512', () => jwt.sign({ role: 'ADMIN', unitId: 'group' }, SECRET, { algorithm: 'HS512', subject: 'x', issuer: 'qihe-gateway', expiresIn: 60 })],
  ['alg none', () => jwt.sign({ role: 'ADMIN', unitId: 'group' }, null, { algorithm: 'none', subject: 'x', issuer: 'qihe-gateway', expiresIn: 60 })],
  ['an unknown role', () => jwt.sign({ role: 'ROOT', unitId: 'group' }, SECRET, { algorithm: 'HS256', subject: 'x', issuer: 'qihe-gateway', expiresIn: 60 })],
  ['a tampered payload', () => {
    const [h, , sig] = signUserToken(claims, SECRET, 60).split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'ADMIN', unitId: 'group', sub: 'head.a', iss: 'qihe-gateway', exp: seconds() + 60 })).toString('base64url');
    return `${h}.${forged}.${sig}`;
  }],
  ['a version that is not a whole number', () => jwt.sign({ role: 'ADMIN', unitId: 'group', ver: '1' }, SECRET, { algorithm: 'HS256', subject: 'x', issuer: 'qihe-gateway', expiresIn: 60 })],
  ['a negative version', () => jwt.sign({ role: 'ADMIN', unitId: 'group', ver: -1 }, SECRET, { algorithm: 'HS256', subject: 'x', issuer: 'qihe-gateway', expiresIn: 60 })],
  ['garbage', () => 'not.a.token'],
])('rejects a token with %s', (_, make) => {
  expect(verifyUserToken(make(), SECRET)).toBeNull();
});

it('makes the HMAC key once for many calls with the same secret', () => {
  const spy = jest.spyOn(crypto, 'createSecretKey');
  try {
    const fresh = 'a-secret-no-other-test-used-0123456789ab';
    for (let i = 0; i < 50; i++) expect(verifyUserToken(signUserToken(claims, fresh, 60), fresh)).toEqual(claims);
    expect(spy).toHaveBeenCalledTimes(1);
  } finally {
    spy.mockRestore();
  }
});
