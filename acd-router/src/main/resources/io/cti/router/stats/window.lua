-- Sums a queue's rolling window from ARGV[1] (ms, inclusive) on, in one step: calls answered, answered within the
-- target, their milliseconds to answer, and calls abandoned (short abandons are never in the window).
-- KEYS[1] the window (zset); members read 'a:<within 0|1>:<ms to answer>:<callId>' or 'x:<callId>'.
-- Returns {answered, withinTarget, msToAnswer, abandoned}.
local answered, within, millis, abandoned = 0, 0, 0, 0
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf')) do
  local kind = string.sub(member, 1, 1)
  if kind == 'a' then
    local met, waited = string.match(member, '^a:(%d):(%d+):')
    answered = answered + 1
    within = within + tonumber(met)
    millis = millis + tonumber(waited)
  elseif kind == 'x' then
    abandoned = abandoned + 1
  end
end
return {answered, within, millis, abandoned}
