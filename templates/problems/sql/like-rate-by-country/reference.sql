with v as (select u.country, count(*) as views from views w join users u on u.id = w.viewer_id group by u.country),
l as (select u.country, count(*) as likes from likes k join users u on u.id = k.user_id group by u.country)
select v.country, v.views, coalesce(l.likes, 0) as likes,
       round(coalesce(l.likes, 0)::numeric / v.views, 4) as likes_per_view
from v left join l on l.country = v.country
order by likes_per_view desc;
