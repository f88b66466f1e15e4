-- averages each video's share, so a video seen once weighs as much as one seen a hundred times
select video_type, round(avg(share), 4) as early_exit_share
from (
  select v.id, v.video_type, avg(case when w.watch_seconds < 3 then 1.0 else 0 end) as share
  from views w
  join videos v on v.id = w.video_id
  group by v.id, v.video_type
) per_video
group by video_type
order by early_exit_share desc;
