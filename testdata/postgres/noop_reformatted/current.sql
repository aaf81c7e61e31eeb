-- terse style: type aliases, inline constraints, lower-case keywords
create table public.users (
  id int8 primary key,
  email varchar(255) not null unique,
  nickname varchar,
  age int4 check (age >= 0),
  score int default -1,
  active bool not null default true,
  balance decimal(10,2) not null default 0,
  ratio float8,
  rank int2,
  country char(2),
  tags _text,
  created_at timestamptz not null default now(),
  imported_at timestamp,
  label text default 'x'
);

create table orders (
  id bigint generated always as identity primary key,
  user_id int8 not null references users on delete cascade,
  status varchar(10) not null default 'new' check (status in ('new', 'done')),
  total numeric(12,2),
  placed_at timestamptz(3)
);

create index orders_user_id_idx on orders (user_id);
create unique index users_lower_email_idx on users (lower(email));
create index orders_placed_at_idx on orders (placed_at desc nulls first);

create view active_users as select id, email from users where active;

comment on table users is 'Users';
