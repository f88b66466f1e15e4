with e as (select starts_on, ends_on from events where name = '#SpringDance'),
daily as (
  select d::date as day, (select count(*) from videos v where (v.posted_at at time zone 'UTC')::date = d::date) as posts
  from e, generate_series(e.starts_on - 14, e.ends_on, interval '1 day') as d
)
select round(avg(posts) filter (where day < e.starts_on), 4) as before_per_day,
       round(avg(posts) filter (where day >= e.starts_on), 4) as during_per_day,
       round(avg(posts) filter (where day >= e.starts_on) / avg(posts) filter (where day < e.starts_on) - 1, 4) as lift
from daily, e;
