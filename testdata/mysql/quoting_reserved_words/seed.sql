INSERT INTO `order` (`key`, `group`, `desc`) VALUES ('k1', 'g', 'first'), ('k2', 'g', NULL);
INSERT INTO `select` (`from`, `where`, `order_id`) VALUES (1, 'here', 1), (2, 'there', 2);
