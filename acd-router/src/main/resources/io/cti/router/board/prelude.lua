-- The board's two writes, shared by move.lua, reserve.lua and ready-reserve.lua. Needs waiting/keys.lua and
-- reservations/prelude.lua before it.

-- Compare-and-set of one agent's runtime state: written only if nobody moved the agent since the caller read
-- revision `expected`, so two routers can never both move one agent. The ready set of the reservations follows in
-- the same step (see mark_ready and mark_not_ready), so an agent is never Ready on the board but unroutable, or
-- routable while the board says otherwise. `ready` is 'ready' (with `idle` ms), 'not-ready' or 'keep'; `fields`
-- holds field, value, ... from ARGV[first] to ARGV[last].
-- Returns the new revision, or nil and the agent's hash as it is when the agent was moved meanwhile.
local function board_move(agent_key, roster_key, agent, expected, ready, idle, first, last)
  local revision = tonumber(redis.call('HGET', agent_key, 'rev') or '0')
  if revision ~= expected then
    return nil, redis.call('HGETALL', agent_key)
  end
  hset_args(agent_key, first, last, {'rev', revision + 1})
  redis.call('SADD', roster_key, agent)
  if ready == 'ready' then
    if mark_ready(agent, idle) == 0 then
      -- Refused, as the agent holds a reservation: the board's hash changed all the same, and must be announced.
      changed(nil, agent)
    end
  elseif ready == 'not-ready' then
    mark_not_ready(agent)
  else
    changed(nil, agent)
  end
  return revision + 1
end

-- A routing decision made on the board: the agent must be Ready on the board, then the reservation is made (see
-- reserve), the agent moves to Reserved for the call (state, since, next revision) and the call's record gets the
-- decision's fields (ARGV[first] to ARGV[last]) and, unless `token_field` is empty, the token; all in one step, so
-- no other router can see the reservation without the board, nor the board without the reservation.
-- Returns {'granted', token, queue, orderKey, deadline, revision} or {'refused', reason}.
local function board_reserve(agent_key, record_key, id, agent, timeout, router, since, keep, token_field, first, last)
  if redis.call('HGET', agent_key, 'state') ~= 'Ready' then
    return {'refused', 'agent-not-ready'}
  end
  local result = reserve(id, agent, timeout, router)
  if result[1] ~= 'granted' then
    return result
  end
  local revision = tonumber(redis.call('HGET', agent_key, 'rev') or '0') + 1
  redis.call('HSET', agent_key, 'state', 'Reserved:' .. id, 'since', since, 'rev', revision)
  redis.call('SADD', K.roster, agent)
  hset_args(record_key, first, last, token_field ~= '' and {token_field, result[2]} or nil)
  redis.call('PEXPIRE', record_key, keep)
  result[6] = tostring(revision)
  return result
end
