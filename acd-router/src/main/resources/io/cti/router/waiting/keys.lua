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

-- Runs command (HSET, HDEL) on key with the arguments in list, as few calls as Lua's unpack allows (it takes some
-- 8,000 values at most; a call's attributes have no set number): one call per hash rather than one per field, as a
-- script's commands are most of what Redis spends on routing. The chunks are even, so pairs stay together.
local function call_in_chunks(command, key, list)
  local chunk = 1000
  for from = 1, #list, chunk do
    redis.call(command, key, unpack(list, from, math.min(from + chunk - 1, #list)))
  end
end

-- Writes ARGV[first] to ARGV[last] (field, value, ...) and then the pairs of `more` into the hash at key.
local function hset_args(key, first, last, more)
  local args = {}
  for i = first, last do
    args[#args + 1] = ARGV[i]
  end
  for _, v in ipairs(more or {}) do
    args[#args + 1] = v
  end
  call_in_chunks('HSET', key, args)
end

-- The change feed (io.cti.router.waiting.ChangeFeed): every script that changes a waiting call or an agent says
-- which, so that each router process learns what the others changed. Entries are numbered without gaps ('n'), so a
-- reader can tell that entries it never read were trimmed away. About the last 100,000 changes are kept.
-- Within with_changes_held, an agent's change on its own waits: a later change naming the agent
-- with a call carries it (an agent freed and reserved in one script is one entry, not two); else it is written at
-- the release. A reader sees a script's entries all at once, so merging them hides nothing.
local held_agents = nil

local function append_change(call, agent)
  local n = redis.call('INCR', K.changeCount)
  if call and agent then
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'c', call, 'a', agent)
  elseif call then
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'c', call)
  else
    redis.call('XADD', K.changes, 'MAXLEN', '~', '100000', '*', 'n', n, 'a', agent)
  end
end

local function changed(call, agent)
  if not call and not agent then
    return
  end
  if held_agents then
    if not call then
      if held_agents[agent] == nil then
        held_agents[agent] = true
        held_agents[#held_agents + 1] = agent
      end
      return
    end
    if agent and held_agents[agent] then
      held_agents[agent] = false
    end
  end
  append_change(call, agent)
end

-- Runs fn(...) with an agent's changes on their own held (see above), and writes those still held at the end, also
-- when fn fails: Redis keeps what a failing script wrote, so what it wrote must be announced. Returns what fn returns.
local function with_changes_held(fn, ...)
  held_agents = {}
  local results = {pcall(fn, ...)}
  local held = held_agents
  held_agents = nil
  for _, agent in ipairs(held) do
    if held[agent] then
      append_change(nil, agent)
    end
  end
  if not results[1] then
    error(results[2], 0)
  end
  return unpack(results, 2, table.maxn(results))
end
