-- integer division: every rate comes out 0
select v.video_type,
       count(*) as views,
       count(*) filter (where w.watch_seconds >= v.duration_seconds) / count(*) as completion_rate
from views w
join videos v on v.id = w.video_id
group by v.video_type
order by completion_rate desc;
