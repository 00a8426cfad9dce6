-- What the call record's scripts share. Needs waiting/keys.lua before it.

-- Writes field, value pairs from ARGV[first] on into the hash at key; an empty value deletes its field.
local function write_fields(key, first)
  for i = first, #ARGV, 2 do
    if ARGV[i + 1] == '' then
      redis.call('HDEL', key, ARGV[i])
    else
      redis.call('HSET', key, ARGV[i], ARGV[i + 1])
    end
  end
end
