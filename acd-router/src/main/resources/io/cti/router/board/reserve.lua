-- A routing decision made on the board (see board_reserve in board/prelude.lua).
-- KEYS[1] the call's hash, KEYS[2] the agent's hash, KEYS[3] the call's record.
-- ARGV: root, callId, agentId, timeout (ms), routerId, since (ms), record TTL (ms), the record's token field
-- (empty: none), then record field, value, ...
-- Returns {'granted', token, queue, orderKey, deadline, revision} or {'refused', reason}.
return board_reserve(KEYS[2], KEYS[3], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8], 9,
  #ARGV)
