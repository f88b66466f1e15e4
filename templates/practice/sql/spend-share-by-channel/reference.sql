with monthly as (
  select to_char(d.day, 'YYYY-MM') as month, c.channel, sum(d.spend) as spend
  from campaign_days d
  join campaigns c on c.id = d.campaign_id
  group by 1, 2
)
select month, channel, spend,
       round(spend / sum(spend) over (partition by month), 4) as share_of_month
from monthly
order by month, channel;
