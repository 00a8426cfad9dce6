-- Where the change feed stands now: the id and number of its last entry ('0-0' and the count when it is empty),
-- read in one step so that a reader starting here misses nothing written afterwards. ARGV: root.
local newest = redis.call('XREVRANGE', K.changes, '+', '-', 'COUNT', 1)
local number = redis.call('GET', K.changeCount) or '0'
if newest[1] then
  for j = 1, #newest[1][2], 2 do
    if newest[1][2][j] == 'n' then
      number = newest[1][2][j + 1]
    end
  end
  return {newest[1][1], number}
end
return {'0-0', number}
