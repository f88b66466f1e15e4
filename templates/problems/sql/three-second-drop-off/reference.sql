select v.video_type,
       round(avg(case when w.watch_seconds < 3 then 1.0 else 0 end), 4) as early_exit_share
from views w
join videos v on v.id = w.video_id
group by v.video_type
order by early_exit_share desc;
