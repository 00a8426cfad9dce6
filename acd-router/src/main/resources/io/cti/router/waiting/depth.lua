-- How many calls wait in a queue and the arrival time (ms) of the one waiting longest, read in one step.
-- ARGV: root, queue. Returns {count} or {count, oldestEnqueuedAt}.
local count = redis.call('ZCARD', K.order(ARGV[2]))
local oldest = redis.call('ZRANGE', K.since(ARGV[2]), 0, 0, 'WITHSCORES')
if oldest[2] then
  return {count, oldest[2]}
end
return {count}
