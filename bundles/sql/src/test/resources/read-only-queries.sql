SELECT * FROM dbo.customers
====
SELECT TOP 5 [name], [email] FROM [dbo].[customers] ORDER BY [name]
====
SELECT c.name, COUNT(o.id) AS orders FROM dbo.customers c LEFT JOIN dbo.orders o ON o.customer_id = c.id GROUP BY c.name HAVING COUNT(o.id) > 1
====
WITH totals AS (SELECT customer_id, SUM(total) AS spent FROM dbo.orders GROUP BY customer_id) SELECT * FROM totals WHERE spent > 100
====
SELECT name FROM dbo.customers WITH (NOLOCK) WHERE country = 'Norway'
====
SELECT id, name FROM dbo.products ORDER BY id OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY
====
SELECT 'DELETE FROM dbo.customers; EXEC(''x'')' AS harmless_text
====
SELECT [Last Update], [Into] FROM dbo.weird_names
====
-- a comment that says DROP TABLE
SELECT 1 /* and another with EXEC */
====
SELECT name, ROW_NUMBER() OVER (PARTITION BY country ORDER BY created_at) AS rn FROM dbo.customers
====
SELECT ISNULL(email, 'none'), GETDATE() FROM dbo.customers;
====
SELECT category FROM dbo.products UNION SELECT country FROM dbo.customers
====
SELECT * FROM dbo.orders WHERE customer_id = ? AND order_date >= ?
