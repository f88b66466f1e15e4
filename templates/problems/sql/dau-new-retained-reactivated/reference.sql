select d.day,
       count(*) filter (where u.signed_up_on = d.day) as new,
       count(*) filter (where u.signed_up_on <> d.day and y.user_id is not null) as retained,
       count(*) filter (where u.signed_up_on <> d.day and y.user_id is null) as reactivated
from daily_active_users d
join users u on u.id = d.user_id
left join daily_active_users y on y.user_id = d.user_id and y.day = d.day - 1
where d.day between date '2026-03-01' and date '2026-03-07'
group by d.day
order by d.day;
