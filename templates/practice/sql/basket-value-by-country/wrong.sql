-- averages order lines, not orders
select cu.country,
       count(distinct o.id) as orders,
       round(avg(i.quantity * i.unit_price), 2) as average_basket
from orders o
join customers cu on cu.id = o.customer_id
join order_items i on i.order_id = o.id
where o.status = 'delivered'
group by cu.country
order by average_basket desc;
