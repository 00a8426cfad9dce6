-- An agent stops being routable (Not ready, logged out, on a call of their own). If reserved, the reservation
-- stays, but settling it will no longer make them Ready. ARGV: root, agentId.
redis.call('ZREM', K.ready, ARGV[2])
local token = redis.call('HGET', K.reserved, ARGV[2])
if token and redis.call('EXISTS', K.reservation(token)) == 1 then
  redis.call('HSET', K.reservation(token), 'agentReturns', '0')
end
return 1
