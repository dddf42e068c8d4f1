import { Writable } from 'node:stream';
import { PinoLogger, createPino } from '../../../../src/infrastructure/logging/PinoLogger';
import { requestContext } from '../../../../src/infrastructure/logging/requestContext';

function capture(): { logger: PinoLogger; lines: () => Record<string, any>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = new PinoLogger(createPino('trace', stream));
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('PinoLogger', () => {
  it('redacts secret fields at the top level and one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'Top#Secret1', token: 'tok-123', refreshToken: 'ref-123', otp: '123456', code: '654321', passwordHash: '$argon2id$x',
        input: { password: 'Nested#Secret1', newPassword: 'Nested#New1', accessToken: 'acc-456', resetToken: 'rst-789', code: '111222' },
        headers: { authorization: 'Bearer abc.def', cookie: 'accessToken=abc' },
      },
      'something happened',
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const secret of ['Top#Secret1', 'tok-123', 'ref-123', '123456', '654321', '$argon2id$x', 'Nested#Secret1', 'Nested#New1', 'acc-456', 'rst-789', '111222', 'abc.def', 'accessToken=abc']) {
      expect(text).not.toContain(secret);
    }
    expect(line.password).toBe('[redacted]');
    expect(line.input.resetToken).toBe('[redacted]');
    expect(line.headers.authorization).toBe('[redacted]');
    expect(line.msg).toBe('something happened');
  });

  it('redacts at any depth, in arrays and inside errors, without touching the objects logged', () => {
    const { logger, lines } = capture();
    const failure = Object.assign(new Error('gateway refused'), { config: { headers: { authorization: 'Basic c2VjcmV0' } }, status: 402 });
    const fields = {
      req: { method: 'POST', headers: { authorization: 'Bearer deep.one', 'user-agent': 'jest' } },
      res: { headers: { 'set-cookie': ['refreshToken=r-1'] } },
      attempts: [{ otp: '999000', at: 1 }, { note: 'kept' }],
      err: failure,
      route: '/api/v1/auth/login',
    };
    logger.warn(fields, 'nested');
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const secret of ['deep.one', 'refreshToken=r-1', '999000', 'c2VjcmV0']) expect(text).not.toContain(secret);
    expect(line.req.headers).toEqual({ authorization: '[redacted]', 'user-agent': 'jest' });
    expect(line.attempts).toEqual([{ otp: '[redacted]', at: 1 }, { note: 'kept' }]);
    expect(line.err).toMatchObject({ message: 'gateway refused', status: 402, config: { headers: { authorization: '[redacted]' } } });
    expect(line.err.stack).toContain('gateway refused');
    expect(line.route).toBe('/api/v1/auth/login');
    expect(fields.req.headers.authorization).toBe('Bearer deep.one');
    expect(failure.config.headers.authorization).toBe('Basic c2VjcmV0');
    expect(fields.attempts[0].otp).toBe('999000');
  });

  it('stamps lines with the request id of the running request', () => {
    const { logger, lines } = capture();
    requestContext.run({ requestId: 'req-42' }, () => logger.warn({ userId: 'u1' }, 'inside'));
    logger.error({}, 'outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ requestId: 'req-42', userId: 'u1', msg: 'inside', service: 'tourdesk' });
    expect(outside.requestId).toBeUndefined();
  });
});
