-- wrk script for plain GETs: the URL check (signature checked, echostr echoed), the chat page.
dofile("src/test/load/common.lua")

function done(summary, latency, requests)
  report("requests", summary, latency)
end
