/** One CSV cell; text starting with = + - @ (or a tab or carriage return) gets an apostrophe, so no spreadsheet runs it. */
function cell(value: unknown): string {
  const text = (value === null || value === undefined ? '' : String(value)).replace(/^[=+\-@\t\r]/, "'$&");
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface AuditRow {
  seq: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  token: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  reason: string | null;
  data: Record<string, unknown>;
}

/** The audit log as CSV, one entry a line, its details as JSON in the last column. */
export function auditCsv(rows: AuditRow[]): string {
  const header = [
    'at',
    'action',
    'actor_kind',
    'actor_id',
    'actor_name',
    'token_id',
    'token_name',
    'entity_type',
    'entity_id',
    'reason',
    'details',
  ];
  const lines = rows.map((r) =>
    [
      r.at,
      r.action,
      r.actor.kind,
      r.actor.id,
      r.actor.name,
      r.token?.id,
      r.token?.name,
      r.entityType,
      r.entityId,
      r.reason,
      JSON.stringify(r.data),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
