INSERT INTO bookings (id, guest, seats, note) VALUES (1, 'Ann', '[1,4)', 'Window'), (2, 'Bob', '[10,12)', NULL), (3, 'Cy', NULL, 'aisle');
