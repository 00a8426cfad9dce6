-- The router's key layout, the same as io.cti.router.waiting.RouterKeys. ARGV[1] is the root (prefix and hash
-- tag); keys derived from stored data (a call's queue, a reservation's token) are built here, in the same slot.
local root = ARGV[1]
local K = {}
function K.call(id) return root .. 'call:' .. id end
function K.ended(id) return root .. 'ended:' .. id end
function K.order(queue) return root .. 'queue:' .. queue .. ':order' end
function K.since(queue) return root .. 'queue:' .. queue .. ':since' end
function K.reservation(token) return root .. 'reservation:' .. token end
K.ready = root .. 'agents:ready'
K.reserved = root .. 'agents:reserved'
K.deadlines = root .. 'reservations:deadlines'
K.tokens = root .. 'reservations:tokens'
