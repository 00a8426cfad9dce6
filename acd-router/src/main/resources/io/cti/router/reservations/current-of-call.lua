-- The current reservation a call is under, for whoever holds only the call id (such as the handler of an
-- unanswered agent leg). ARGV: root, callId. Returns {token, field, value, ...} or {} if none is current.
local token = redis.call('HGET', K.call(ARGV[2]), 'token')
if not token or status_of(token) ~= 'current' then
  return {}
end
local reservation = redis.call('HGETALL', K.reservation(token))
table.insert(reservation, 1, token)
return reservation
