-- averages the daily rates, so a quiet day weighs as much as a busy one
select c.name,
       c.channel,
       sum(d.impressions) as impressions,
       sum(d.clicks) as clicks,
       round(avg(d.clicks::numeric / d.impressions), 4) as click_rate,
       round(avg(d.spend / nullif(d.clicks, 0)), 2) as cost_per_click
from campaigns c
join campaign_days d on d.campaign_id = c.id
group by c.id, c.name, c.channel
order by click_rate desc;
