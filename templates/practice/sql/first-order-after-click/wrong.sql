-- counts any order after a click, so customers who had bought before count too
select c.channel, count(distinct k.customer_id) as customers
from ad_clicks k
join campaigns c on c.id = k.campaign_id
join orders o on o.customer_id = k.customer_id
where o.ordered_at > k.clicked_at
  and o.ordered_at <= k.clicked_at + interval '7 days'
group by c.channel;
