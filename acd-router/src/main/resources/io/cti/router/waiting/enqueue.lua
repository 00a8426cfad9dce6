-- Enqueue a call once: a call already known (waiting, reserved, or ended a short while ago) is left alone, so a
-- redelivered arrival changes nothing. ARGV: root, id, queue, enqueuedAt (ms), orderKey, then context fields.
local id, queue, since, order = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local call = K.call(id)
if redis.call('EXISTS', call) == 1 or redis.call('EXISTS', K.ended(id)) == 1 then
  return 0
end
hset_args(call, 6, #ARGV, {'id', id, 'queue', queue, 'enqueuedAt', since, 'orderKey', order})
redis.call('ZADD', K.order(queue), order, id)
redis.call('ZADD', K.since(queue), since, id)
changed(id, nil)
return 1
