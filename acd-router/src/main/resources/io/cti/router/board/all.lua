-- Every agent that ever was on the board with the fields of their hash, read in one step. ARGV: root.
-- Returns {{agentId, {field, value, ...}}, ...}.
local ids = redis.call('SMEMBERS', K.roster)
local out = {}
for i, id in ipairs(ids) do
  out[i] = {id, redis.call('HGETALL', K.agent(id))}
end
return out
