-- Overflow: move a waiting call to another queue with the place computed there, keeping when it arrived.
-- A reserved call is not moved (the reservation decides its fate). ARGV: root, id, to, orderKey.
-- Returns 1 moved, 0 unknown, -1 reserved.
local id, to, order = ARGV[2], ARGV[3], ARGV[4]
local call = K.call(id)
local from = redis.call('HGET', call, 'queue')
if not from then
  return 0
end
if redis.call('HEXISTS', call, 'token') == 1 then
  return -1
end
local since = redis.call('HGET', call, 'enqueuedAt')
redis.call('ZREM', K.order(from), id)
redis.call('ZREM', K.since(from), id)
redis.call('HSET', call, 'queue', to, 'orderKey', order)
redis.call('ZADD', K.order(to), order, id)
redis.call('ZADD', K.since(to), since, id)
changed(id, nil)
return 1
