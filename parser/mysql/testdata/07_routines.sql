-- Triggers and routines (not modelled) between modelled tables.
CREATE TABLE audit_log (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  action varchar(10) NOT NULL,
  at timestamp NOT NULL DEFAULT current_timestamp()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DELIMITER ;;
CREATE TRIGGER items_ai AFTER INSERT ON items FOR EACH ROW
BEGIN
  INSERT INTO audit_log (action) VALUES ('insert');
END ;;
CREATE PROCEDURE purge_log(IN days int)
BEGIN
  DELETE FROM audit_log WHERE at < now() - INTERVAL days DAY;
  SELECT 'done; really';
END ;;
DELIMITER ;

CREATE FUNCTION item_count() RETURNS int DETERMINISTIC READS SQL DATA RETURN (SELECT count(*) FROM items);

CREATE TABLE tags (
  id int NOT NULL PRIMARY KEY,
  item_id int NOT NULL,
  tag varchar(20) NOT NULL,
  UNIQUE KEY (item_id, tag),
  FOREIGN KEY (item_id) REFERENCES items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
