-- wrk script: signed WeChat text messages (plain mode), each with its own MsgId, from 500 users per
-- thread, asking questions of the sample knowledge base. The URL carries signature/timestamp/nonce
-- (in plain mode WeChat signs only those, not the body). Prints messages/s and latency percentiles.
-- MIX=situational (environment): the semantic path (see common.lua; every question is embedded when the
-- server's query cache is off).
dofile("src/test/load/common.lua")
local counter = 0
-- each message its own signed nonce (QUERIES: a file of signed query strings from SignedQueries.java;
-- AskOnce refuses a nonce seen before with another body as a replay); thread i takes every n-th line
local threads = 0
local queries = {}

function setup(thread)
  thread:set("tid", tostring(math.random(100000, 999999)))
  thread:set("slot", threads)
  thread:set("slots", tonumber(os.getenv("THREADS") or "2")) -- wrk -t (the load script runs -t2)
  threads = threads + 1
end

function init(args)
  local file = os.getenv("QUERIES")
  if file then
    local n = 0
    for line in io.lines(file) do
      if n % slots == slot then queries[#queries + 1] = line end
      n = n + 1
    end
  end
end

local function path()
  if #queries == 0 then return nil end
  return wrk.path:gsub("%?.*$", "") .. "?" .. queries[(counter % #queries) + 1]
end

function request()
  counter = counter + 1
  local user = "load-" .. tid .. "-" .. (counter % 500)
  local q = questions[(counter % #questions) + 1]
  local body = "<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[" .. user ..
      "]]></FromUserName><CreateTime>" .. os.time() .. "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" ..
      q .. "]]></Content><MsgId>" .. tid .. counter .. "</MsgId></xml>"
  return wrk.format("POST", path(), { ["Content-Type"] = "text/xml" }, body)
end

function done(summary, latency, requests)
  report("messages", summary, latency)
end
