with first_orders as (
  select customer_id, min(ordered_at) as first_at
  from orders
  group by customer_id
)
select c.channel, count(distinct k.customer_id) as customers
from ad_clicks k
join campaigns c on c.id = k.campaign_id
join first_orders f on f.customer_id = k.customer_id
where f.first_at > k.clicked_at
  and f.first_at <= k.clicked_at + interval '7 days'
group by c.channel;
