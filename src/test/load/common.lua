-- Shared by the load scripts (loaded with dofile from the project root): the questions and the report.
-- Questions: MIX=situational (environment) asks as citizens describe their situation instead of
-- naming the item (the semantic path); otherwise the existing mix of everyday questions. They were
-- written for these scripts, not taken from the eval sets.
local situational = {
  "女儿满月了户口还没上", "想在小区门口开个奶茶店要办什么", "奶奶腿脚不便，坐公交想有点优惠",
  "刚从外地来杭州上班，租房住要办个什么证", "公司倒闭了我现在没工作，每个月能领点钱吗",
  "房子是租的，公积金里的钱能拿出来付房租吗", "老公和我下个月领证，要准备些什么",
  "孩子明年上小学，我们是外地户口要怎么报名", "我爸今年满六十了，退休金怎么开始领",
  "家里的狗还没办证，去哪里办", "钱包被偷了证件全没了，先补哪个", "想去香港玩，证件怎么弄",
  "开车的本子快到期了要去换", "单位让我开个没有犯罪记录的证明", "买了套二手房，过户要交哪些钱"
}
local existing = {
  "办狗证要带啥", "护照在哪办", "公积金租房提取多久到账", "新生儿落户要什么材料", "身份证丢了怎么补",
  "结婚登记要带什么", "社保卡挂失", "营业执照丢了怎么办", "驾驶证到期换证要多久", "居住证怎么办",
  "异地就医备案怎么弄", "二手房过户收费吗", "失业金怎么领", "无犯罪记录证明在哪开", "你好"
}
questions = os.getenv("MIX") == "situational" and situational or existing

-- what every script prints at the end: "<unit>: N in S s = R <unit>/s", the latency percentiles, the errors
function report(unit, summary, latency)
  local seconds = summary.duration / 1e6
  io.write(string.format("%s: %d in %.1f s = %.0f %s/s\n", unit, summary.requests, seconds, summary.requests / seconds, unit))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors: connect %d, read %d, write %d, non-2xx %d, timeout %d\n", e.connect, e.read, e.write, e.status, e.timeout))
end
