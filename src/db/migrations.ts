import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/** Each migration is a list of statements, run in order inside the migrator's transaction. */
const statements: Record<string, string[]> = {
  '0001_core': [
    `CREATE TABLE orgs (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE teams (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      name text NOT NULL,
      timezone text NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, name)
    )`,
    `CREATE TABLE offices (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      name text NOT NULL,
      location text NOT NULL,
      timezone text NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, name)
    )`,
    `CREATE TABLE users (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      email text NOT NULL,
      email_normalized text NOT NULL,
      name text NOT NULL,
      timezone text NOT NULL,
      password_hash text,
      roles text[] NOT NULL,
      team_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, email_normalized)
    )`,
    `CREATE TABLE candidates (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      email text NOT NULL,
      email_normalized text NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      phone text,
      timezone text,
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, email_normalized)
    )`,
    `CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid REFERENCES users(id),
      candidate_id uuid REFERENCES candidates(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      CHECK ((user_id IS NULL) <> (candidate_id IS NULL))
    )`,
    `CREATE TABLE sign_in_links (
      token_hash text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`,
    `CREATE TABLE processes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      team_id uuid REFERENCES teams(id),
      lineage_id uuid NOT NULL,
      version integer NOT NULL,
      template_key text,
      definition jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (lineage_id, version)
    )`,
    `CREATE TABLE policies (
      org_id uuid NOT NULL REFERENCES orgs(id),
      job_family text NOT NULL,
      max_active_applications integer CHECK (max_active_applications > 0),
      consideration_order text NOT NULL CHECK (consideration_order IN ('sequential', 'parallel')),
      cooldown_days integer NOT NULL DEFAULT 0 CHECK (cooldown_days >= 0),
      PRIMARY KEY (org_id, job_family)
    )`,
    `CREATE TABLE jobs (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      team_id uuid NOT NULL REFERENCES teams(id),
      process_id uuid NOT NULL REFERENCES processes(id),
      title text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'archived')),
      employment_type text NOT NULL,
      job_family text NOT NULL,
      level text NOT NULL,
      headcount integer NOT NULL CHECK (headcount > 0),
      hired_count integer NOT NULL DEFAULT 0 CHECK (hired_count <= headcount),
      locations text[] NOT NULL,
      office_ids uuid[] NOT NULL DEFAULT '{}',
      posting jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    'CREATE INDEX jobs_org_status ON jobs (org_id, status, created_at, id)',
    `CREATE TABLE applications (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      job_id uuid NOT NULL REFERENCES jobs(id),
      team_id uuid NOT NULL REFERENCES teams(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      process_id uuid NOT NULL REFERENCES processes(id),
      job_family text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'active', 'rejected', 'withdrawn', 'hired', 'closed')),
      stage_index integer NOT NULL DEFAULT 0,
      plan jsonb NOT NULL,
      submitted_at timestamptz NOT NULL,
      ended_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      idempotency_key text,
      source text NOT NULL,
      UNIQUE (org_id, idempotency_key)
    )`,
    // Held by the database too: one open application per candidate and job.
    `CREATE UNIQUE INDEX applications_one_open_per_job ON applications (org_id, candidate_id, job_id)
      WHERE status IN ('queued', 'active')`,
    // The screening queue reads oldest first per job and stage.
    'CREATE INDEX applications_queue ON applications (org_id, job_id, status, stage_index, submitted_at, id)',
    'CREATE INDEX applications_org_queue ON applications (org_id, status, submitted_at, id)',
    'CREATE INDEX applications_candidate ON applications (org_id, candidate_id, job_family)',
    `CREATE TABLE round_decisions (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      round_key text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('advance', 'reject')),
      rationale text NOT NULL,
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL,
      UNIQUE (application_id, round_key)
    )`,
    `CREATE TABLE audit_events (
      seq bigserial PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      actor_kind text NOT NULL,
      actor_id uuid,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      action text NOT NULL,
      reason text,
      data jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL
    )`,
    'CREATE INDEX audit_events_entity ON audit_events (org_id, entity_type, entity_id, seq)',
    `CREATE TABLE outbox (
      seq bigserial PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      kind text NOT NULL,
      dedupe_key text NOT NULL UNIQUE,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL
    )`,
    `CREATE INDEX outbox_pending ON outbox (available_at, seq) WHERE status = 'pending'`,
  ],
  '0002_offers': [
    'ALTER TABLE jobs ADD COLUMN compensation_band jsonb',
    `CREATE TABLE vesting_schedules (
      org_id uuid NOT NULL REFERENCES orgs(id),
      key text NOT NULL,
      definition jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, key)
    )`,
    `CREATE TABLE offers (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      status text NOT NULL CHECK (status IN
        ('draft', 'pending_approval', 'approved', 'sent', 'accepted', 'declined', 'expired', 'rescinded')),
      revision integer NOT NULL,
      terms jsonb NOT NULL,
      approval_chain text[] NOT NULL DEFAULT '{}',
      approvals_done integer NOT NULL DEFAULT 0,
      sent_at timestamptz,
      responded_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    // One live offer per application; ended ones stay as history.
    `CREATE UNIQUE INDEX offers_one_open ON offers (application_id)
      WHERE status IN ('draft', 'pending_approval', 'approved', 'sent')`,
    'CREATE INDEX offers_org_status ON offers (org_id, status, created_at, id)',
    `CREATE TABLE offer_revisions (
      offer_id uuid NOT NULL REFERENCES offers(id),
      revision integer NOT NULL,
      terms jsonb NOT NULL,
      changes jsonb NOT NULL,
      reason text NOT NULL,
      author_kind text NOT NULL,
      author_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (offer_id, revision)
    )`,
    `CREATE TABLE offer_approvals (
      id uuid PRIMARY KEY,
      offer_id uuid NOT NULL REFERENCES offers(id),
      revision integer NOT NULL,
      role text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
      note text NOT NULL,
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL
    )`,
    `CREATE TABLE offer_counters (
      id uuid PRIMARY KEY,
      offer_id uuid NOT NULL REFERENCES offers(id),
      revision integer NOT NULL,
      component text NOT NULL,
      proposal text NOT NULL,
      note text NOT NULL,
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE competing_offers (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      terms jsonb NOT NULL,
      entered_by_kind text NOT NULL,
      entered_by_id uuid NOT NULL,
      created_at timestamptz NOT NULL
    )`,
    'CREATE INDEX competing_offers_application ON competing_offers (org_id, application_id, created_at)',
  ],
  '0003_feedback': [
    'ALTER TABLE candidates ADD COLUMN resume_text text',
    `ALTER TABLE round_decisions ADD COLUMN against_majority boolean NOT NULL DEFAULT false`,
    `ALTER TABLE round_decisions ADD COLUMN missing_feedback uuid[] NOT NULL DEFAULT '{}'`,
    `CREATE TABLE org_holidays (
      org_id uuid NOT NULL REFERENCES orgs(id),
      day date NOT NULL,
      name text NOT NULL,
      PRIMARY KEY (org_id, day)
    )`,
    `CREATE TABLE interviews (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      round_key text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      language text NOT NULL,
      interviewer_ids uuid[] NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      CHECK (ends_at > starts_at)
    )`,
    'CREATE INDEX interviews_application ON interviews (org_id, application_id, round_key)',
    `CREATE TABLE scorecards (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      interview_id uuid NOT NULL REFERENCES interviews(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      round_key text NOT NULL,
      interviewer_id uuid NOT NULL REFERENCES users(id),
      status text NOT NULL CHECK (status IN ('pending', 'draft', 'submitted')),
      revision integer NOT NULL DEFAULT 0,
      content jsonb NOT NULL,
      due_at timestamptz NOT NULL,
      submitted_at timestamptz,
      reminder_stage integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      UNIQUE (interview_id, interviewer_id)
    )`,
    'CREATE INDEX scorecards_application ON scorecards (org_id, application_id, round_key)',
    'CREATE INDEX scorecards_interviewer ON scorecards (org_id, interviewer_id, due_at)',
    `CREATE INDEX scorecards_awaiting ON scorecards (due_at) WHERE status <> 'submitted' AND reminder_stage < 3`,
    `CREATE TABLE scorecard_revisions (
      scorecard_id uuid NOT NULL REFERENCES scorecards(id),
      revision integer NOT NULL,
      content jsonb NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (scorecard_id, revision)
    )`,
    `CREATE TABLE committee_votes (
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      round_key text NOT NULL,
      voter_id uuid NOT NULL REFERENCES users(id),
      vote text NOT NULL CHECK (vote IN ('advance', 'reject')),
      note text NOT NULL,
      voted_at timestamptz NOT NULL,
      PRIMARY KEY (application_id, round_key, voter_id)
    )`,
  ],
  '0004_notifications': [
    'ALTER TABLE orgs ADD COLUMN update_every_business_days integer NOT NULL DEFAULT 5 CHECK (update_every_business_days BETWEEN 1 AND 30)',
    'ALTER TABLE orgs ADD COLUMN share_rejection_feedback boolean NOT NULL DEFAULT false',
    `ALTER TABLE orgs ADD COLUMN default_language text NOT NULL DEFAULT 'en'`,
    `ALTER TABLE orgs ADD COLUMN default_timezone text NOT NULL DEFAULT 'UTC'`,
    'ALTER TABLE candidates ADD COLUMN language text',
    'ALTER TABLE candidates ADD COLUMN unsubscribed_at timestamptz',
    'ALTER TABLE applications ADD COLUMN last_candidate_message_at timestamptz',
    'ALTER TABLE applications ADD COLUMN next_update_at timestamptz',
    'ALTER TABLE applications ADD COLUMN next_warning_at timestamptz',
    `CREATE INDEX applications_update_due ON applications (next_update_at) WHERE status IN ('queued', 'active') AND next_update_at IS NOT NULL`,
    `CREATE INDEX applications_warning_due ON applications (next_warning_at) WHERE status IN ('queued', 'active') AND next_warning_at IS NOT NULL`,
    'ALTER TABLE outbox ADD COLUMN dispatched_at timestamptz',
    'ALTER TABLE outbox ADD COLUMN error text',
    'CREATE INDEX outbox_undispatched ON outbox (seq) WHERE dispatched_at IS NULL',
    `CREATE TABLE deliveries (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      event_seq bigint NOT NULL REFERENCES outbox(seq),
      channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
      dedupe_key text NOT NULL UNIQUE,
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      calendar text,
      endpoint_id uuid,
      candidate_id uuid REFERENCES candidates(id),
      application_id uuid REFERENCES applications(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz
    )`,
    `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'`,
    'CREATE INDEX deliveries_org ON deliveries (org_id, status, created_at, id)',
    `CREATE TABLE delivery_attempts (
      delivery_id uuid NOT NULL REFERENCES deliveries(id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      ok boolean NOT NULL,
      response text NOT NULL,
      PRIMARY KEY (delivery_id, attempt)
    )`,
    `CREATE TABLE message_templates (
      org_id uuid NOT NULL REFERENCES orgs(id),
      key text NOT NULL,
      language text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, key, language)
    )`,
    `CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      url text NOT NULL,
      secret text NOT NULL,
      event_types text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    )`,
  ],
  '0005_boards': [
    // Public job boards speak in integer ids, as the Greenhouse Job Board API does.
    'ALTER TABLE jobs ADD COLUMN public_id bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE',
    'ALTER TABLE teams ADD COLUMN public_id bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE',
    'ALTER TABLE offices ADD COLUMN public_id bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE',
    `CREATE TABLE boards (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      token text NOT NULL UNIQUE CHECK (token ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
      name text NOT NULL,
      intro text NOT NULL DEFAULT '',
      api_key_hash text NOT NULL,
      employment_types text[] NOT NULL,
      team_ids uuid[] NOT NULL DEFAULT '{}',
      gdpr_retention_days integer,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE job_posts (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      board_id uuid NOT NULL REFERENCES boards(id),
      job_id uuid NOT NULL REFERENCES jobs(id),
      first_published_at timestamptz NOT NULL,
      UNIQUE (board_id, job_id)
    )`,
    `CREATE TABLE attachments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      application_id uuid REFERENCES applications(id),
      kind text NOT NULL CHECK (kind IN ('resume', 'cover_letter')),
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL,
      data bytea NOT NULL,
      text text NOT NULL,
      created_at timestamptz NOT NULL
    )`,
    'CREATE INDEX attachments_candidate ON attachments (org_id, candidate_id, created_at)',
    `ALTER TABLE applications ADD COLUMN answers jsonb NOT NULL DEFAULT '{}'`,
  ],
  '0006_search_and_queues': [
    // Substring search over names, emails and resumes, served by a trigram index.
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    `ALTER TABLE candidates ADD COLUMN search_text text GENERATED ALWAYS AS
      (lower(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(resume_text, ''))) STORED`,
    'CREATE INDEX candidates_search ON candidates USING gin (search_text gin_trgm_ops)',
    // The round an active application is in, kept by the database itself so queues can use an index.
    'ALTER TABLE applications ADD COLUMN current_round_key text',
    `CREATE FUNCTION applications_current_round() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.current_round_key := CASE WHEN NEW.status = 'active' THEN NEW.plan -> NEW.stage_index ->> 'key' END;
        RETURN NEW;
      END $$`,
    `CREATE TRIGGER applications_current_round BEFORE INSERT OR UPDATE OF status, stage_index, plan ON applications
      FOR EACH ROW EXECUTE FUNCTION applications_current_round()`,
    `UPDATE applications SET current_round_key = plan -> stage_index ->> 'key' WHERE status = 'active'`,
    `CREATE INDEX applications_round_queue ON applications (org_id, job_id, current_round_key, submitted_at, id)
      WHERE status = 'active'`,
    'CREATE INDEX applications_job_queue ON applications (org_id, job_id, submitted_at, id)',
  ],
  '0007_scheduling': [
    'CREATE EXTENSION IF NOT EXISTS btree_gist',
    `ALTER TABLE interviews ADD COLUMN status text NOT NULL DEFAULT 'scheduled'
      CHECK (status IN ('scheduled', 'cancelled'))`,
    // RFC 5545 SEQUENCE: bumped on every change the attendees' calendars must follow.
    'ALTER TABLE interviews ADD COLUMN sequence integer NOT NULL DEFAULT 0',
    'ALTER TABLE interviews ADD COLUMN version integer NOT NULL DEFAULT 1',
    'ALTER TABLE interviews ADD COLUMN video_url text',
    'ALTER TABLE interviews ADD COLUMN language_confirmed_at timestamptz',
    'ALTER TABLE interviews ADD COLUMN change_reason text',
    // Each participant's time on a booked interview. The exclusion constraint is what makes a double
    // booking impossible: two holds of one person can never overlap, whichever process writes them.
    `CREATE TABLE interview_holds (
      interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      participant_id uuid NOT NULL,
      during tstzrange NOT NULL,
      PRIMARY KEY (interview_id, participant_id),
      CONSTRAINT interview_holds_no_overlap EXCLUDE USING gist (participant_id WITH =, during WITH &&)
    )`,
    `CREATE TABLE interviewer_profiles (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      weekly_hours jsonb NOT NULL,
      weekly_cap integer NOT NULL CHECK (weekly_cap >= 0),
      round_types text[] NOT NULL,
      levels text[] NOT NULL,
      languages text[] NOT NULL,
      calendar_url text,
      calendar_synced_at timestamptz,
      calendar_checked_at timestamptz,
      calendar_error text,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL
    )`,
    `CREATE TABLE availability_overrides (
      user_id uuid NOT NULL REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      day date NOT NULL,
      hours jsonb NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (user_id, day)
    )`,
    `CREATE TABLE busy_blocks (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid NOT NULL REFERENCES users(id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      source text NOT NULL CHECK (source IN ('calendar', 'manual')),
      summary text NOT NULL DEFAULT '',
      CHECK (ends_at > starts_at)
    )`,
    'CREATE INDEX busy_blocks_user ON busy_blocks (user_id, starts_at)',
    `CREATE TABLE scheduling_links (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      round_key text NOT NULL,
      interviewer_ids uuid[] NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
      language text NOT NULL,
      video_url text,
      window_start timestamptz NOT NULL,
      window_end timestamptz NOT NULL,
      interview_id uuid REFERENCES interviews(id),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      CHECK (window_end > window_start)
    )`,
    'CREATE INDEX scheduling_links_application ON scheduling_links (org_id, application_id)',
  ],
  '0008_erasure_and_step_queue': [
    // When the candidate's personal data was erased; the row stays so history keeps its shape.
    'ALTER TABLE candidates ADD COLUMN erased_at timestamptz',
    // The web app's screening queue: active applications at one step, oldest first, any job.
    `CREATE INDEX applications_step_queue ON applications (org_id, (plan -> stage_index ->> 'step'), submitted_at, id)
      WHERE status = 'active'`,
  ],
  '0009_assessments': [
    // A timed technical assessment sent to a candidate: problems from templates/problems, a clock
    // that starts when the candidate starts, one link (only its hash is kept).
    `CREATE TABLE assessments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      token_hash text NOT NULL UNIQUE,
      items jsonb NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 20160),
      start_by timestamptz NOT NULL,
      started_at timestamptz,
      deadline_at timestamptz,
      submitted_at timestamptz,
      score_percent integer CHECK (score_percent BETWEEN 0 AND 100),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1,
      CHECK ((started_at IS NULL) = (deadline_at IS NULL))
    )`,
    'CREATE INDEX assessments_application ON assessments (org_id, application_id, created_at)',
    `CREATE TABLE assessment_answers (
      assessment_id uuid NOT NULL REFERENCES assessments(id),
      item_index integer NOT NULL,
      language text NOT NULL,
      code text NOT NULL,
      saved_at timestamptz NOT NULL,
      grade jsonb,
      PRIMARY KEY (assessment_id, item_index)
    )`,
    // The timeline the interviewer and hiring manager read beside the code: opens, pastes, focus, runs.
    `CREATE TABLE assessment_events (
      seq bigserial PRIMARY KEY,
      assessment_id uuid NOT NULL REFERENCES assessments(id),
      at timestamptz NOT NULL,
      kind text NOT NULL,
      item_index integer,
      detail jsonb NOT NULL DEFAULT '{}'
    )`,
    'CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id, seq)',
    // A case study's deliverable (a deck or a PDF) is kept like a resume.
    'ALTER TABLE attachments DROP CONSTRAINT attachments_kind_check',
    "ALTER TABLE attachments ADD CONSTRAINT attachments_kind_check CHECK (kind IN ('resume', 'cover_letter', 'case_study'))",
    'ALTER TABLE assessment_answers ADD COLUMN attachment_id uuid REFERENCES attachments(id)',
    // A live coding pad for an interview: interviewer and candidate edit one Yjs document; every
    // update and run is kept in order, so the session replays afterwards.
    `CREATE TABLE pads (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      problem_slug text,
      language text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL
    )`,
    'CREATE INDEX pads_application ON pads (org_id, application_id, created_at)',
    `CREATE TABLE pad_events (
      seq bigserial PRIMARY KEY,
      pad_id uuid NOT NULL REFERENCES pads(id),
      at timestamptz NOT NULL,
      author text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('edit', 'run')),
      update bytea,
      detail jsonb NOT NULL DEFAULT '{}'
    )`,
    'CREATE INDEX pad_events_pad ON pad_events (pad_id, seq)',
  ],
  // A résumé or cover letter whose text could not be read within the readers' limits is kept as
  // sent; the reason says why its text is empty (null: the text was read).
  '0010_attachment_extraction': [
    "ALTER TABLE attachments ADD COLUMN text_unread text CHECK (text_unread IN ('time_limit', 'memory_limit', 'unpacked_limit', 'reader_failed', 'busy'))",
  ],
  // Sessions a person can see and end (an id apart from the secret, when and where they were used),
  // an idle timeout, users an admin disabled, and the counters that slow sign-in guessing, kept in
  // the database so every node behind one PostgreSQL sees the same budgets.
  '0011_sessions': [
    'ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()',
    'ALTER TABLE sessions ADD CONSTRAINT sessions_id_key UNIQUE (id)',
    // NULL only for sessions opened before it was kept (idle time then counts from created_at).
    'ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz',
    // Sessions opened before idle timeouts existed keep a generous one rather than ending at once.
    'ALTER TABLE sessions ADD COLUMN idle_minutes integer NOT NULL DEFAULT 1440',
    'ALTER TABLE sessions ADD COLUMN user_agent text',
    'ALTER TABLE sessions ADD COLUMN address text',
    'CREATE INDEX sessions_user ON sessions (user_id) WHERE user_id IS NOT NULL',
    'CREATE INDEX sessions_candidate ON sessions (candidate_id) WHERE candidate_id IS NOT NULL',
    'ALTER TABLE users ADD COLUMN disabled_at timestamptz',
    `CREATE TABLE auth_throttles (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      count integer NOT NULL
    )`,
  ],
  '0013_offer_approval_order': [
    // Approvals in the order given, so the steps of the chain now running are the latest ones.
    'ALTER TABLE offer_approvals ADD COLUMN seq bigserial',
    'CREATE INDEX offer_approvals_offer ON offer_approvals (offer_id, revision, seq)',
  ],
  '0014_idempotency_fingerprint': ['ALTER TABLE applications ADD COLUMN idempotency_fingerprint text'],
  '0015_delivery_order': [
    // A later message on the same topic (an interview's invite) replaces one not yet sent.
    'ALTER TABLE deliveries ADD COLUMN topic text',
    'ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check',
    `ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
      CHECK (status IN ('pending', 'delivered', 'failed', 'superseded'))`,
    `CREATE INDEX deliveries_pending_order ON deliveries (application_id, recipient, event_seq)
      WHERE status = 'pending'`,
    `CREATE INDEX deliveries_pending_topic ON deliveries (topic, recipient, event_seq) WHERE status = 'pending'`,
  ],
  '0016_decision_evidence': [
    // A decision taken without its evidence keeps the written reason and what was missing.
    'ALTER TABLE round_decisions ADD COLUMN override_reason text',
    "ALTER TABLE round_decisions ADD COLUMN evidence_gaps text[] NOT NULL DEFAULT '{}'",
  ],
  // Decisions in the order taken, even within one instant: the latest one's rationale is the one shared.
  '0017_decision_order': ['ALTER TABLE round_decisions ADD COLUMN seq bigserial'],
  '0018_decision_undo': [
    // A decision's messages wait out the organisation's undo window, marked with the decision.
    `ALTER TABLE orgs ADD COLUMN decision_undo_minutes integer NOT NULL DEFAULT 5
      CHECK (decision_undo_minutes BETWEEN 0 AND 60)`,
    'ALTER TABLE outbox ADD COLUMN held_by uuid',
    'CREATE INDEX outbox_held ON outbox (held_by) WHERE held_by IS NOT NULL',
    // What undoing the decision puts back: the application's state and what the decision caused.
    'ALTER TABLE round_decisions ADD COLUMN undo jsonb',
  ],
  '0019_user_lifecycle': [
    // Concurrent edits of a user compare this version instead of overwriting each other.
    'ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1',
    `CREATE TABLE password_resets (
      token_hash text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`,
    'CREATE INDEX password_resets_user ON password_resets (user_id)',
    `CREATE TABLE api_tokens (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      kind text NOT NULL CHECK (kind IN ('personal', 'organisation')),
      -- A personal token acts as this user; an organisation token names the admin who made it.
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      -- The first characters of the secret, so a person can tell their tokens apart.
      prefix text NOT NULL,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz,
      last_used_at timestamptz,
      last_used_address text,
      revoked_at timestamptz
    )`,
    'CREATE INDEX api_tokens_org ON api_tokens (org_id, kind, created_at)',
    'CREATE INDEX api_tokens_user ON api_tokens (user_id)',
    // The API token a change was made with, if any: the audit log names it.
    'ALTER TABLE audit_events ADD COLUMN token_id uuid',
    'CREATE INDEX audit_events_org_seq ON audit_events (org_id, seq)',
    'CREATE INDEX audit_events_org_actor ON audit_events (org_id, actor_id, seq)',
  ],
  // Second factors (TOTP, passkeys, recovery codes), sign-ins waiting for one, OpenID Connect
  // connections and the identities they vouch for, group mappings, and SCIM provisioning.
  '0020_sso_mfa': [
    `ALTER TABLE orgs ADD COLUMN mfa_required text NOT NULL DEFAULT 'none'
      CHECK (mfa_required IN ('none', 'admins_hr', 'all'))`,
    // 'admins': with single sign-on on, only admins may still use a password (the break-glass way in).
    `ALTER TABLE orgs ADD COLUMN password_sign_in text NOT NULL DEFAULT 'everyone'
      CHECK (password_sign_in IN ('everyone', 'admins'))`,
    'ALTER TABLE users ADD COLUMN external_id text',
    // A user SCIM deleted: kept (disabled) for the history they are part of, gone for SCIM.
    'ALTER TABLE users ADD COLUMN scim_deleted_at timestamptz',
    `CREATE TABLE mfa_totp (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      secret_enc text NOT NULL,
      confirmed_at timestamptz,
      last_time_step bigint,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE mfa_recovery_codes (
      user_id uuid NOT NULL REFERENCES users(id),
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    )`,
    `CREATE TABLE webauthn_credentials (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      public_key text NOT NULL,
      counter bigint NOT NULL,
      transports text[] NOT NULL DEFAULT '{}',
      name text NOT NULL,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz
    )`,
    'CREATE INDEX webauthn_credentials_user ON webauthn_credentials (user_id)',
    // Short-lived states kept in the database so any node can finish what another began.
    `CREATE TABLE auth_challenges (
      token_hash text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('second_factor', 'enrolment', 'passkey_registration', 'passkey_sign_in', 'oidc')),
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    `CREATE TABLE sso_connections (
      org_id uuid PRIMARY KEY REFERENCES orgs(id),
      display_name text NOT NULL,
      issuer text NOT NULL,
      client_id text NOT NULL,
      client_secret_enc text NOT NULL,
      default_roles text[] NOT NULL,
      groups_claim text NOT NULL DEFAULT 'groups',
      enabled boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL
    )`,
    `CREATE TABLE sso_identities (
      org_id uuid NOT NULL REFERENCES orgs(id),
      issuer text NOT NULL,
      subject text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, issuer, subject)
    )`,
    `CREATE TABLE group_mappings (
      org_id uuid NOT NULL REFERENCES orgs(id),
      group_name text NOT NULL,
      roles text[] NOT NULL,
      team_ids uuid[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (org_id, group_name)
    )`,
    `CREATE TABLE scim_tokens (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      token_hash text NOT NULL UNIQUE,
      name text NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      last_used_at timestamptz
    )`,
    `CREATE TABLE scim_groups (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      display_name text NOT NULL,
      external_id text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (org_id, display_name)
    )`,
    `CREATE TABLE scim_group_members (
      group_id uuid NOT NULL REFERENCES scim_groups(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      PRIMARY KEY (group_id, user_id)
    )`,
  ],
  '0021_many_nodes': [
    // Request budgets every node counts in (per address, per board key): a window per key. Unlogged:
    // a crash may forget a minute's counts, and the replicas have no use for them.
    `CREATE UNLOGGED TABLE rate_limit_windows (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      count integer NOT NULL
    )`,
    // Work one worker of many does at a time (the minute's sweeps): held until \`until\`, then anyone's.
    `CREATE TABLE worker_leases (
      name text PRIMARY KEY,
      holder text NOT NULL,
      until timestamptz NOT NULL
    )`,
  ],
  '0022_notes_tags_views': [
    // The hiring team's notes on a candidate, or on one of their applications; earlier texts are kept.
    `CREATE TABLE notes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      application_id uuid REFERENCES applications(id),
      author_id uuid NOT NULL REFERENCES users(id),
      body text NOT NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      edited_at timestamptz
    )`,
    'CREATE INDEX notes_candidate ON notes (org_id, candidate_id, created_at, id)',
    'CREATE INDEX notes_application ON notes (org_id, application_id, created_at, id) WHERE application_id IS NOT NULL',
    `CREATE TABLE note_revisions (
      note_id uuid NOT NULL REFERENCES notes(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      version integer NOT NULL,
      body text NOT NULL,
      written_at timestamptz NOT NULL,
      PRIMARY KEY (note_id, version)
    )`,
    `CREATE TABLE tags (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      name text NOT NULL,
      colour text,
      created_at timestamptz NOT NULL
    )`,
    'CREATE UNIQUE INDEX tags_name ON tags (org_id, lower(name))',
    `CREATE TABLE candidate_tags (
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      tag_id uuid NOT NULL REFERENCES tags(id),
      added_by uuid REFERENCES users(id),
      added_at timestamptz NOT NULL,
      PRIMARY KEY (candidate_id, tag_id)
    )`,
    'CREATE INDEX candidate_tags_tag ON candidate_tags (org_id, tag_id, candidate_id)',
    `CREATE TABLE saved_views (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      owner_id uuid NOT NULL REFERENCES users(id),
      list text NOT NULL CHECK (list IN ('candidates', 'screening', 'pipeline', 'decisions')),
      name text NOT NULL,
      filters jsonb NOT NULL,
      shared boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    )`,
    'CREATE INDEX saved_views_org ON saved_views (org_id, list, created_at)',
    // The staff inbox: one row per person and thing to look at; the dedupe key makes a replay harmless.
    `CREATE TABLE staff_notifications (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text NOT NULL,
      dedupe_key text NOT NULL,
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      UNIQUE (user_id, dedupe_key)
    )`,
    'CREATE INDEX staff_notifications_inbox ON staff_notifications (org_id, user_id, created_at, id)',
    'CREATE INDEX staff_notifications_unread ON staff_notifications (user_id) WHERE read_at IS NULL',
    `CREATE TABLE staff_notification_settings (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      email_kinds text[] NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    // A merge moves a duplicate's records onto the kept person and stays undoable until confirmed.
    `CREATE TABLE candidate_merges (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      kept_id uuid NOT NULL REFERENCES candidates(id),
      merged_id uuid NOT NULL REFERENCES candidates(id),
      status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'undone')),
      moved jsonb NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz
    )`,
    "CREATE UNIQUE INDEX candidate_merges_live ON candidate_merges (merged_id) WHERE status <> 'undone'",
    'CREATE INDEX candidate_merges_org ON candidate_merges (org_id, created_at, id)',
    'ALTER TABLE candidates ADD COLUMN merged_into uuid REFERENCES candidates(id)',
    'ALTER TABLE candidates ADD COLUMN owner_id uuid REFERENCES users(id)',
    // Global search: phone digits as a substring, and jobs and people by trigram like candidates.
    `CREATE INDEX candidates_phone_search ON candidates
      USING gin ((regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) gin_trgm_ops)`,
    "CREATE INDEX users_search ON users USING gin ((lower(name || ' ' || email)) gin_trgm_ops)",
    'CREATE INDEX jobs_search ON jobs USING gin ((lower(title)) gin_trgm_ops)',
    // Newest (or oldest) first within an organisation: words many candidates share stop at a page.
    'CREATE INDEX candidates_by_time ON candidates (org_id, created_at, id)',
    'CREATE INDEX candidates_email_prefix ON candidates (org_id, email_normalized text_pattern_ops)',
  ],
  // Conversations with candidates: one thread per application, messages both ways (each message
  // sent has its own reply address; only the address token's hash is kept), files that came with replies.
  '0023_candidate_mail': [
    `CREATE TABLE message_threads (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      answer_due_at timestamptz,
      answer_stage integer NOT NULL DEFAULT 0 CHECK (answer_stage BETWEEN 0 AND 2),
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, application_id)
    )`,
    'CREATE INDEX message_threads_candidate ON message_threads (org_id, candidate_id)',
    'CREATE INDEX message_threads_answer_due ON message_threads (answer_due_at) WHERE answer_due_at IS NOT NULL',
    `CREATE TABLE thread_messages (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      thread_id uuid NOT NULL REFERENCES message_threads(id),
      direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
      author_user_id uuid REFERENCES users(id),
      channel text NOT NULL CHECK (channel IN ('email', 'portal')),
      from_address text,
      subject text NOT NULL,
      body text NOT NULL,
      quoted text NOT NULL DEFAULT '',
      template_key text,
      reply_token_hash text UNIQUE,
      reply_expires_at timestamptz,
      send_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      seq bigserial
    )`,
    'CREATE INDEX thread_messages_thread ON thread_messages (org_id, thread_id, send_at, seq)',
    `CREATE TABLE message_attachments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      message_id uuid NOT NULL REFERENCES thread_messages(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL,
      data bytea NOT NULL,
      text text NOT NULL,
      text_unread text,
      refused text
    )`,
    'CREATE INDEX message_attachments_message ON message_attachments (org_id, message_id)',
    // Where the candidate's answer to a message goes: the thread's reply address.
    'ALTER TABLE deliveries ADD COLUMN reply_to text',
  ],
  '0024_offer_signatures': [
    // An offer sent for signature is accepted only by signing its letter in the portal.
    'ALTER TABLE offers ADD COLUMN signature_required boolean NOT NULL DEFAULT false',
    // The signature's record: the name typed, when, from where, and the hash of the letter signed.
    `CREATE TABLE offer_signatures (
      offer_id uuid PRIMARY KEY REFERENCES offers(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      revision integer NOT NULL,
      typed_name text NOT NULL,
      signed_at timestamptz NOT NULL,
      address text,
      user_agent text,
      letter_sha256 text NOT NULL CHECK (letter_sha256 ~ '^[0-9a-f]{64}$')
    )`,
  ],
  '0025_funnel_rollup': [
    // The funnel's counts per job, team, round and status of the applications submitted in a span
    // of UTC days: level l holds spans of 4^l days (bucket = day >> 2l, day 0 = 1970-01-01), so any
    // range of whole days is at most six spans per level (ADR 0021).
    `CREATE TABLE funnel_counts (
      org_id uuid NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
      bucket integer NOT NULL,
      job_id uuid NOT NULL,
      team_id uuid NOT NULL,
      stage_index integer NOT NULL,
      status text NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (org_id, level, bucket, job_id, team_id, stage_index, status)
    )`,
    // The partial days at a range's edges are counted from the applications themselves.
    'CREATE INDEX applications_submitted ON applications (org_id, submitted_at)',
    // A transaction's changes wait here, day by day, until it commits; never read by others.
    `CREATE UNLOGGED TABLE funnel_pending (
      xact bigint NOT NULL,
      org_id uuid NOT NULL,
      job_id uuid NOT NULL,
      team_id uuid NOT NULL,
      day integer NOT NULL,
      stage_index integer NOT NULL,
      status text NOT NULL,
      delta bigint NOT NULL
    )`,
    'CREATE INDEX funnel_pending_xact ON funnel_pending (xact)',
    // One row per transaction with pending changes: inserting it queues the fold at commit once.
    'CREATE UNLOGGED TABLE funnel_folds (xact bigint PRIMARY KEY)',
    // Each statement's change, summed per key: minus the rows before, plus the rows after.
    `CREATE FUNCTION applications_funnel_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        x bigint := pg_current_xact_id()::text::bigint;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO funnel_pending
            SELECT x, org_id, job_id, team_id, (submitted_at AT TIME ZONE 'UTC')::date - date '1970-01-01',
                   stage_index, status, count(*)
            FROM new_rows GROUP BY 2, 3, 4, 5, 6, 7;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO funnel_pending
            SELECT x, org_id, job_id, team_id, (submitted_at AT TIME ZONE 'UTC')::date - date '1970-01-01',
                   stage_index, status, -count(*)
            FROM old_rows GROUP BY 2, 3, 4, 5, 6, 7;
        ELSE
          INSERT INTO funnel_pending
            SELECT x, org_id, job_id, team_id, day, stage_index, status, sum(d)
            FROM (SELECT org_id, job_id, team_id, (submitted_at AT TIME ZONE 'UTC')::date - date '1970-01-01' AS day,
                         stage_index, status, -1 AS d FROM old_rows
                  UNION ALL
                  SELECT org_id, job_id, team_id, (submitted_at AT TIME ZONE 'UTC')::date - date '1970-01-01',
                         stage_index, status, 1 FROM new_rows) c
            GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(d) <> 0;
        END IF;
        IF FOUND THEN
          INSERT INTO funnel_folds VALUES (x) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER applications_funnel_insert AFTER INSERT ON applications
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_funnel_changed()`,
    `CREATE TRIGGER applications_funnel_update AFTER UPDATE ON applications
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_funnel_changed()`,
    `CREATE TRIGGER applications_funnel_delete AFTER DELETE ON applications
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_funnel_changed()`,
    // At commit, one statement adds the transaction's changes to every level in key order: two
    // transactions lock the rows they share in the same order, so they wait but never deadlock.
    `CREATE FUNCTION funnel_fold() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO funnel_counts AS f (org_id, level, bucket, job_id, team_id, stage_index, status, n)
          SELECT p.org_id, l.level, p.day >> (2 * l.level), p.job_id, p.team_id, p.stage_index, p.status, sum(p.delta)
          FROM funnel_pending p CROSS JOIN generate_series(0, 5) AS l(level)
          WHERE p.xact = NEW.xact
          GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(p.delta) <> 0
          ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (org_id, level, bucket, job_id, team_id, stage_index, status) DO UPDATE SET n = f.n + excluded.n;
        DELETE FROM funnel_pending WHERE xact = NEW.xact;
        DELETE FROM funnel_folds WHERE xact = NEW.xact;
        RETURN NULL;
      END $$`,
    `CREATE CONSTRAINT TRIGGER funnel_fold AFTER INSERT ON funnel_folds DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION funnel_fold()`,
    `INSERT INTO funnel_counts (org_id, level, bucket, job_id, team_id, stage_index, status, n)
      SELECT org_id, l.level, ((submitted_at AT TIME ZONE 'UTC')::date - date '1970-01-01') >> (2 * l.level),
             job_id, team_id, stage_index, status, count(*)
      FROM applications CROSS JOIN generate_series(0, 5) AS l(level)
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  ],
  '0027_practice': [
    // The candidate's own practice: never joined to applications, so no staff read model reaches it.
    `CREATE TABLE practice_attempts (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      kind text NOT NULL CHECK (kind IN ('coding', 'sql')),
      slug text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('free', 'timed')),
      language text,
      code text,
      started_at timestamptz NOT NULL,
      deadline_at timestamptz,
      submitted_at timestamptz,
      passed integer,
      total integer,
      score_percent integer
    )`,
    `CREATE INDEX practice_attempts_candidate ON practice_attempts (org_id, candidate_id, started_at)`,
    `CREATE TABLE practice_plans (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      interview_id uuid NOT NULL REFERENCES interviews(id),
      round_name text NOT NULL,
      round_type text NOT NULL,
      round_starts_at timestamptz NOT NULL,
      days jsonb NOT NULL,
      reminders boolean NOT NULL,
      last_reminded_on date,
      created_at timestamptz NOT NULL,
      ended_at timestamptz
    )`,
    // One plan in force per candidate; an ended one stays for their export until they erase.
    `CREATE UNIQUE INDEX practice_plans_active ON practice_plans (org_id, candidate_id) WHERE ended_at IS NULL`,
    // The organisation's public practice link: only the token's hash, like every link secret.
    `CREATE TABLE practice_links (
      org_id uuid PRIMARY KEY REFERENCES orgs(id),
      token_hash text NOT NULL UNIQUE,
      published_at timestamptz NOT NULL
    )`,
  ],
  '0028_mock_interviews': [
    // Mock interviews: on, two per thirty days, until an admin says otherwise (no row = defaults).
    `CREATE TABLE mock_settings (
      org_id uuid PRIMARY KEY REFERENCES orgs(id),
      enabled boolean NOT NULL,
      max_sessions integer NOT NULL CHECK (max_sessions BETWEEN 0 AND 20),
      window_days integer NOT NULL CHECK (window_days BETWEEN 1 AND 365),
      updated_at timestamptz NOT NULL
    )`,
    // Staff who coach mock rounds, and which; their time is their interviewing availability.
    `CREATE TABLE mock_coaches (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      active boolean NOT NULL,
      round_types text[] NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    // A session belongs to a candidate and their practice interviewer, never to an application.
    `CREATE TABLE mock_sessions (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      coach_id uuid NOT NULL REFERENCES users(id),
      round_type text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('booked', 'cancelled', 'held', 'candidate_no_show', 'coach_no_show')),
      cancelled_by text CHECK (cancelled_by IN ('candidate', 'coach')),
      cancel_reason text,
      created_at timestamptz NOT NULL,
      CHECK (ends_at > starts_at)
    )`,
    'CREATE INDEX mock_sessions_candidate ON mock_sessions (org_id, candidate_id, created_at)',
    'CREATE INDEX mock_sessions_coach ON mock_sessions (org_id, coach_id, starts_at)',
    `CREATE TABLE mock_cards (
      session_id uuid PRIMARY KEY REFERENCES mock_sessions(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      ratings jsonb NOT NULL,
      advice text NOT NULL,
      submitted_at timestamptz NOT NULL
    )`,
    // A mock session holds its people's time in the same table as interviews, so the one exclusion
    // constraint keeps a person from being in a mock and a real interview at once (ADR 0024).
    'ALTER TABLE interview_holds ADD COLUMN mock_session_id uuid REFERENCES mock_sessions(id) ON DELETE CASCADE',
    'ALTER TABLE interview_holds DROP CONSTRAINT interview_holds_pkey',
    'ALTER TABLE interview_holds ALTER COLUMN interview_id DROP NOT NULL',
    `ALTER TABLE interview_holds ADD CONSTRAINT interview_holds_one_owner
      CHECK ((interview_id IS NULL) <> (mock_session_id IS NULL))`,
    'ALTER TABLE interview_holds ADD CONSTRAINT interview_holds_interview UNIQUE (interview_id, participant_id)',
    'ALTER TABLE interview_holds ADD CONSTRAINT interview_holds_mock UNIQUE (mock_session_id, participant_id)',
    // A mock session's pad has no application, so no hiring screen (they list by application) sees it.
    'ALTER TABLE pads ALTER COLUMN application_id DROP NOT NULL',
    'ALTER TABLE pads ADD COLUMN mock_session_id uuid UNIQUE REFERENCES mock_sessions(id)',
    'ALTER TABLE pads ADD CONSTRAINT pads_one_owner CHECK ((application_id IS NULL) <> (mock_session_id IS NULL))',
  ],
  '0029_screening': [
    `CREATE TABLE screening_criteria (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      job_id uuid NOT NULL REFERENCES jobs(id),
      position integer NOT NULL,
      text text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('must', 'nice')),
      weight integer NOT NULL CHECK (weight BETWEEN 1 AND 5),
      "check" jsonb NOT NULL,
      source text NOT NULL CHECK (source IN ('job', 'recruiter')),
      UNIQUE (job_id, position)
    )`,
    `CREATE TABLE screening_criteria_versions (
      job_id uuid PRIMARY KEY REFERENCES jobs(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      version integer NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    `CREATE TABLE screening_annotations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      job_id uuid NOT NULL REFERENCES jobs(id),
      matcher_name text NOT NULL,
      matcher_version text NOT NULL,
      criteria_version integer NOT NULL,
      tier text NOT NULL CHECK (tier IN ('strong', 'possible', 'weak', 'unclear')),
      verdicts jsonb NOT NULL,
      computed_at timestamptz NOT NULL
    )`,
    // The newest annotation of an application is found by one index probe.
    'CREATE INDEX screening_annotations_latest ON screening_annotations (application_id, id DESC)',
    'CREATE INDEX screening_annotations_job ON screening_annotations (org_id, job_id, computed_at)',
    `CREATE TABLE screening_settings (
      org_id uuid NOT NULL REFERENCES orgs(id),
      job_id uuid REFERENCES jobs(id),
      blind_review boolean NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    'CREATE UNIQUE INDEX screening_settings_scope ON screening_settings (org_id, COALESCE(job_id, org_id))',
    'ALTER TABLE applications ADD COLUMN screening_opt_out boolean NOT NULL DEFAULT false',
  ],
  '0030_compliance': [
    // Whether an office may collect voluntary self-identification; no row means it may not.
    `CREATE TABLE office_compliance_policies (
      office_id uuid PRIMARY KEY REFERENCES offices(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      collect_self_identification boolean NOT NULL,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid NOT NULL REFERENCES users(id)
    )`,
    // Kept apart from applications: no query that serves an application, candidate, search, export,
    // webhook or audit row reads this table; only the adverse-impact report does (ADR 0025).
    `CREATE TABLE self_identifications (
      application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      sex text CHECK (sex IN ('male', 'female', 'declined')),
      race text CHECK (race IN ('american_indian_or_alaska_native', 'asian', 'black_or_african_american',
        'hispanic_or_latino', 'white', 'native_hawaiian_or_pacific_islander', 'two_or_more_races', 'declined')),
      veteran text CHECK (veteran IN ('protected_veteran', 'not_protected_veteran', 'declined')),
      disability text CHECK (disability IN ('yes', 'no', 'declined')),
      submitted_at timestamptz NOT NULL
    )`,
    'CREATE INDEX self_identifications_org ON self_identifications (org_id)',
  ],
  '0031_retention': [
    // An office's retention policy; a month count left null means the policy does not cover that
    // ending, so those candidates are kept (no policy, or no rule, never deletes).
    `CREATE TABLE retention_policies (
      office_id uuid PRIMARY KEY REFERENCES offices(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      rejected_months integer CHECK (rejected_months BETWEEN 1 AND 240),
      withdrawn_months integer CHECK (withdrawn_months BETWEEN 1 AND 240),
      closed_months integer CHECK (closed_months BETWEEN 1 AND 240),
      consent_months integer NOT NULL CHECK (consent_months BETWEEN 1 AND 120),
      renewal_notice_days integer NOT NULL CHECK (renewal_notice_days BETWEEN 1 AND 90),
      version integer NOT NULL,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL
    )`,
    'CREATE INDEX retention_policies_org ON retention_policies (org_id)',
    // Consent to be considered for future jobs: every grant is a row (the history); the newest
    // unexpired, unwithdrawn one is in force.
    `CREATE TABLE candidate_consents (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      application_id uuid REFERENCES applications(id),
      source text NOT NULL CHECK (source IN ('application', 'portal_renewal')),
      given_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      renewal_sent_at timestamptz,
      CHECK (expires_at > given_at)
    )`,
    'CREATE INDEX candidate_consents_candidate ON candidate_consents (org_id, candidate_id, expires_at DESC)',
    'CREATE INDEX candidate_consents_expiring ON candidate_consents (expires_at) WHERE renewal_sent_at IS NULL AND withdrawn_at IS NULL',
    'CREATE UNIQUE INDEX candidate_consents_one_per_application ON candidate_consents (application_id) WHERE application_id IS NOT NULL',
    `CREATE TABLE legal_holds (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      reason text NOT NULL,
      placed_by uuid NOT NULL REFERENCES users(id),
      placed_at timestamptz NOT NULL,
      released_by uuid REFERENCES users(id),
      released_at timestamptz,
      CHECK ((released_at IS NULL) = (released_by IS NULL))
    )`,
    'CREATE INDEX legal_holds_org ON legal_holds (org_id, placed_at DESC, id)',
    'CREATE UNIQUE INDEX legal_holds_one_active ON legal_holds (candidate_id) WHERE released_at IS NULL',
    // What each dry run listed and each purge erased; a line names the candidate by id only.
    `CREATE TABLE purge_runs (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs(id),
      dry boolean NOT NULL,
      trigger text NOT NULL CHECK (trigger IN ('person', 'schedule')),
      run_by uuid REFERENCES users(id),
      dry_run_id uuid REFERENCES purge_runs(id),
      ran_at timestamptz NOT NULL,
      candidates integer NOT NULL,
      kept_on_hold integer NOT NULL,
      kept_by_consent integer NOT NULL,
      more boolean NOT NULL
    )`,
    'CREATE INDEX purge_runs_org ON purge_runs (org_id, ran_at DESC, id)',
    `CREATE TABLE purge_run_lines (
      run_id uuid NOT NULL REFERENCES purge_runs(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      position integer NOT NULL,
      due_since timestamptz NOT NULL,
      consent_expired_at timestamptz,
      reasons jsonb NOT NULL,
      PRIMARY KEY (run_id, candidate_id)
    )`,
  ],
  '0032_screening_tier': [
    // The current annotation's summary, kept on the application so the queue sorts and counts by it
    // without reading the annotation log; null until a matcher has annotated it.
    `ALTER TABLE applications ADD COLUMN screening_tier text
      CHECK (screening_tier IN ('strong', 'possible', 'weak', 'unclear'))`,
    'ALTER TABLE applications ADD COLUMN screening_must_found smallint',
    'ALTER TABLE applications ADD COLUMN screening_must_total smallint',
    // The order of sort=tier: strong, possible, unclear, weak, then not annotated (an opted-out
    // application's earlier tier never counts).
    `ALTER TABLE applications ADD COLUMN screening_rank smallint GENERATED ALWAYS AS (
      CASE WHEN screening_opt_out THEN 4 ELSE
        CASE screening_tier WHEN 'strong' THEN 0 WHEN 'possible' THEN 1 WHEN 'unclear' THEN 2 WHEN 'weak' THEN 3 ELSE 4 END
      END
    ) STORED`,
    `CREATE INDEX applications_step_tier_queue ON applications
      (org_id, (plan -> stage_index ->> 'step'), screening_rank, submitted_at, id) WHERE status = 'active'`,
    `CREATE INDEX applications_job_tier_queue ON applications (org_id, job_id, screening_rank, submitted_at, id)`,
    // The annotation pass claims its own outbox messages; dispatch never sees them.
    `CREATE INDEX outbox_annotations ON outbox (available_at, seq)
      WHERE dispatched_at IS NULL AND kind = 'screening.annotate'`,
  ],
  '0033_job_step_tier_queue': [
    // One job's resume screen by tier, the screening page's own query: with the step inside the
    // key, its first page is one ordered index range. Without it the planner, which cannot
    // estimate the step expression, read the whole step's queue and sorted it.
    `CREATE INDEX applications_job_step_tier_queue ON applications
      (org_id, job_id, (plan -> stage_index ->> 'step'), screening_rank, submitted_at, id) WHERE status = 'active'`,
  ],
  '0034_job_step_queue': [
    // The same queue oldest first. Given 0033's index alone the planner, which cannot estimate the
    // step expression, matched one job's step there and sorted the whole queue by time: 2.5 s
    // at 100,000 applications in one resume screen, against one ordered index range here.
    `CREATE INDEX applications_job_step_queue ON applications
      (org_id, job_id, (plan -> stage_index ->> 'step'), submitted_at, id) WHERE status = 'active'`,
  ],
  '0035_board_content_versions': [
    // The job boards' stamp in one row per organisation, bumped whenever a job, team, office or
    // post of it is written. Before, every board request hashed every open job, team and office of
    // the organisation (O(jobs), about half the cost of a cached answer at 1,001 jobs). The bump is
    // a deferred trigger, so it takes the counter's lock at commit, after every other lock of the
    // transaction: two transactions writing jobs of one organisation cannot deadlock on it.
    `CREATE TABLE board_content_versions (
      org_id uuid PRIMARY KEY REFERENCES orgs(id),
      version bigint NOT NULL
    )`,
    `CREATE FUNCTION board_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed record;
      org uuid;
    BEGIN
      IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
      IF TG_TABLE_NAME = 'job_posts' THEN
        SELECT org_id INTO org FROM boards WHERE id = changed.board_id;
      ELSE
        org := changed.org_id;
      END IF;
      INSERT INTO board_content_versions (org_id, version) VALUES (org, 1)
        ON CONFLICT (org_id) DO UPDATE SET version = board_content_versions.version + 1;
      RETURN NULL;
    END $$`,
    ...['jobs', 'teams', 'offices', 'job_posts'].map(
      (
        table,
      ) => `CREATE CONSTRAINT TRIGGER ${table}_board_content AFTER INSERT OR UPDATE OR DELETE ON ${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION board_content_changed()`,
    ),
  ],
  '0036_han_search': [
    // Chinese has no spaces and its words are mostly two characters, which a trigram cannot hold:
    // every Han character and every pair of neighbours becomes a lexeme, so a query of one or more
    // characters is looked up in this index and its exact text checked on the rows it finds.
    `CREATE FUNCTION han_grams(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_to_tsvector(array_agg(DISTINCT gram.g)), ''::tsvector)
      FROM regexp_matches(t, '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+', 'g') AS run(chars),
        LATERAL generate_series(1, char_length(run.chars[1])) AS i,
        LATERAL (VALUES (substr(run.chars[1], i, 1)), (substr(run.chars[1], i, 2))) AS gram(g)
    $$`,
    'CREATE INDEX candidates_han_search ON candidates USING gin (han_grams(search_text))',
  ],
  '0037_waited_for_messages_first': [
    // Links a person has just asked for or been told to expect go before any backlog: a sign-in
    // link must not wait behind ten thousand rejection emails. The kinds are named once, here.
    `ALTER TABLE outbox ADD COLUMN waited_for boolean GENERATED ALWAYS AS (kind IN
      ('candidate.sign_in_link', 'candidate.scheduling_link', 'candidate.assessment_link', 'staff.password_reset_link')) STORED`,
    'CREATE INDEX outbox_undispatched_first ON outbox (waited_for DESC, seq) WHERE dispatched_at IS NULL',
    'ALTER TABLE deliveries ADD COLUMN waited_for boolean NOT NULL DEFAULT false',
    `CREATE INDEX deliveries_due_first ON deliveries (waited_for DESC, next_attempt_at) WHERE status = 'pending'`,
  ],
};

function toMigration(list: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(Object.entries(statements).map(([name, list]) => [name, toMigration(list)]));
  },
};
