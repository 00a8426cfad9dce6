-- Give a reservation up (RONA, failed connect): the call back to its original place, the agent Ready again
-- (agentBack '1') or left Not ready ('0'). ARGV: root, token, agentBack. Returns 'done', 'expired' or 'stale'.
local token = ARGV[2]
local status = status_of(token)
if status ~= 'current' then
  return status
end
undo(token, ARGV[3] == '1')
return 'done'
