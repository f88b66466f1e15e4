-- divides the change by the current month's revenue instead of the previous month's
with monthly as (
  select to_char(o.ordered_at at time zone 'UTC', 'YYYY-MM') as month,
         sum(i.quantity * i.unit_price) as revenue
  from orders o
  join order_items i on i.order_id = o.id
  where o.status = 'delivered'
  group by 1
)
select month,
       revenue,
       round((revenue - lag(revenue) over (order by month)) / revenue, 4) as growth
from monthly
order by month;
