-- counts cancelled and returned orders as revenue
select p.category,
       count(distinct o.id) as orders,
       sum(i.quantity * i.unit_price) as revenue
from orders o
join order_items i on i.order_id = o.id
join products p on p.id = i.product_id
group by p.category
order by revenue desc;
