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
  SUBMISSIONS_PER_MINUTE_PER_KEY: z.coerce.number().int().min(1).max(1_000_000).default(600),
});

function isAddressOrRange(entry: string) {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export type Config = z.infer<typeof envSchema>;

/** The one reader of process.env. Every bad variable is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
