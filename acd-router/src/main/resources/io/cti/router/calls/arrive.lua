-- A call's arrival in one round trip: the arrival time kept from the first delivery (HSETNX), the fields written
-- (an empty value deletes its field), the record kept ARGV[2] seconds from now, and the whole record returned as
-- field, value, ... (HGETALL). KEYS[1] the record. ARGV: root, keep (s), arrival field, arrival (ms), then field,
-- value, ...
local key = KEYS[1]
redis.call('HSETNX', key, ARGV[3], ARGV[4])
write_fields(key, 5)
redis.call('EXPIRE', key, ARGV[2])
return redis.call('HGETALL', key)
