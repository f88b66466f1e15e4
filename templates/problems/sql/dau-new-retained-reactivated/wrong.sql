-- "retained" taken as active at any time before, not the day before
select d.day,
       count(*) filter (where u.signed_up_on = d.day) as new,
       count(*) filter (where u.signed_up_on <> d.day
                          and exists (select 1 from daily_active_users e where e.user_id = d.user_id and e.day < d.day)) as retained,
       count(*) filter (where u.signed_up_on <> d.day
                          and not exists (select 1 from daily_active_users e where e.user_id = d.user_id and e.day < d.day)) as reactivated
from daily_active_users d
join users u on u.id = d.user_id
where d.day between date '2026-03-01' and date '2026-03-07'
group by d.day
order by d.day;
