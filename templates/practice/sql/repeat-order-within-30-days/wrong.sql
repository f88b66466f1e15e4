-- counts any second order, however late it came
with counts as (
  select customer_id, count(*) as placed
  from orders
  where status <> 'cancelled'
  group by customer_id
)
select count(*) as buyers,
       count(*) filter (where placed >= 2) as repeat_buyers,
       round(count(*) filter (where placed >= 2)::numeric / count(*), 4) as repeat_share
from counts;
