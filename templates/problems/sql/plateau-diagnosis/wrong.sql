-- counts user-days instead of users
with weeks as (
  select generate_series(date '2026-01-05', date '2026-03-23', interval '7 days')::date as week
)
select w.week,
       (select count(*) from users u where date_trunc('week', u.signed_up_on)::date = w.week) as new_users,
       (select count(*) from daily_active_users a where date_trunc('week', a.day)::date = w.week) as active_users,
       (select count(*) from daily_active_users p
         where date_trunc('week', p.day)::date = w.week - 7
           and not exists (select 1 from daily_active_users a
                            where a.user_id = p.user_id and date_trunc('week', a.day)::date = w.week)) as churned_users
from weeks w
order by w.week;
