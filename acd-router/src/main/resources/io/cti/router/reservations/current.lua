-- Whether token is the current reservation of call: the fencing check before acting on a command.
-- ARGV: root, token, callId. Returns 1 or 0.
local token = ARGV[2]
if status_of(token) ~= 'current' then
  return 0
end
if redis.call('HGET', K.reservation(token), 'call') ~= ARGV[3] then
  return 0
end
return 1
