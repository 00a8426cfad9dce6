-- The first calls of a queue in order, each as its hash, read in one step so no call is seen half-moved.
-- ARGV: root, queue, limit.
local ids = redis.call('ZRANGE', K.order(ARGV[2]), 0, tonumber(ARGV[3]) - 1)
local heads = {}
for i, id in ipairs(ids) do
  heads[i] = redis.call('HGETALL', K.call(id))
end
return heads
