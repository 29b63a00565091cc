-- wrk script: the web chat's POST /api/chat with the questions of common.lua (MIX as there). Every
-- request comes without the identity cookie, as a citizen's first message does: a new web citizen each.
dofile("src/test/load/common.lua")
local counter = 0

function request()
  counter = counter + 1
  local q = questions[(counter % #questions) + 1]
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, '{"text":"' .. q .. '"}')
end

function done(summary, latency, requests)
  report("requests", summary, latency)
end
