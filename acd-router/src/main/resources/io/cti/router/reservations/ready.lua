-- An agent becomes Ready (routable) with the time since when they are idle, unless they hold a reservation
-- (see mark_ready in prelude.lua). ARGV: root, agentId, idleSince (ms). Returns 1 Ready, 0 refused because reserved.
return mark_ready(ARGV[2], ARGV[3])
