-- Shared by the reservation scripts (after keys.lua): Redis server time, a reservation's status, and undoing one.
-- Redis 5 to 6.2 replicate a script by its effects by default, which lets a script write after reading TIME;
-- asking for it explicitly keeps that true on a server configured otherwise. Redis 7 always does, and keeps the
-- function only as a no-op.
if redis.replicate_commands then
  redis.replicate_commands()
end

-- Every router reads the clock of the one Redis server, so hosts whose clocks disagree still agree on deadlines.
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function ms(number)
  return string.format('%d', number)
end

-- 'current', 'expired' (deadline passed, not yet reaped) or 'stale' (no such reservation any more).
local function status_of(token)
  local deadline = redis.call('HGET', K.reservation(token), 'deadline')
  if not deadline then
    return 'stale'
  end
  if now_ms() > tonumber(deadline) then
    return 'expired'
  end
  return 'current'
end

-- Ends a reservation without the call being answered: the call goes back to its original place (same orderKey),
-- unless it ended meanwhile; the agent becomes Ready again with the idle-since they had, if agent_back and they
-- did not go Not ready meanwhile.
local function undo(token, agent_back)
  local r = K.reservation(token)
  local f = redis.call('HMGET', r, 'call', 'agent', 'idleSince', 'agentReturns')
  local id, agent, idle, returns = f[1], f[2], f[3], f[4]
  if id then
    local call = K.call(id)
    if redis.call('HGET', call, 'token') == token then
      local place = redis.call('HMGET', call, 'queue', 'orderKey', 'enqueuedAt')
      redis.call('HDEL', call, 'token')
      redis.call('ZADD', K.order(place[1]), place[2], id)
      redis.call('ZADD', K.since(place[1]), place[3], id)
    end
  end
  if agent and redis.call('HGET', K.reserved, agent) == token then
    redis.call('HDEL', K.reserved, agent)
    if agent_back and returns == '1' then
      redis.call('ZADD', K.ready, idle, agent)
    end
  end
  redis.call('DEL', r)
  redis.call('ZREM', K.deadlines, token)
  changed(id, agent)
end

-- One routing decision: promise a waiting call to a Ready agent. Checks first, writes after, so a refusal changes
-- nothing. Returns {'granted', token, queue, orderKey, deadline} or {'refused', reason}.
local function reserve(id, agent, timeout, router)
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
  changed(id, agent)
  return {'granted', token, queue, order, deadline}
end

-- The agent's phone rings: the reservation becomes a connection that may last hold_for (ms) from now, if still
-- current. Returns 'done', 'expired' or 'stale'.
local function confirm(token, hold_for)
  local status = status_of(token)
  if status ~= 'current' then
    return status
  end
  local deadline = ms(now_ms() + hold_for)
  redis.call('HSET', K.reservation(token), 'deadline', deadline, 'stage', 'connecting')
  redis.call('ZADD', K.deadlines, deadline, token)
  return 'done'
end

-- An agent becomes Ready (routable) with the time since when they are idle, unless they hold a reservation:
-- then they are not Ready but reserved, and making them Ready would let a second call reach them.
-- Returns 1 Ready, 0 refused because reserved.
local function mark_ready(agent, idle)
  if redis.call('HEXISTS', K.reserved, agent) == 1 then
    return 0
  end
  redis.call('ZADD', K.ready, idle, agent)
  changed(nil, agent)
  return 1
end

-- An agent stops being routable (Not ready, logged out, on a call of their own). If reserved, the reservation
-- stays, but settling it will no longer make them Ready.
local function mark_not_ready(agent)
  redis.call('ZREM', K.ready, agent)
  local token = redis.call('HGET', K.reserved, agent)
  if token and redis.call('EXISTS', K.reservation(token)) == 1 then
    redis.call('HSET', K.reservation(token), 'agentReturns', '0')
  end
  changed(nil, agent)
  return 1
end
