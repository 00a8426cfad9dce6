-- Return what expired reservations hold: each call to its original place, each agent to Ready. Any router may
-- run it; running it twice does nothing more. ARGV: root, limit. Returns how many reservations it ended.
local expired = redis.call('ZRANGEBYSCORE', K.deadlines, '-inf', '(' .. ms(now_ms()), 'LIMIT', 0, tonumber(ARGV[2]))
for _, token in ipairs(expired) do
  undo(token, true)
end
return #expired
