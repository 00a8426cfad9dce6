create table probe_module_item (id bigint primary key, customer_id bigint references customer (id));
