select v.video_type,
       count(*) as views,
       round(avg(case when w.watch_seconds >= v.duration_seconds then 1.0 else 0 end), 4) as completion_rate
from views w
join videos v on v.id = w.video_id
group by v.video_type
order by completion_rate desc;
