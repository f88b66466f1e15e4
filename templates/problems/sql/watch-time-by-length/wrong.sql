-- a 15-second video lands in "short", and the share is not capped
select bucket, count(*) as views,
       round(avg(w.watch_seconds), 4) as avg_watch_seconds,
       round(avg(w.watch_seconds / v.duration_seconds), 4) as avg_share_watched
from views w
join videos v on v.id = w.video_id
cross join lateral (select case when v.duration_seconds <= 15 then 'short'
                                when v.duration_seconds < 60 then 'medium' else 'long' end as bucket) b
group by bucket
order by case bucket when 'short' then 1 when 'medium' then 2 else 3 end;
