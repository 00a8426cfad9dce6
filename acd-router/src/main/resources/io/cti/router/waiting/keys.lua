-- The router's key layout, the same as io.cti.router.waiting.RouterKeys. ARGV[1] is the root (prefix and hash
-- tag); keys derived from stored data (a call's queue, a reservation's token) are built here, in the same slot.
local root = ARGV[1]
local K = {}
function K.call(id) return root .. 'call:' .. id end
function K.ended(id) return root .. 'ended:' .. id end
function K.order(queue) return root .. 'queue:' .. queue .. ':order' end
function K.since(queue) return root .. 'queue:' .. queue .. ':since' end
function K.reservation(token) return root .. 'reservation:' .. token end
function K.agent(id) return root .. 'board:agent:' .. id end
function K.record(id) return root .. 'flow:call:' .. id end
K.ready = root .. 'agents:ready'
K.reserved = root .. 'agents:reserved'
K.deadlines = root .. 'reservations:deadlines'
K.tokens = root .. 'reservations:tokens'
K.roster = root .. 'board:agents'
K.changes = root .. 'changes'
K.changeCount = root .. 'changes:count'

-- The change feed (io.cti.router.waiting.ChangeFeed): every script that changes a waiting call or an agent says
-- which, so that each router process learns what the others changed. Entries are numbered without gaps ('n'), so a
-- reader can tell that entries it never read were trimmed away. About the last 100,000 changes are kept.
local function changed(call, agent)
  if not call and not agent then
    return
  end
  local n = redis.call('INCR', K.changeCount)
  if call and agent then
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'c', call, 'a', agent)
  elseif call then
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'c', call)
  else
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'a', agent)
  end
end
