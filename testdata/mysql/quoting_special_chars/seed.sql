INSERT INTO `order items` VALUES (1, 9.99, 'a`b', 1), (2, 0.50, NULL, NULL);
