with ranked as (
  select customer_id, ordered_at,
         row_number() over (partition by customer_id order by ordered_at) as nth
  from orders
  where status <> 'cancelled'
),
firsts as (
  select f.customer_id, f.ordered_at as first_at, s.ordered_at as second_at
  from ranked f
  left join ranked s on s.customer_id = f.customer_id and s.nth = 2
  where f.nth = 1
)
select count(*) as buyers,
       count(*) filter (where second_at <= first_at + interval '30 days') as repeat_buyers,
       round(count(*) filter (where second_at <= first_at + interval '30 days')::numeric / count(*), 4) as repeat_share
from firsts;
