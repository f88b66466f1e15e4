import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { checkReplyAddress, receiveEmailReply } from '../core/messages/receive-candidate-reply.js';
import type { Deps } from '../core/shared/ports.js';
import type { ResumeReaders } from './boards/resume-readers.js';
import { readInboundMail, replyTokenOf } from './inbound-mail.js';

export interface InboundOptions {
  deps: Deps;
  readers: ResumeReaders;
  /** Replies are addressed reply+<token>@domain; anything else is refused at RCPT. */
  domain: string;
  host: string;
  port: number;
  /** The largest message taken, in bytes (advertised as SIZE and enforced while reading). */
  maxBytes: number;
  log?: { warn(data: object, message: string): void; info(data: object, message: string): void };
}

/** An SMTP answer with its reply code. */
const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Reads the message up to the limit; past it, the rest is drained and nothing is kept. */
function collect(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)));
  });
}

/**
 * Hireloop's own inbound mail: an SMTP listener that takes only replies to the messages it sent.
 * The recipient must be a live reply address (unknown, forged and expired ones are refused at RCPT,
 * before any content is sent), one per message; the message must fit the size limit. What is kept
 * is plain text and checked files (server/inbound-mail.ts). No relaying, no sign-in: it is the last
 * hop behind the domain's MX (README, "Replies by email").
 */
export async function startInboundSmtp(options: InboundOptions) {
  const { deps, domain, maxBytes } = options;
  const server = new SMTPServer({
    name: domain,
    banner: 'Hireloop replies',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      const token = replyTokenOf(address.address, domain);
      if (!token) return callback(refusal(550, '5.1.1 No such mailbox here'));
      if (session.envelope.rcptTo.length > 0)
        return callback(refusal(452, '4.5.3 One reply address per message'));
      checkReplyAddress(deps, deps.tokens.hash(token)).then(
        (checked) => {
          if (checked.ok) return callback();
          const expired = checked.error.code === 'message.reply_address_expired';
          callback(
            refusal(550, expired ? '5.1.1 This reply address has expired' : '5.1.1 No such mailbox here'),
          );
        },
        () => callback(refusal(451, '4.3.0 Try again later')),
      );
    },
    onData(stream, session, callback) {
      const rcpt = session.envelope.rcptTo[0]?.address ?? '';
      const token = replyTokenOf(rcpt, domain);
      collect(stream, maxBytes)
        .then(async (raw) => {
          if (!raw) return callback(refusal(552, `5.3.4 Message larger than ${maxBytes} bytes`));
          if (!token) return callback(refusal(554, '5.5.1 No valid recipient'));
          const mail = await readInboundMail(raw, options.readers);
          const mailFrom = session.envelope.mailFrom;
          const fromAddress = (mail.from ?? (mailFrom ? mailFrom.address : '')).slice(0, 320);
          const result = await receiveEmailReply(deps, {
            ...mail,
            tokenHash: deps.tokens.hash(token),
            fromAddress,
          });
          if (!result.ok) return callback(refusal(550, '5.1.1 No such mailbox here'));
          options.log?.info({ messageId: result.value.messageId }, 'reply received');
          callback();
        })
        .catch((error: Error) => {
          options.log?.warn({ reason: error.message }, 'reply could not be taken; the sender will retry');
          callback(refusal(451, '4.3.0 Try again later'));
        });
    },
  });
  server.on('error', (error) => options.log?.warn({ reason: error.message }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
