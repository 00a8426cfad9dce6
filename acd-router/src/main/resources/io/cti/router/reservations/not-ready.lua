-- An agent stops being routable (see mark_not_ready in prelude.lua). ARGV: root, agentId.
return mark_not_ready(ARGV[2])
