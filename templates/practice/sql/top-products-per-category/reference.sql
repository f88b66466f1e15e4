with units as (
  select p.category, p.id as product_id, sum(i.quantity) as units
  from orders o
  join order_items i on i.order_id = o.id
  join products p on p.id = i.product_id
  where o.status = 'delivered'
  group by p.category, p.id
),
ranked as (
  select category, product_id, units,
         rank() over (partition by category order by units desc) as place
  from units
)
select category, product_id, units, place
from ranked
where place <= 3
order by category, place, product_id;
