import type { ReactNode } from 'react';
import { label } from '../../labels';
import type { FeedItem } from '../../types';
import { when } from '../../ui';

const kindWords: Record<FeedItem['kind'], string> = {
  application: 'Application',
  decision: 'Decision',
  interview: 'Interview',
  offer: 'Offer',
  message: 'Message',
};
const actionWords: Record<string, string> = {
  'message.received': 'Reply received',
  'message.sent': 'Message sent',
  'message.sending': 'Message being sent',
  'message.scheduled': 'Message scheduled',
  'message.failed': 'Message could not be sent',
};

/**
 * Everything that happened with this person, newest first, in the reader's zone. `notes` is where
 * the hiring team's notes join the feed (they are their own items, merged by time by the caller).
 */
export function ActivityFeed({
  items,
  timeZone,
  notes,
}: {
  items: FeedItem[];
  timeZone: string;
  /** The hiring team's notes on the person, each with its time, to read among the rest. */
  notes?: { id: string; at: string; node: ReactNode }[];
}) {
  // Reversed before the (stable) sort, so things that happened in one instant read newest first too.
  const all = [
    ...items.map((i) => ({ id: i.id, at: i.at, node: <FeedLine item={i} timeZone={timeZone} /> })),
    ...(notes ?? []),
  ]
    .reverse()
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">Activity</h2>
      <p className="meta">Newest first; times in {timeZone}.</p>
      {all.length === 0 ? (
        <p className="empty">Nothing has happened yet.</p>
      ) : (
        <ul className="timeline">
          {all.map((i) => (
            <li key={i.id}>{i.node}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedLine({ item: i, timeZone }: { item: FeedItem; timeZone: string }) {
  return (
    <>
      <time dateTime={i.at}>{when(i.at, timeZone)}</time> <span className="meta">{kindWords[i.kind]}:</span>{' '}
      <strong>{actionWords[i.action] ?? label(i.action)}</strong>
      {i.jobTitle && <span className="meta"> · {i.jobTitle}</span>}
      {i.actorName && <span className="meta"> · by {i.actorName}</span>}
      {i.detail && <span> — {i.detail}</span>}
    </>
  );
}
