-- Counts one outcome of one call, once: whichever router reports it first counts it, a repeat (redelivery, or a
-- second router) finds the call's marker and changes nothing. Marker, day counts and window change together.
-- KEYS[1] the call's markers (hash), KEYS[2] the queue's counts of the day (hash), KEYS[3] the queue's rolling
--         window (zset), KEYS[4] the agent's counts of the day (hash; unused when no agent pairs follow)
-- ARGV[1] the outcome (the marker's field), ARGV[2] lifetime of day counts and window (s), ARGV[3] lifetime of
--         the markers (s), ARGV[4] the window's member ('' for none), ARGV[5] its score (ms), ARGV[6] members
--         scored below this (ms) leave the window, ARGV[7] n: how many field/increment pairs of the queue follow,
--         then those n pairs, then the agent's field/increment pairs.
-- Returns 1 when counted now, 0 when counted before.
if redis.call('HSETNX', KEYS[1], ARGV[1], '1') == 0 then
  return 0
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
local i = 8
for _ = 1, tonumber(ARGV[7]) do
  redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
if i <= #ARGV then
  while i <= #ARGV do
    redis.call('HINCRBY', KEYS[4], ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  redis.call('EXPIRE', KEYS[4], ARGV[2])
end
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[6])
  redis.call('EXPIRE', KEYS[3], ARGV[2])
end
return 1
