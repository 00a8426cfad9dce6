-- Forget a call (abandoned, or answered outside the router) and remember for a while that it ended, so a late
-- arrival event cannot bring it back. A reservation on it stays until settled; settling it finds no call to return.
-- ARGV: root, id, endedMemory (ms). Returns 0 unknown, 1 removed while waiting, 2 removed while reserved.
local id = ARGV[2]
local call = K.call(id)
local queue = redis.call('HGET', call, 'queue')
if not queue then
  return 0
end
local reserved = redis.call('HEXISTS', call, 'token')
redis.call('ZREM', K.order(queue), id)
redis.call('ZREM', K.since(queue), id)
redis.call('DEL', call)
redis.call('SET', K.ended(id), '1', 'PX', ARGV[3])
changed(id, nil)
return 1 + reserved
