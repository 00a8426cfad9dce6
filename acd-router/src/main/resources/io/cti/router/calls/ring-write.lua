-- The agent's phone rings, written in one step: the reservation confirmed for ARGV[3] ms more (see confirm in
-- reservations/prelude.lua), and only if it was still current, the ring's fields written in the call's record and
-- the pop's once-marker set, the record kept ARGV[4] seconds: a ring of a reservation that expired or was given up
-- (the reaper is putting the call back) writes nothing and pops nothing. KEYS[1] the call's record.
-- ARGV: root, token, holdFor (ms), keep (s), marker (empty: none), then field, value, ...
-- Returns {confirm's answer, 1 if this write set the marker else 0}.
local key = KEYS[1]
local confirmed = confirm(ARGV[2], tonumber(ARGV[3]))
if confirmed ~= 'done' then
  return {confirmed, 0}
end
hset_args(key, 6, #ARGV)
return {confirmed, set_once_and_keep(key, ARGV[5], ARGV[4])}
