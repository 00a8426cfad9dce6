-- What the ring of a call's agent leg needs, read in one step: the call's record in the flow and its current
-- reservation. KEYS[1] the waiting call's hash, KEYS[2] the call's record. ARGV: root.
-- Returns {{field, value, ...}, {token, field, value, ...}} (the second empty when no reservation is current).
local record = redis.call('HGETALL', KEYS[2])
local token = redis.call('HGET', KEYS[1], 'token')
if not token or status_of(token) ~= 'current' then
  return {record, {}}
end
local reservation = redis.call('HGETALL', K.reservation(token))
table.insert(reservation, 1, token)
return {record, reservation}
