import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CalendarError, fetchCalendar } from '../../src/server/calendar-import.js';
import {
  type Lookup,
  OutboundRefused,
  outboundFetch,
  publicAddressProblem,
} from '../../src/server/outbound.js';
import { createTransport } from '../../src/server/transport.js';

describe('outbound URLs set by users reach public addresses only', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.1.2.3/',
    'http://172.20.0.5/',
    'http://192.168.1.10/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'http://[64:ff9b::7f00:1]/',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
  ])('%s is refused', async (url) => {
    expect(await publicAddressProblem(url, false)).toMatch(/private or local address/);
  });

  it('a public address passes; a deployment inside a private network may allow private ones', async () => {
    expect(await publicAddressProblem('https://93.184.216.34/feed.ics', false)).toBeNull();
    expect(await publicAddressProblem('http://127.0.0.1/hook', true)).toBeNull();
    expect(await publicAddressProblem('http://no-such-host.invalid/', false)).toMatch(
      /could not be resolved/,
    );
  });

  it('a webhook to a private address is not sent, and says why; a calendar feed there is not fetched', async () => {
    const transport = createTransport({ from: 'x@example.com' });
    const delivery = {
      id: 'd',
      recipient: 'http://127.0.0.1:9/hook',
      subject: 'application.created',
      body: '{}',
    };
    const result = await transport.webhook(delivery as Parameters<typeof transport.webhook>[0], 'secret');
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^not sent: 127\.0\.0\.1 is a private or local address/),
    });
    const refused = fetchCalendar('http://127.0.0.1:9/busy.ics', false);
    await expect(refused).rejects.toBeInstanceOf(CalendarError);
    await expect(refused).rejects.toThrow(/was not fetched: 127\.0\.0\.1 is a private/);
  });
});

describe('DNS rebinding', () => {
  it('a name that resolves to a public address when checked and to 127.0.0.1 when connecting reaches nothing', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('inside');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // The first answer is public, every later one is the loopback address, as a rebinding server does.
    let answers = 0;
    const rebinding: Lookup = async () =>
      answers++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    try {
      const url = `http://rebind.example:${port}/hook`;
      const attempt = outboundFetch(
        url,
        { method: 'POST', body: '{}' },
        { allowPrivate: false, lookup: rebinding },
      );
      await expect(attempt).rejects.toBeInstanceOf(OutboundRefused);
      await expect(attempt).rejects.toThrow(/private or local address \(127\.0\.0\.1\)/);
      expect(answers).toBe(2);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
