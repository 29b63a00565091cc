// The agent console: refreshes on server-sent events (and every 30 s), knowledge-base lookup beside the reply box.
// The page says what to watch: <script src="/js/console.js" data-watch="queue|conversation"> (no inline script: CSP).
var AskOnceConsole = (function () {
  var script = document.currentScript;
  function onQueueEvents(handler) {
    var live = document.getElementById('live');
    if (window.EventSource) {
      var source = new EventSource('/console/events');
      source.addEventListener('queue', function (e) { handler(JSON.parse(e.data)); });
      source.onopen = function () { if (live) { live.textContent = '实时更新'; } };
      source.onerror = function () { if (live) { live.textContent = '连接中断，正在重连…'; } };
    }
    setInterval(function () { handler(null); }, 30000);
  }

  function fetchText(url) {
    return fetch(url, { headers: { 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); });
  }

  function watchQueue() {
    onQueueEvents(function () {
      fetchText('/console/queue-table').then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#queue');
        if (fresh) { document.getElementById('queue').replaceWith(fresh); }
      }).catch(function () { /* next event or tick retries */ });
    });
  }

  function watchConversation() {
    var main = document.querySelector('main.conversation');
    var id = main.getAttribute('data-conversation');
    onQueueEvents(function (change) {
      if (change && change.conversationId !== id) { return; }
      var text = document.getElementById('reply-text');
      if (!text || !text.value.trim()) { location.reload(); return; }
      // the agent is typing: refresh only the transcript
      fetchText(location.pathname).then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#transcript');
        if (fresh) { document.getElementById('transcript').replaceWith(fresh); }
      }).catch(function () {});
    });
    var search = document.getElementById('kb-search');
    if (search) {
      var query = document.getElementById('kb-query');
      search.onclick = function () { lookup(query.value); };
      query.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); lookup(query.value); } });
    }
  }

  function lookup(q) {
    var box = document.getElementById('kb-results');
    if (!q.trim()) { box.textContent = '请输入要查的事项'; return; }
    box.textContent = '查询中…';
    fetch('/api/agent/knowledge?q=' + encodeURIComponent(q), {
      headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' }, credentials: 'same-origin'
    }).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) { throw new Error(body.error || r.status); } return body; });
    }).then(function (items) {
      box.textContent = '';
      if (!items.length) { box.textContent = '没有找到相关事项'; return; }
      items.forEach(function (item) {
        var details = document.createElement('details');
        var summary = document.createElement('summary');
        summary.textContent = item.name + '（' + Math.round(item.score * 100) + '%）';
        details.appendChild(summary);
        Object.keys(item.elements).forEach(function (label) {
          var row = document.createElement('div');
          row.className = 'element';
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'small secondary insert';
          b.textContent = '插入' + label;
          b.onclick = function () {
            var text = document.getElementById('reply-text');
            text.value = (text.value ? text.value + '\n' : '') + item.elements[label];
            text.focus();
          };
          var preview = document.createElement('div');
          preview.className = 'muted preview';
          preview.textContent = item.elements[label];
          row.appendChild(b);
          row.appendChild(preview);
          details.appendChild(row);
        });
        box.appendChild(details);
      });
    }).catch(function (e) { box.textContent = '查询失败：' + e.message; });
  }

  var watch = script && script.getAttribute('data-watch');
  if (watch === 'queue') { watchQueue(); }
  if (watch === 'conversation') { watchConversation(); }
  return { watchQueue: watchQueue, watchConversation: watchConversation };
})();
