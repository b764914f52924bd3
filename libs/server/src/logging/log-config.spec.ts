import { ConfigError } from '../config/config-error';
import { readLogConfig } from './log-config';

describe('readLogConfig', () => {
  it.each([
    ['development on a terminal: pretty', {}, false, true, { level: 'info', pretty: true }],
    ['development into a pipe: JSON', {}, false, false, { level: 'info', pretty: false }],
    ['production on a terminal: JSON', { NODE_ENV: 'production' }, true, true, { level: 'info', pretty: false }],
    ['tests on a terminal: JSON', { NODE_ENV: 'test' }, false, true, { level: 'info', pretty: false }],
    ['asked for JSON', { QIHE_LOG_FORMAT: 'json' }, false, true, { level: 'info', pretty: false }],
    ['asked for pretty in production', { QIHE_LOG_FORMAT: 'pretty', QIHE_LOG_LEVEL: 'debug' }, true, false, { level: 'debug', pretty: true }],
  ])('%s', (_what, env, production, terminal, expected) => {
    expect(readLogConfig(env, production, terminal)).toEqual(expected);
  });

  it('stops on an unknown level or format, naming the variable', () => {
    expect(() => readLogConfig({ QIHE_LOG_LEVEL: 'verbose' }, false)).toThrow(ConfigError);
    expect(() => readLogConfig({ QIHE_LOG_FORMAT: 'text' }, false)).toThrow(/QIHE_LOG_FORMAT must be auto, json or pretty/);
  });
});
