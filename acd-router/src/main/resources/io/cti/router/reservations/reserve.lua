-- One routing decision: promise a waiting call to a Ready agent, atomically. Checks first, writes after, so a
-- refusal changes nothing. ARGV: root, callId, agentId, timeout (ms), routerId.
-- Returns {'granted', token, queue, orderKey, deadline} or {'refused', reason}.
local id, agent, timeout, router = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local call = K.call(id)
local queue = redis.call('HGET', call, 'queue')
if not queue or redis.call('HEXISTS', call, 'token') == 1 or not redis.call('ZSCORE', K.order(queue), id) then
  return {'refused', 'call-not-waiting'}
end
if redis.call('HEXISTS', K.reserved, agent) == 1 then
  return {'refused', 'agent-already-reserved'}
end
local idle = redis.call('ZSCORE', K.ready, agent)
if not idle then
  return {'refused', 'agent-not-ready'}
end
local token = ms(redis.call('INCR', K.tokens))
local deadline = ms(now_ms() + timeout)
local order = redis.call('HGET', call, 'orderKey')
redis.call('ZREM', K.order(queue), id)
redis.call('ZREM', K.since(queue), id)
redis.call('HSET', call, 'token', token)
redis.call('ZREM', K.ready, agent)
redis.call('HSET', K.reserved, agent, token)
redis.call('HSET', K.reservation(token), 'call', id, 'agent', agent, 'queue', queue, 'orderKey', order,
  'router', router, 'deadline', deadline, 'idleSince', idle, 'stage', 'reserved', 'agentReturns', '1')
redis.call('ZADD', K.deadlines, deadline, token)
return {'granted', token, queue, order, deadline}
