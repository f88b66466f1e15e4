select c.channel,
       count(distinct k.customer_id) as customers
from ad_clicks k
join campaigns c on c.id = k.campaign_id
where not exists (select 1 from orders o where o.customer_id = k.customer_id)
group by c.channel;
