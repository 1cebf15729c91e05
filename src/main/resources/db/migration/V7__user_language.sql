-- The language a user chose in the header (a BCP 47 tag such as "de"); null: the browser's.
alter table users add column language varchar(16);
