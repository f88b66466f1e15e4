export const debianPrograms: { haproxy: string; pgbouncer: string };
export function ensureDebianPackages(packages: (keyof typeof debianPrograms)[]): string | null;
