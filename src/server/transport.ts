import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Delivery } from '../db/notifications/deliveries.repository.js';
import { OutboundRefused, outboundFetch } from './outbound.js';

export type SendResult = { ok: true; response: string } | { ok: false; error: string };

export interface Transport {
  email(delivery: Delivery): Promise<SendResult>;
  webhook(delivery: Delivery, secret: string): Promise<SendResult>;
  close(): void;
}

/** Signature header value: HMAC-SHA256 of the exact body with the endpoint's secret. */
const signBody = (body: string, secret: string) =>
  `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`;

/** SMTP connections a transport keeps open and sends on side by side (the worker's lanes). */
export const SMTP_CONNECTIONS = 5;

/**
 * Email goes over SMTP when configured, else into the in-app mailbox (the delivery row is the
 * message). The Message-ID comes from the delivery, so a retry after a crash is recognisably the
 * same message to any receiver that deduplicates. Connections are pooled: a message does not
 * pay a TCP, greeting and EHLO exchange of its own (the URL's own `pool=false` turns it off).
 */
export function createTransport(options: {
  smtpUrl?: string | undefined;
  from: string;
  webhookTimeoutMs?: number;
  /** Deliver webhooks to loopback and private addresses too. */
  allowPrivateNetwork?: boolean;
}): Transport {
  const smtp = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: SMTP_CONNECTIONS })
    : null;
  return {
    async email(delivery) {
      if (!smtp) return { ok: true, response: 'stored in the in-app mailbox' };
      try {
        const info = await smtp.sendMail({
          from: options.from,
          to: delivery.recipient,
          subject: delivery.subject,
          text: delivery.body,
          messageId: `<${delivery.id}@hireloop>`,
          ...(delivery.reply_to ? { replyTo: delivery.reply_to } : {}),
          // The MIME part names the same method as the calendar inside it (REQUEST or CANCEL).
          ...(delivery.calendar
            ? {
                icalEvent: {
                  method: /^METHOD:(\w+)/m.exec(delivery.calendar)?.[1] ?? 'REQUEST',
                  content: delivery.calendar,
                },
              }
            : {}),
        });
        return { ok: true, response: String(info.response) };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    async webhook(delivery, secret) {
      try {
        const response = await outboundFetch(
          delivery.recipient,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Hireloop-Webhooks',
              signature: signBody(delivery.body, secret),
              'hireloop-event': delivery.subject,
              'hireloop-delivery': delivery.id,
            },
            body: delivery.body,
            signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 10_000),
            redirect: 'manual',
          },
          { allowPrivate: options.allowPrivateNetwork ?? false },
        );
        const text = (await response.text()).slice(0, 500);
        const summary = `${response.status} ${text}`.trim();
        return response.ok ? { ok: true, response: summary } : { ok: false, error: summary };
      } catch (error) {
        if (error instanceof OutboundRefused) return { ok: false, error: `not sent: ${error.message}` };
        return { ok: false, error: (error as Error).message };
      }
    },
    close: () => smtp?.close(),
  };
}
