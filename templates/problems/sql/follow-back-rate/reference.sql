select count(*) as follows,
       count(b.follower_id) as returned,
       round(count(b.follower_id)::numeric / count(*), 4) as share_returned
from follows f
left join follows b on b.follower_id = f.followee_id and b.followee_id = f.follower_id;
