-- A routing decision made on the board: the agent must be Ready on the board, then the reservation is made as
-- reservations/reserve.lua makes it (see reserve in reservations/prelude.lua), the agent moves to Reserved for the
-- call (state, since, next revision) and the call's record in the flow gets the decision's fields; all in one
-- step, so no other router can see the reservation without the board, nor the board without the reservation.
-- KEYS[1] the call's hash, KEYS[2] the agent's hash, KEYS[3] the call's record.
-- ARGV: root, callId, agentId, timeout (ms), routerId, since (ms), record TTL (ms), the record's token field
-- (empty: none), then record field, value, ...
-- Returns {'granted', token, queue, orderKey, deadline, revision} or {'refused', reason}.
local id, agent = ARGV[2], ARGV[3]
if redis.call('HGET', KEYS[2], 'state') ~= 'Ready' then
  return {'refused', 'agent-not-ready'}
end
local result = reserve(id, agent, tonumber(ARGV[4]), ARGV[5])
if result[1] ~= 'granted' then
  return result
end
local revision = tonumber(redis.call('HGET', KEYS[2], 'rev') or '0') + 1
redis.call('HSET', KEYS[2], 'state', 'Reserved:' .. id, 'since', ARGV[6], 'rev', revision)
redis.call('SADD', K.roster, agent)
for i = 9, #ARGV, 2 do
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
end
if ARGV[8] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[8], result[2])
end
redis.call('PEXPIRE', KEYS[3], ARGV[7])
result[6] = tostring(revision)
return result
