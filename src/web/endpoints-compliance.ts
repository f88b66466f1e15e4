import type * as Compliance from '../contracts/compliance';

/** The fairness reports' and the annotation opt-out's routes, in the shape of `Endpoints` (endpoints.ts, ADR 0025). */
export interface ComplianceEndpoints {
  'GET /api/compliance/adverse-impact': {
    query: typeof Compliance.adverseImpactQuery;
    response: typeof Compliance.adverseImpactReport;
  };
  'GET /api/compliance/agreement': {
    query: typeof Compliance.agreementQuery;
    response: typeof Compliance.agreementReport;
  };
  'GET /api/compliance/office-policies': { response: typeof Compliance.officePolicyList };
  'PUT /api/compliance/office-policies/{officeId}': {
    body: typeof Compliance.putOfficePolicyBody;
    response: typeof Compliance.officeCompliancePolicy;
  };
  'POST /api/me/applications/{id}/screening-opt-out': {
    body: typeof Compliance.portalOptOutBody;
    response: typeof Compliance.portalOptOutAnswer;
  };
}
