/** Self-identification and where it may be collected (ADR 0025); read only by the compliance report. */
export interface ComplianceTables {
  office_compliance_policies: {
    office_id: string;
    org_id: string;
    collect_self_identification: boolean;
    version: number;
    updated_at: Date;
    updated_by: string;
  };
  self_identifications: {
    application_id: string;
    org_id: string;
    sex: string | null;
    race: string | null;
    veteran: string | null;
    disability: string | null;
    submitted_at: Date;
  };
}
