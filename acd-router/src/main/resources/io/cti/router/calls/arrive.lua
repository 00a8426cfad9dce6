-- A call's arrival in one round trip: the arrival time kept from the first delivery (HSETNX), the fields written
-- (an empty value deletes its field), the record kept ARGV[2] seconds from now, and the whole record returned as
-- field, value, ... (HGETALL). KEYS[1] the record. ARGV: root, keep (s), arrival field, arrival (ms), then field,
-- value, ...
local key = KEYS[1]
redis.call('HSETNX', key, ARGV[3], ARGV[4])
for i = 5, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', key, ARGV[i])
  else
    redis.call('HSET', key, ARGV[i], ARGV[i + 1])
  end
end
redis.call('EXPIRE', key, ARGV[2])
return redis.call('HGETALL', key)
