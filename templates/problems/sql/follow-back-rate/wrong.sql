-- counts each mutual pair once, as if only the first follow mattered
select count(*) as follows,
       count(b.follower_id) filter (where f.follower_id < f.followee_id) as returned,
       round((count(b.follower_id) filter (where f.follower_id < f.followee_id))::numeric / count(*), 4) as share_returned
from follows f
left join follows b on b.follower_id = f.followee_id and b.followee_id = f.follower_id;
