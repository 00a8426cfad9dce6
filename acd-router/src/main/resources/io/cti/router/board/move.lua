-- Compare-and-set of one agent's runtime state (see board_move in board/prelude.lua).
-- KEYS[1] the agent's hash, KEYS[2] the set of agents on the board.
-- ARGV: root, agent id, expected revision (0: never on the board), ready ('ready' with idleSince in ARGV[5],
-- 'not-ready', or 'keep'), idleSince (ms), then field, value, field, value...
-- Returns {new revision}, or {-1, field, value, ...} with the agent's hash as it is when the agent was moved
-- meanwhile (nothing written), so the caller can decide again without reading it.
local revision, current = board_move(KEYS[1], KEYS[2], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5], 6, #ARGV)
if not revision then
  table.insert(current, 1, -1)
  return current
end
return {revision}
