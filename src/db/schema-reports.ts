/** The funnel's rollup (migration 0025, ADR 0021); written only by the database's own triggers. */
export interface ReportTables {
  funnel_counts: {
    org_id: string;
    /** Spans of 4^level UTC days. */
    level: number;
    /** The span's number: the day (since 1970-01-01, UTC) shifted right by 2 × level. */
    bucket: number;
    job_id: string;
    team_id: string;
    stage_index: number;
    status: string;
    n: string;
  };
}
