-- What the call record's scripts share. Needs waiting/keys.lua before it.

-- Writes field, value pairs from ARGV[first] on into the hash at key; an empty value deletes its field.
local function write_fields(key, first)
  local set, gone = {}, {}
  for i = first, #ARGV, 2 do
    if ARGV[i + 1] == '' then
      gone[#gone + 1] = ARGV[i]
    else
      set[#set + 1] = ARGV[i]
      set[#set + 1] = ARGV[i + 1]
    end
  end
  call_in_chunks('HSET', key, set)
  call_in_chunks('HDEL', key, gone)
end

-- Sets the record's once-marker (HSETNX 'once:<marker>'; none if marker is empty) and keeps the record keep seconds
-- from now. Returns 1 if this call set the marker, else 0.
local function set_once_and_keep(key, marker, keep)
  local first = 0
  if marker ~= '' then
    first = redis.call('HSETNX', key, 'once:' .. marker, '1')
  end
  redis.call('EXPIRE', key, keep)
  return first
end
