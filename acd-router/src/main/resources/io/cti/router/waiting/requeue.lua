-- Queue again a call that was answered and is live once more (transferred to a queue by its agent): the marker
-- that it ended (left by the answer) goes, and the call is filed as new unless it is known already (waiting or
-- reserved: a redelivered transfer changes nothing). ARGV: root, id, queue, enqueuedAt (ms), orderKey, then
-- context fields. Returns 1 when queued, 0 when the call was known.
local id, queue, since, order = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local call = K.call(id)
if redis.call('EXISTS', call) == 1 then
  return 0
end
redis.call('DEL', K.ended(id))
hset_args(call, 6, #ARGV, {'id', id, 'queue', queue, 'enqueuedAt', since, 'orderKey', order})
redis.call('ZADD', K.order(queue), order, id)
redis.call('ZADD', K.since(queue), since, id)
changed(id, nil)
return 1
