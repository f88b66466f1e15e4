with weekly as (
  select distinct user_id, date_trunc('week', day)::date as week from daily_active_users
),
weeks as (
  select generate_series(date '2026-01-05', date '2026-03-23', interval '7 days')::date as week
)
select w.week,
       (select count(*) from users u where date_trunc('week', u.signed_up_on)::date = w.week) as new_users,
       (select count(*) from weekly a where a.week = w.week) as active_users,
       (select count(*) from weekly p
         where p.week = w.week - 7
           and not exists (select 1 from weekly a where a.user_id = p.user_id and a.week = w.week)) as churned_users
from weeks w
order by w.week;
