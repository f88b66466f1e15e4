// Debian packages that tests and local multi-node runs need (HAProxy, PgBouncer): installed with
// apt-get when missing and this process may (root), as test/run.mjs does for Chromium. Returns
// the reason when one cannot be had, so a test can skip saying why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The packages by the program each one installs. */
export const debianPrograms = {
  haproxy: '/usr/sbin/haproxy',
  pgbouncer: '/usr/sbin/pgbouncer',
};

let updated = false;

/**
 * Makes sure each named package's program is there. Resolves to null when all are, or to a
 * sentence saying what is missing and why it could not be installed.
 * @param {(keyof typeof debianPrograms)[]} packages
 * @returns {string | null}
 */
export function ensureDebianPackages(packages) {
  const missing = packages.filter((name) => !fs.existsSync(debianPrograms[name]));
  if (missing.length === 0) return null;
  if (process.getuid?.() !== 0)
    return `${missing.join(', ')} missing and not root to install (apt-get install ${missing.join(' ')})`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0 && !updated) {
    updated = true;
    spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8' });
    result = install();
  }
  const still = missing.filter((name) => !fs.existsSync(debianPrograms[name]));
  // The packages' own services are not ours to run: the tests start their own instances.
  for (const name of missing)
    spawnSync('sh', ['-c', `systemctl disable --now ${name} 2>/dev/null || service ${name} stop 2>/dev/null || true`]);
  return still.length
    ? `${still.join(', ')} could not be installed: ${(result.stderr || result.stdout || '').trim().slice(-300)}`
    : null;
}
