-- Writes fields of a call's record in one step: an empty value deletes its field; optionally sets a once-marker
-- (HSETNX 'once:<marker>'); keeps the record ARGV[2] seconds from now. KEYS[1] the record.
-- ARGV: root, keep (s), marker (empty: none), then field, value, ... Returns 1 if this write set the marker, else 0.
local key = KEYS[1]
write_fields(key, 4)
local first = 0
if ARGV[3] ~= '' then
  first = redis.call('HSETNX', key, 'once:' .. ARGV[3], '1')
end
redis.call('EXPIRE', key, ARGV[2])
return first
