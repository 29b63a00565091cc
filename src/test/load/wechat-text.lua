-- wrk script: signed WeChat text messages (plain mode), each with its own MsgId, from 500 users per
-- thread, asking questions of the sample knowledge base. The URL carries signature/timestamp/nonce
-- (in plain mode WeChat signs only those, not the body). Prints messages/s and latency percentiles.
local questions = {
  "办狗证要带啥", "护照在哪办", "公积金租房提取多久到账", "新生儿落户要什么材料", "身份证丢了怎么补",
  "结婚登记要带什么", "社保卡挂失", "营业执照丢了怎么办", "驾驶证到期换证要多久", "居住证怎么办",
  "异地就医备案怎么弄", "二手房过户收费吗", "失业金怎么领", "无犯罪记录证明在哪开", "你好"
}
local counter = 0

function setup(thread)
  thread:set("tid", tostring(math.random(100000, 999999)))
end

function request()
  counter = counter + 1
  local user = "load-" .. tid .. "-" .. (counter % 500)
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
