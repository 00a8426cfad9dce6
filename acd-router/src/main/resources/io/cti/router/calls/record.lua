-- Writes fields of a call's record in one step: an empty value deletes its field; optionally sets a once-marker
-- (HSETNX 'once:<marker>'); keeps the record ARGV[2] seconds from now. KEYS[1] the record.
-- ARGV: root, keep (s), marker (empty: none), then field, value, ... Returns 1 if this write set the marker, else 0.
local key = KEYS[1]
write_fields(key, 4)
return set_once_and_keep(key, ARGV[3], ARGV[2])
