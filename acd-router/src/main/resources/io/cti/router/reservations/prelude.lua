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
end
