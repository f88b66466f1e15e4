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
