import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { useApi } from '../../client';

/** The header's bell: how many notifications are unread, checked on each page change and every minute. */
export function Bell() {
  const [location] = useLocation();
  const unread = useApi('GET /api/inbox/unread', {});
  const { reload } = unread;
  // The first page's count is the one just asked for; each later page asks again.
  const shownAt = useRef(location);
  useEffect(() => {
    if (shownAt.current === location) return;
    shownAt.current = location;
    reload();
  }, [location, reload]);
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    const onChange = () => reload();
    window.addEventListener('inbox-changed', onChange);
    return () => {
      clearInterval(timer);
      window.removeEventListener('inbox-changed', onChange);
    };
  }, [reload]);
  const n = unread.data?.unread ?? 0;
  return (
    <Link href="/app/inbox" className="bell" aria-current={location === '/app/inbox' ? 'page' : undefined}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" className="bell-icon">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="visually-hidden">Notifications, </span>
      {n > 0 ? (
        <span className="count">
          {n}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : (
        <span className="visually-hidden">none unread</span>
      )}
    </Link>
  );
}
