-- Compare-and-set of one agent's runtime state: the move is written only if nobody moved the agent since the
-- caller read revision ARGV[2], so two routers can never both move one agent.
-- KEYS[1] the agent's hash, KEYS[2] the set of agents on the board.
-- ARGV: agent id, expected revision (0: never on the board), then field, value, field, value...
-- Returns the new revision, or -1 when the agent was moved meanwhile (nothing written).
local revision = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if revision ~= tonumber(ARGV[2]) then
  return -1
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'rev', revision + 1)
redis.call('SADD', KEYS[2], ARGV[1])
return revision + 1
