-- One routing decision: promise a waiting call to a Ready agent, atomically (see reserve in prelude.lua).
-- ARGV: root, callId, agentId, timeout (ms), routerId.
-- Returns {'granted', token, queue, orderKey, deadline} or {'refused', reason}.
return reserve(ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5])
