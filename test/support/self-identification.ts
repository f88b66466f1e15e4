import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

/**
 * Self-identification's stored values and labels as they would appear in a response: none is a
 * word another response uses, so a match anywhere is a leak (ADR 0025).
 */
export const selfIdentificationLeak =
  /native_hawaiian|Native Hawaiian|american_indian|American Indian|protected_veteran|classifications of a protected veteran|"race":|"veteran":|"disability":/;

/**
 * From now on every new application of this test database answers the voluntary questions with
 * distinctive values, as if each candidate had, so a test reaching any application can look for them.
 */
export async function selfIdentifyEveryApplication(database: Database) {
  await sql`CREATE FUNCTION self_identify_application() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO self_identifications (application_id, org_id, sex, race, veteran, disability, submitted_at)
      VALUES (NEW.id, NEW.org_id, 'female', 'native_hawaiian_or_pacific_islander', 'protected_veteran', 'yes', now());
      RETURN NEW;
    END $$`.execute(database.db);
  await sql`CREATE TRIGGER self_identify_application AFTER INSERT ON applications
    FOR EACH ROW EXECUTE FUNCTION self_identify_application()`.execute(database.db);
  // The applications made before now answer too.
  await sql`INSERT INTO self_identifications (application_id, org_id, sex, race, veteran, disability, submitted_at)
    SELECT id, org_id, 'male', 'american_indian_or_alaska_native', 'protected_veteran', 'no', now() FROM applications
    ON CONFLICT (application_id) DO NOTHING`.execute(database.db);
}
