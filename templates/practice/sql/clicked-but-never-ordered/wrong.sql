-- counts clicks, so a customer who clicked three times counts three times
select c.channel,
       count(*) as customers
from ad_clicks k
join campaigns c on c.id = k.campaign_id
where not exists (select 1 from orders o where o.customer_id = k.customer_id)
group by c.channel;
