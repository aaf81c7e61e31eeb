/*
 * Verbose style: full type names, table-level constraints, explicit defaults,
 * upper-case keywords and unquoted upper-case identifiers (folded to lower case).
 */
CREATE TABLE "users" (
    id            BIGINT                   NOT NULL,
    email         CHARACTER VARYING(255)   NOT NULL,
    nickname      CHARACTER VARYING,
    age           INTEGER,
    score         INTEGER                  DEFAULT '-1'::integer,
    active        BOOLEAN                  DEFAULT TRUE NOT NULL,
    balance       NUMERIC(10, 2)           DEFAULT 0 NOT NULL,
    ratio         DOUBLE PRECISION,
    rank          SMALLINT,
    country       CHARACTER(2),
    tags          TEXT[],
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT NOW() NOT NULL,
    imported_at   TIMESTAMP WITHOUT TIME ZONE,
    label         TEXT                     DEFAULT 'x'::text,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_age_check CHECK ((age >= 0))
);

CREATE TABLE public.Orders (
    ID        BIGINT GENERATED ALWAYS AS IDENTITY,
    User_Id   BIGINT NOT NULL,
    Status    CHARACTER VARYING(10) DEFAULT 'new'::character varying NOT NULL,
    Total     DECIMAL(12, 2),
    Placed_At TIMESTAMP(3) WITH TIME ZONE,
    PRIMARY KEY (ID),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
        MATCH SIMPLE ON UPDATE NO ACTION ON DELETE CASCADE NOT DEFERRABLE,
    CONSTRAINT orders_status_check
        CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'done'::character varying])::text[])))
);

CREATE INDEX orders_user_id_idx ON public.orders USING btree (user_id ASC);
CREATE UNIQUE INDEX users_lower_email_idx ON public.users USING btree (lower((email)::text));
CREATE INDEX orders_placed_at_idx ON public.orders USING btree (placed_at DESC);

CREATE VIEW public.active_users AS
SELECT
    id,
    email
FROM
    public.users
WHERE
    active;

COMMENT ON TABLE public.users IS 'Users';
