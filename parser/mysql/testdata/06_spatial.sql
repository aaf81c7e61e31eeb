-- Spatial types and keys (the TiDB parser knows neither).
CREATE TABLE places (
  id int unsigned NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  location point NOT NULL,
  area polygon NOT NULL,
  route linestring,
  shape geometry NOT NULL,
  spots multipoint,
  paths multilinestring,
  regions multipolygon,
  things geometrycollection,
  PRIMARY KEY (id),
  SPATIAL KEY location (location),
  SPATIAL INDEX (area)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE SPATIAL INDEX shape_idx ON places (shape);
