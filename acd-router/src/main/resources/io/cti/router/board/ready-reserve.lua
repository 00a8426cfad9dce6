-- An agent freed and reserved in one step: the move that makes the agent Ready (board_move) and, only if it was
-- written, the reservation the router decided on for the agent as Ready (board_reserve). One round trip instead of
-- two; the reservation's checks are the same as when the agent was made Ready first.
-- KEYS[1] the agent's hash, KEYS[2] the set of agents on the board, KEYS[3] the call's hash, KEYS[4] the call's
-- record.
-- ARGV: root, n (the move's field-value count), agent id, expected revision, idleSince (ms), the move's n fields and
-- values, then callId, timeout (ms), routerId, since (ms), record TTL (ms), the record's token field, record field,
-- value, ...
-- Returns {-1, field, value, ...} as move.lua when the agent was moved meanwhile (nothing written), else
-- {revision after the move, then reserve.lua's answer}.
local function free_and_reserve()
  local n = tonumber(ARGV[2])
  local agent = ARGV[3]
  local last_move = 5 + n
  local revision, current = board_move(KEYS[1], KEYS[2], agent, tonumber(ARGV[4]), 'ready', ARGV[5], 6, last_move)
  if not revision then
    table.insert(current, 1, -1)
    return current
  end
  local r = last_move + 1
  local answer = board_reserve(KEYS[1], KEYS[4], ARGV[r], agent, tonumber(ARGV[r + 1]), ARGV[r + 2], ARGV[r + 3],
    ARGV[r + 4], ARGV[r + 5], r + 6, #ARGV)
  table.insert(answer, 1, revision)
  return answer
end

-- Freed and reserved is one entry of the change feed; freed alone (the reservation refused) is one too.
return with_changes_held(free_and_reserve)
