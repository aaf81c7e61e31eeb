INSERT INTO public.orders (id, total) VALUES (3, 40.00);
INSERT INTO archive.orders (id, total) VALUES (1, 10.00), (2, 15.50);
