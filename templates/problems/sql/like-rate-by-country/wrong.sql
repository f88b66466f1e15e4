-- joins likes to every view of the same viewer, multiplying them
select u.country, count(distinct w.id) as views, count(k.video_id) as likes,
       round(count(k.video_id)::numeric / count(distinct w.id), 4) as likes_per_view
from views w
join users u on u.id = w.viewer_id
left join likes k on k.user_id = w.viewer_id
group by u.country
order by likes_per_view desc;
