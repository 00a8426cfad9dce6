-- What changed since entry ARGV[2] (numbered ARGV[3]) of the change feed: at most ARGV[4] entries, each call and
-- agent they name once, with its state now: a waiting call with its hash (a call that is reserved, ended or
-- unknown with none), an agent with their board hash. Read in one step, so every state is as of the same moment.
-- ARGV: root, last entry id ('0-0' for none), its number, limit.
-- Returns {last id, its number, gap (1 when entries after the last one were trimmed unread), more (1 when the
-- limit was reached), {{callId, {field, value, ...}}, ...}, {{agentId, {field, value, ...}}, ...}}.
local last, number, limit = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
-- The range starts at the last entry read (when it is still there): one more for it, and one more to tell whether
-- more entries wait than the limit.
local entries = redis.call('XRANGE', K.changes, last, '+', 'COUNT', limit + 2)
if entries[1] and entries[1][1] == last then
  table.remove(entries, 1)
end
local more = 0
while #entries > limit do
  table.remove(entries)
  more = 1
end
local gap = 0
if #entries == 0 then
  if tonumber(redis.call('GET', K.changeCount) or '0') ~= number then
    gap = 1
  end
end
local calls, agents, seenCall, seenAgent = {}, {}, {}, {}
for i, entry in ipairs(entries) do
  local fields = entry[2]
  for j = 1, #fields, 2 do
    local name, value = fields[j], fields[j + 1]
    if name == 'n' then
      value = tonumber(value)
      if i == 1 and value ~= number + 1 then
        gap = 1
      end
      number = value
    elseif name == 'c' and not seenCall[value] then
      seenCall[value] = true
      local call = K.call(value)
      local queue = redis.call('HGET', call, 'queue')
      if queue and redis.call('HEXISTS', call, 'token') == 0 and redis.call('ZSCORE', K.order(queue), value) then
        calls[#calls + 1] = {value, redis.call('HGETALL', call)}
      else
        calls[#calls + 1] = {value, {}}
      end
    elseif name == 'a' and not seenAgent[value] then
      seenAgent[value] = true
      agents[#agents + 1] = {value, redis.call('HGETALL', K.agent(value))}
    end
  end
  last = entry[1]
end
return {last, number, gap, more, calls, agents}
