-- filters on when the video was posted, not when it was watched
select v.creator_id, round(sum(w.watch_seconds) / 3600, 4) as watch_hours
from views w
join videos v on v.id = w.video_id
where v.posted_at >= timestamptz '2026-02-01 00:00Z' and v.posted_at < timestamptz '2026-03-01 00:00Z'
group by v.creator_id
order by watch_hours desc, v.creator_id
limit 5;
