-- Hand-written with the short and alias spellings.
CREATE TABLE measurements (
    id serial,
    sensor integer NOT NULL,
    ok bool NOT NULL DEFAULT true,
    calibrated boolean,
    reading dec,
    scaled numeric(8,2),
    ratio real,
    precise double precision,
    flag char,
    label character varying(40),
    tiny int1,
    big int8,
    medium middleint,
    counter int unsigned NOT NULL DEFAULT 0
);
