-- Compare-and-set of one agent's runtime state: the move is written only if nobody moved the agent since the
-- caller read revision ARGV[3], so two routers can never both move one agent. The ready set of the reservations
-- follows in the same step (see mark_ready and mark_not_ready in reservations/prelude.lua), so an agent is never
-- Ready on the board but unroutable, or routable while the board says otherwise.
-- KEYS[1] the agent's hash, KEYS[2] the set of agents on the board.
-- ARGV: root, agent id, expected revision (0: never on the board), ready ('ready' with idleSince in ARGV[5],
-- 'not-ready', or 'keep'), idleSince (ms), then field, value, field, value...
-- Returns {new revision}, or {-1, field, value, ...} with the agent's hash as it is when the agent was moved
-- meanwhile (nothing written), so the caller can decide again without reading it.
local agent = ARGV[2]
local revision = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if revision ~= tonumber(ARGV[3]) then
  local current = redis.call('HGETALL', KEYS[1])
  table.insert(current, 1, -1)
  return current
end
for i = 6, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'rev', revision + 1)
redis.call('SADD', KEYS[2], agent)
if ARGV[4] == 'ready' then
  mark_ready(agent, ARGV[5])
elseif ARGV[4] == 'not-ready' then
  mark_not_ready(agent)
else
  changed(nil, agent)
end
return {revision + 1}
