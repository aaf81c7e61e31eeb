INSERT INTO users (id, display_name, city) VALUES
    (1, 'Alice Liddell', 'Oxford'),
    (2, 'Bob Builder', NULL);
