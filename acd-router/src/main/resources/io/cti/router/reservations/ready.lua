-- An agent becomes Ready (routable) with the time since when they are idle, unless they hold a reservation:
-- then they are not Ready but reserved, and making them Ready would let a second call reach them.
-- ARGV: root, agentId, idleSince (ms). Returns 1 Ready, 0 refused because reserved.
if redis.call('HEXISTS', K.reserved, ARGV[2]) == 1 then
  return 0
end
redis.call('ZADD', K.ready, ARGV[3], ARGV[2])
return 1
