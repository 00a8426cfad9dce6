-- The agent's phone rings: the reservation becomes a connection that may last holdFor from now, if still current.
-- ARGV: root, token, holdFor (ms). Returns 'done', 'expired' or 'stale'.
local token = ARGV[2]
local status = status_of(token)
if status ~= 'current' then
  return status
end
local deadline = ms(now_ms() + tonumber(ARGV[3]))
redis.call('HSET', K.reservation(token), 'deadline', deadline, 'stage', 'connecting')
redis.call('ZADD', K.deadlines, deadline, token)
return 'done'
