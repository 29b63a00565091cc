// The WeChat simulator page (simulator.html), served at /wx/simulator/simulator.js.
const log = document.getElementById('log');
const seen = new Set();
function add(text, cls) {
  const div = document.createElement('div');
  div.className = 'msg ' + cls;
  div.textContent = text;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
}
function note(text) {
  const div = document.createElement('div');
  div.className = 'note';
  div.textContent = text;
  log.appendChild(div);
}
const labels = { text: '', voice: '🎤 ', image: '[图片]', location: '📍 ', subscribe: '（关注公众号）', unsubscribe: '（取消关注）', click: '（点击菜单 ' };
document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const type = document.getElementById('type').value;
  const content = document.getElementById('content').value.trim();
  if ((type === 'text' || type === 'click') && !content) { note('请先输入内容'); return; }
  add(type === 'click' ? labels.click + content + '）' : type === 'image' || type.endsWith('subscribe') ? labels[type] : labels[type] + content, 'me');
  document.getElementById('content').value = '';
  try {
    const r = await fetch('/wx/simulator/send', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: document.getElementById('user').value, type, content, encrypt: document.getElementById('encrypt').checked }) });
    const data = await r.json();
    if (!r.ok) { add('发送失败：' + (data.error || r.status), 'err'); return; }
    document.getElementById('req').textContent = data.requestXml;
    document.getElementById('res').textContent = 'HTTP ' + data.status + '\n' + data.responseBody;
    if (data.reply) add(data.reply, 'bot');
    else if (data.status === 200) note('公众号回复了 success（没有被动回复）');
    else add('回调返回 HTTP ' + data.status + '：' + data.responseBody, 'err');
  } catch (err) {
    add('发送失败：' + err, 'err');
  }
});
async function poll() {
  try {
    const r = await fetch('/wx/simulator/pushes?user=' + encodeURIComponent(document.getElementById('user').value));
    if (r.ok) {
      for (const p of await r.json()) {
        const key = p.at + p.text;
        if (!seen.has(key)) { seen.add(key); add(p.text, 'push'); }
      }
    }
  } catch (e) { /* the next poll tries again */ }
  setTimeout(poll, 2000);
}
poll();
