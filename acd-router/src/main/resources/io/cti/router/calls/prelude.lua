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
