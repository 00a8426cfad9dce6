-- The agent's phone rings: the reservation becomes a connection that may last holdFor from now, if still current
-- (see confirm in prelude.lua). ARGV: root, token, holdFor (ms). Returns 'done', 'expired' or 'stale'.
return confirm(ARGV[2], tonumber(ARGV[3]))
