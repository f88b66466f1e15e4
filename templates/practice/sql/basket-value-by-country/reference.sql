with baskets as (
  select o.id, cu.country, sum(i.quantity * i.unit_price) as value
  from orders o
  join customers cu on cu.id = o.customer_id
  join order_items i on i.order_id = o.id
  where o.status = 'delivered'
  group by o.id, cu.country
)
select country, count(*) as orders, round(avg(value), 2) as average_basket
from baskets
group by country
order by average_basket desc;
