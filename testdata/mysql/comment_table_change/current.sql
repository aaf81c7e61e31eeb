CREATE TABLE `payments` (
  `id` bigint(20) NOT NULL,
  `amount_cents` bigint(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='card payments';

CREATE TABLE `refunds` (
  `id` bigint(20) NOT NULL,
  `payment_id` bigint(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
