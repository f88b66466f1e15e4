import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  SEED_DEMO: booleanFlag.default(true),
  COOKIE_SECURE: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** smtp://user:pass@host:587 or smtps://…:465; without it email lands in the in-app mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Hireloop <no-reply@localhost>'),
  WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  /** How long a worker holds a delivery before another may retry it after a crash. */
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Application submissions through boards and the career site, per client IP and per board key. */
  SUBMISSIONS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Staff sign-in attempts per client IP per minute. */
  LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Failed sign-ins on one account from one address before that address must wait (LOGIN_LOCK_MINUTES). */
  LOGIN_FAILURES_PER_ACCOUNT_AND_IP: z.coerce.number().int().min(1).max(100_000).default(5),
  /**
   * Failed sign-ins on one account from all addresses together before the account's sign-in waits.
   * Larger than the per-address budget, so one guesser cannot lock a person out quickly.
   */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The window the failure budgets count in, and so the longest wait once one is spent. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Candidate sign-in link requests per client IP per minute. */
  SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Sign-in link redemptions per client IP per minute (guessing a link is hopeless; this keeps it so). */
  SIGN_IN_LINK_REDEMPTIONS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Sign-in emails per recipient address per hour; further requests get the usual answer and no email. */
  SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Password reset requests per client IP per minute. */
  PASSWORD_RESET_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Password reset emails per staff address per hour; further requests get the usual answer and no email. */
  PASSWORD_RESET_EMAILS_PER_HOUR_PER_RECIPIENT: z.coerce.number().int().min(1).max(1000).default(3),
  /** A staff session unused this long ends (SESSION_DAYS still bounds it in all). */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(30),
  /** A candidate session unused this long ends; longer than staff, as a take-home case study is read slowly. */
  CANDIDATE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(120),
  /**
   * Which peers may tell the client's address in X-Forwarded-For: off by default (the peer is the
   * client); `true` trusts any peer, a number that many hops, or a comma list of addresses and
   * CIDR ranges (`127.0.0.1,10.0.0.0/8`). Rate limits and session lists use that address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((value, context): boolean | string[] | ((address: string, hop: number) => boolean) => {
      if (value === 'true' || value === 'false') return value === 'true';
      // A hop count, as Fastify reads a number: trust the nearest `hops` proxies.
      if (/^\d+$/.test(value)) return (_address, hop) => hop < Number(value);
      const entries = value.split(',').map((entry) => entry.trim());
      const bad = entries.filter((entry) => !isAddressOrRange(entry));
      if (bad.length)
        context.addIssue({ code: 'custom', message: `not an address or CIDR range: ${bad.join(', ')}` });
      return entries;
    })
    .default(false),
  /** Requests to candidates' self-scheduling pages, per client IP. */
  SCHEDULING_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Let webhooks and calendar feeds reach loopback and private addresses (a deployment inside one private network). */
  ALLOW_PRIVATE_NETWORK_URLS: booleanFlag.default(false),
  /** Interviews without a meeting link of their own get a room under this URL (interview id appended). */
  VIDEO_ROOM_BASE_URL: z.url().default('https://meet.jit.si/hireloop-'),
  /** Requests through assessment and pad links, per client IP: autosaves and runs come often while someone works. */
  ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Runners kept warm per language for candidates' code (threads for JavaScript, processes for Python and SQL). */
  SANDBOX_RUNNERS: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * 32 bytes, base64, that encrypt secrets kept in the database (identity providers' client secrets,
   * authenticator app keys) with AES-256-GCM. Without it those cannot be set up; passkeys still work.
   */
  SECRETS_KEY: z
    .string()
    .refine(
      (value) => Buffer.from(value, 'base64').length === 32,
      'must be 32 bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  /** Wrong second-factor codes one account may give within LOGIN_LOCK_MINUTES before it must wait. */
  MFA_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Let identity providers be reached over plain http (an issuer on loopback in tests or a closed network). */
  ALLOW_INSECURE_OIDC_ISSUERS: booleanFlag.default(false),
  SUBMISSIONS_PER_MINUTE_PER_KEY: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * Replies by email: the port of Hireloop's own SMTP listener (behind the domain's MX), and the
   * domain of the reply addresses (reply+<token>@INBOUND_DOMAIN). Without a port nothing listens.
   */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_DOMAIN: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
      'must be a domain name such as replies.example.com',
    )
    .optional(),
  /** The largest reply taken, attachments included (their base64 makes them a third larger). */
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .max(50 * 1024 * 1024)
    .default(15 * 1024 * 1024),
  /** A streaming replica that reports read from (their answers say how far behind it is). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * A connection straight to PostgreSQL, for what needs a session of its own (LISTEN for the pads'
   * relay) when DATABASE_URL goes through PgBouncer in transaction mode; DATABASE_URL otherwise.
   */
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * PostgreSQL's buffer pool in the embedded database (PGlite), in megabytes: its memory, resident
   * for as long as the server runs. Larger helps when the organisation's data outgrows it.
   */
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(16).max(4096).default(32),
  /** Connections each process keeps to the database (DATABASE_URL) at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** A sandbox node (`hireloop sandbox`) that runs candidates' code; without it, runners are in this process. */
  SANDBOX_URL: z.url().optional(),
  /** The secret API nodes and the sandbox node sign runs with; at least 32 characters. */
  SANDBOX_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a stopping process waits for requests and jobs in flight before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** This process's name in logs and leases; host name and process id when unset. */
  NODE_NAME: z.string().min(1).max(100).optional(),
});

function isAddressOrRange(entry: string) {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const checkedSchema = envSchema.superRefine((config, context) => {
  if (config.SANDBOX_URL && !config.SANDBOX_SECRET)
    context.addIssue({ code: 'custom', path: ['SANDBOX_SECRET'], message: 'required with SANDBOX_URL' });
  if (config.INBOUND_SMTP_PORT !== undefined && config.INBOUND_DOMAIN === undefined)
    context.addIssue({
      code: 'custom',
      path: ['INBOUND_DOMAIN'],
      message: 'is needed when INBOUND_SMTP_PORT is set (the domain of the reply addresses)',
    });
});

export type Config = z.infer<typeof envSchema>;

/** The one reader of process.env. Every bad variable is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = checkedSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
