-- wrk script: like wechat-text.lua, but citizens describe their situation instead of naming the item
-- (the semantic path: every question is embedded when the query cache is off). Questions written for
-- this script, not taken from the eval sets.
local questions = {
  "女儿满月了户口还没上", "想在小区门口开个奶茶店要办什么", "奶奶腿脚不便，坐公交想有点优惠",
  "刚从外地来杭州上班，租房住要办个什么证", "公司倒闭了我现在没工作，每个月能领点钱吗",
  "房子是租的，公积金里的钱能拿出来付房租吗", "老公和我下个月领证，要准备些什么",
  "孩子明年上小学，我们是外地户口要怎么报名", "我爸今年满六十了，退休金怎么开始领",
  "家里的狗还没办证，去哪里办", "钱包被偷了证件全没了，先补哪个", "想去香港玩，证件怎么弄",
  "开车的本子快到期了要去换", "单位让我开个没有犯罪记录的证明", "买了套二手房，过户要交哪些钱"
}
local counter = 0

function setup(thread)
  thread:set("tid", tostring(math.random(100000, 999999)))
end

function request()
  counter = counter + 1
  local user = "situ-" .. tid .. "-" .. (counter % 500)
  local q = questions[(counter % #questions) + 1]
  local body = "<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[" .. user ..
      "]]></FromUserName><CreateTime>" .. os.time() .. "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" ..
      q .. "]]></Content><MsgId>" .. tid .. counter .. "</MsgId></xml>"
  return wrk.format("POST", nil, { ["Content-Type"] = "text/xml" }, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("messages: %d in %.1f s = %.0f messages/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors: connect %d, read %d, write %d, non-2xx %d, timeout %d\n", e.connect, e.read, e.write, e.status, e.timeout))
end
