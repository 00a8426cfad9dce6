-- The agent answered: call and reservation are gone, the agent is busy (neither Ready nor reserved), and the call
-- is remembered as ended for a while. ARGV: root, token, endedMemory (ms). Returns 'done', 'expired' or 'stale'.
local token = ARGV[2]
local status = status_of(token)
if status ~= 'current' then
  return status
end
local r = K.reservation(token)
local f = redis.call('HMGET', r, 'call', 'agent')
local call = K.call(f[1])
if redis.call('HGET', call, 'token') == token then
  redis.call('DEL', call)
  redis.call('SET', K.ended(f[1]), '1', 'PX', ARGV[3])
end
if redis.call('HGET', K.reserved, f[2]) == token then
  redis.call('HDEL', K.reserved, f[2])
end
redis.call('DEL', r)
redis.call('ZREM', K.deadlines, token)
changed(f[1], f[2])
return 'done'
