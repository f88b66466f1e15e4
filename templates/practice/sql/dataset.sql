-- A small online shop and its ad campaigns over the second quarter of 2026: customers, products,
-- orders with their lines, the campaigns' daily delivery and the clicks customers made on them.
-- Practice questions run on this data, never on the hiring questions' short-video data. Generated
-- from hashes, so every load is the same. Run once to make the snapshot each SQL run starts from.
create function pseudo_random(seed text) returns double precision
  language sql immutable as $$ select (abs(hashtext(seed)) % 1000003) / 1000003.0 $$;

create table customers (
  id integer primary key,
  joined_on date not null,
  country text not null
);
insert into customers
select id,
       date '2026-04-01' + floor(pseudo_random('joined' || id) * 91)::int,
       (array['US', 'GB', 'MX', 'ID', 'PL'])[1 + floor(pseudo_random('land' || id) * 5)::int]
from generate_series(1, 1500) as id;

create table products (
  id integer primary key,
  category text not null,
  price numeric(8, 2) not null
);
insert into products
select id,
       (array['beauty', 'fashion', 'home', 'electronics', 'snacks'])[1 + (id % 5)],
       round((3 + pseudo_random('price' || id) ^ 2 * 240)::numeric, 2)
from generate_series(1, 200) as id;

-- About one order in ten is cancelled and one in fifteen returned; only delivered orders earn.
create table orders (
  id integer primary key,
  customer_id integer not null references customers,
  ordered_at timestamptz not null,
  status text not null check (status in ('delivered', 'cancelled', 'returned'))
);
insert into orders
select n,
       c.id,
       least(c.joined_on + pseudo_random('when' || n) ^ 1.5 * (date '2026-06-30' - c.joined_on) * interval '1 day'
               + pseudo_random('hour' || n) * interval '20 hours',
             timestamptz '2026-06-30 23:00:00'),
       case when pseudo_random('status' || n) < 0.10 then 'cancelled'
            when pseudo_random('status' || n) < 0.167 then 'returned'
            else 'delivered' end
from generate_series(1, 4000) as n
join customers c on c.id = 1 + floor(pseudo_random('buyer' || n) ^ 1.3 * 1200)::int;

create table order_items (
  order_id integer not null references orders,
  product_id integer not null references products,
  quantity integer not null,
  unit_price numeric(8, 2) not null,
  primary key (order_id, product_id)
);
-- One to four lines an order; the price paid is the list price less an occasional discount.
insert into order_items
select distinct on (o.id, p.id) o.id, p.id,
       1 + floor(pseudo_random('qty' || o.id || '-' || line) ^ 3 * 4)::int,
       round(p.price * (case when pseudo_random('deal' || o.id || '-' || line) < 0.2 then 0.8 else 1 end), 2)
from orders o
cross join generate_series(1, 4) as line
join products p on p.id = 1 + floor(pseudo_random('item' || o.id || '-' || line) ^ 1.7 * 200)::int
where line = 1 or pseudo_random('more' || o.id || '-' || line) < 0.45
order by o.id, p.id, line;

create table campaigns (
  id integer primary key,
  name text not null unique,
  channel text not null check (channel in ('in-feed', 'search', 'creator')),
  starts_on date not null,
  ends_on date not null
);
insert into campaigns values
  (1, 'Spring glow', 'in-feed', '2026-04-01', '2026-04-30'),
  (2, 'Glow search', 'search', '2026-04-01', '2026-05-15'),
  (3, 'Unboxing week', 'creator', '2026-04-10', '2026-04-24'),
  (4, 'Home refresh', 'in-feed', '2026-04-20', '2026-05-31'),
  (5, 'Gadget deals', 'search', '2026-05-01', '2026-06-30'),
  (6, 'Snack haul', 'creator', '2026-05-05', '2026-05-25'),
  (7, 'Summer fits', 'in-feed', '2026-05-15', '2026-06-30'),
  (8, 'Desk setup', 'creator', '2026-06-01', '2026-06-21'),
  (9, 'Mid-year sale', 'search', '2026-06-10', '2026-06-30');

-- Busy days reach colder audiences: the more impressions a day has, the lower its click rate.
create table campaign_days (
  campaign_id integer not null references campaigns,
  day date not null,
  impressions integer not null,
  clicks integer not null,
  spend numeric(10, 2) not null,
  primary key (campaign_id, day)
);
insert into campaign_days
select c.id, d.day, d.impressions,
       round(d.impressions * (case c.channel when 'search' then 0.045 when 'creator' then 0.03 else 0.015 end)
             * (0.4 + 1.6 * (1 - d.heat)))::int,
       round((d.impressions * (case c.channel when 'search' then 9 when 'creator' then 6 else 4 end) / 1000.0)::numeric, 2)
from campaigns c
cross join lateral (
  select g::date as day,
         pseudo_random('heat' || c.id || g::date) as heat,
         (500 + pseudo_random('heat' || c.id || g::date) ^ 2 * 40000)::int as impressions
  from generate_series(c.starts_on, c.ends_on, interval '1 day') as g
) d;

-- The clicks made by signed-in customers (a sample of all clicks), each on a day its campaign ran.
create table ad_clicks (
  id integer primary key,
  campaign_id integer not null references campaigns,
  customer_id integer not null references customers,
  clicked_at timestamptz not null
);
insert into ad_clicks
select n, c.id,
       1 + floor(pseudo_random('clicker' || n) * 1500)::int,
       c.starts_on + floor(pseudo_random('clickday' || n) * (c.ends_on - c.starts_on + 1))::int
         + pseudo_random('clicktime' || n) * interval '23 hours'
from generate_series(1, 6000) as n
join campaigns c on c.id = 1 + floor(pseudo_random('campaign' || n) * 9)::int;

drop function pseudo_random(text);

-- Runs connect as this role: it can read the tables and nothing else.
create role candidate login;
grant select on all tables in schema public to candidate;
