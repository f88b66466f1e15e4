import { Link } from 'wouter';
import { Page } from '../../ui';
import { AuditLog } from '../accounts/audit-log';
import { OrganisationTokens } from '../accounts/tokens-section';
import { UsersAdmin } from '../accounts/users-admin';
import { BoardsAdmin } from '../boards/boards-admin';
import { MessagesAdmin } from '../notifications/messages-admin';
import { WebhooksAdmin } from '../notifications/webhooks-admin';
import { ProcessesAdmin } from '../processes/processes-admin';
import { RetentionAdmin } from '../retention/retention-admin';
import { BlindReviewAdmin } from '../screening/blind-review-admin';
import { PoliciesAdmin } from './policies-admin';
import { PracticeLinkAdmin } from './practice-link-admin';
import { SecurityAdmin } from './security-admin';
import { TeamsAdmin } from './teams-admin';

const sections = [
  ['teams', 'Teams'],
  ['users', 'Users and roles'],
  ['processes', 'Processes'],
  ['policies', 'Policies'],
  ['boards', 'Boards and keys'],
  ['messages', 'Message templates'],
  ['webhooks', 'Webhooks'],
  ['practice', 'Practice link'],
  ['retention', 'Data retention'],
  ['security', 'Sign-in and security'],
  ['blind-review', 'Blind review'],
  ['tokens', 'API tokens'],
  ['audit', 'Audit log'],
] as const;

export function AdminPage({ section }: { section: string }) {
  const title = sections.find(([key]) => key === section)?.[1] ?? 'Admin';
  return (
    <Page title={`Admin: ${title}`}>
      <nav aria-label="Admin sections" className="tabs">
        <ul>
          {sections.map(([key, label]) => (
            <li key={key}>
              <Link href={`/app/admin/${key}`} aria-current={key === section ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'teams' && <TeamsAdmin />}
      {section === 'users' && <UsersAdmin />}
      {section === 'processes' && <ProcessesAdmin />}
      {section === 'policies' && <PoliciesAdmin />}
      {section === 'boards' && <BoardsAdmin />}
      {section === 'messages' && <MessagesAdmin />}
      {section === 'webhooks' && <WebhooksAdmin />}
      {section === 'practice' && <PracticeLinkAdmin />}
      {section === 'retention' && <RetentionAdmin />}
      {section === 'security' && <SecurityAdmin />}
      {section === 'blind-review' && <BlindReviewAdmin />}
      {section === 'tokens' && <OrganisationTokens />}
      {section === 'audit' && <AuditLog />}
    </Page>
  );
}
