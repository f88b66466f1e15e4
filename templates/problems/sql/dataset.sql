-- A short-video app over the first quarter of 2026: who signed up, who was active each day, who
-- follows whom, the videos posted, every view with its watch time, and the likes. Generated from
-- hashes, so every load is the same. Run once to make the snapshot each SQL run starts from.
create function pseudo_random(seed text) returns double precision
  language sql immutable as $$ select (abs(hashtext(seed)) % 1000003) / 1000003.0 $$;

create table users (
  id integer primary key,
  signed_up_on date not null,
  country text not null
);
insert into users
select id,
       date '2026-01-01' + floor(pseudo_random('signup' || id) ^ 1.6 * 90)::int,
       (array['US', 'GB', 'ID', 'BR', 'JP', 'DE'])[1 + floor(pseudo_random('country' || id) * 6)::int]
from generate_series(1, 2000) as id;

-- One row per user per day they opened the app; the chance fades in the weeks after sign-up.
create table daily_active_users (
  user_id integer not null references users,
  day date not null,
  primary key (user_id, day)
);
insert into daily_active_users
select u.id, d::date
from users u
cross join generate_series(u.signed_up_on, date '2026-03-31', interval '1 day') as d
where d::date = u.signed_up_on
   or pseudo_random('active' || u.id || d::date) < 0.08 + 0.55 * exp(-(d::date - u.signed_up_on) / 30.0);

create table follows (
  follower_id integer not null references users,
  followee_id integer not null references users,
  followed_at timestamptz not null,
  primary key (follower_id, followee_id)
);
insert into follows
select distinct on (f, e) f, e, timestamptz '2026-01-01' + pseudo_random('followed' || n) * interval '89 days'
from (
  select n, 1 + floor(pseudo_random('follower' || n) * 2000)::int as f,
            1 + floor(pseudo_random('followee' || n) ^ 2 * 2000)::int as e
  from generate_series(1, 9000) as n
) pairs
where f <> e;
-- About a third of follows are returned.
insert into follows
select followee_id, follower_id, followed_at + interval '1 day'
from follows
where pseudo_random('back' || follower_id || '-' || followee_id) < 0.35
on conflict do nothing;

create table videos (
  id integer primary key,
  creator_id integer not null references users,
  video_type text not null,
  duration_seconds integer not null,
  posted_at timestamptz not null
);
-- 3,600 videos through the quarter, then 400 more during the #SpringDance event (9–15 March).
insert into videos
select id,
       1 + floor(pseudo_random('creator' || id) ^ 2 * 2000)::int,
       (array['dance', 'comedy', 'education', 'food', 'gaming'])[1 + floor(pseudo_random('type' || id) * 5)::int],
       5 + floor(pseudo_random('duration' || id) * 175)::int,
       timestamptz '2026-01-01' + pseudo_random('posted' || id) * interval '90 days'
from generate_series(1, 3600) as id;
insert into videos
select id,
       1 + floor(pseudo_random('creator' || id) * 2000)::int,
       'dance',
       10 + floor(pseudo_random('duration' || id) * 50)::int,
       timestamptz '2026-03-09' + pseudo_random('posted' || id) * interval '7 days'
from generate_series(3601, 4000) as id;

create table events (
  name text primary key,
  starts_on date not null,
  ends_on date not null
);
insert into events values ('#SpringDance', date '2026-03-09', date '2026-03-15');

-- Each type has its own habits: how many views end within three seconds, how many reach the end.
create table views (
  id integer primary key,
  video_id integer not null references videos,
  viewer_id integer not null references users,
  viewed_at timestamptz not null,
  watch_seconds numeric(6, 1) not null
);
insert into views
select v.id, v.video_id, v.viewer_id, least(vid.posted_at + v.later * interval '3 days', timestamptz '2026-03-31 23:59:59'),
       round((case
         when v.fate < t.quick_exit then v.depth * 2.9
         when v.fate < t.quick_exit + t.completion then vid.duration_seconds
         else 3 + v.depth * (vid.duration_seconds - 3)
       end)::numeric, 1)
from (
  select n as id,
         1 + floor(pseudo_random('video' || n) ^ 1.4 * 4000)::int as video_id,
         1 + floor(pseudo_random('viewer' || n) * 2000)::int as viewer_id,
         pseudo_random('later' || n) as later,
         pseudo_random('fate' || n) as fate,
         pseudo_random('depth' || n) as depth
  from generate_series(1, 60000) as n
) v
join videos vid on vid.id = v.video_id
join (values ('dance', 0.22, 0.48), ('comedy', 0.30, 0.40), ('education', 0.45, 0.20),
             ('food', 0.28, 0.35), ('gaming', 0.35, 0.30)) as t(video_type, quick_exit, completion)
  on t.video_type = vid.video_type;

create table likes (
  video_id integer not null references videos,
  user_id integer not null references users,
  liked_at timestamptz not null,
  primary key (video_id, user_id)
);
insert into likes
select distinct on (v.video_id, v.viewer_id) v.video_id, v.viewer_id, v.viewed_at + interval '30 seconds'
from views v
join videos vid on vid.id = v.video_id
where pseudo_random('like' || v.id) < case when v.watch_seconds >= vid.duration_seconds then 0.25 else 0.05 end
order by v.video_id, v.viewer_id, v.viewed_at;

drop function pseudo_random(text);

-- Runs connect as this role: it can read the tables and nothing else.
create role candidate login;
grant select on all tables in schema public to candidate;
