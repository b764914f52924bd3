import { isReplicaFailure } from './read-replicas';

// Which failures of a read on a standby the primary serves again: the
// replica's own (connection, shutdown, recovery conflict), never the statement's.
const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeorm = (driverError: unknown) => Object.assign(new Error('Query failed'), { driverError });

describe('isReplicaFailure', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }), true],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly'), true],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['admin shutdown (57P01) through TypeORM', typeorm(pg('57P01', 'terminating connection due to administrator command')), true],
    ['recovery conflict (40001)', pg('40001', 'canceling statement due to conflict with recovery'), true],
    ['standby starting up (57P03)', pg('57P03'), true],
    ['too many connections (53300)', pg('53300'), true],
    ['a syntax error (42601)', typeorm(pg('42601', 'syntax error')), false],
    ['a bad value (22P02)', pg('22P02', 'invalid input syntax for type uuid'), false],
    ['an error of the caller', new Error('first must be from 1 to 500'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isReplicaFailure(err)).toBe(expected);
  });
});
