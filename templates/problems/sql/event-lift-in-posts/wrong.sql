-- the "before" window overlaps the event and is only 7 days long
with e as (select starts_on, ends_on from events where name = '#SpringDance'),
daily as (
  select (v.posted_at at time zone 'UTC')::date as day, count(*) as posts
  from videos v, e
  where (v.posted_at at time zone 'UTC')::date between e.starts_on - 7 and e.ends_on
  group by 1
)
select round(avg(posts) filter (where day <= e.starts_on), 4) as before_per_day,
       round(avg(posts) filter (where day >= e.starts_on), 4) as during_per_day,
       round(avg(posts) filter (where day >= e.starts_on) / avg(posts) filter (where day <= e.starts_on) - 1, 4) as lift
from daily, e;
