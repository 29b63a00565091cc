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

  // --- one conversation ---

  /** Characters as the citizen sees them: a line break is one (CRLF or LF), an emoji is one; the server counts the same. */
  function visibleLength(text) {
    return Array.from(text.replace(/\r\n?/g, '\n').trim()).length;
  }

  function atNewest(list) { return list.scrollHeight - list.scrollTop - list.clientHeight < 40; }
  function showNewest(list) { list.scrollTop = list.scrollHeight; }

  /** The newest message in sight: the transcript at its end, and the page scrolled so that its end is on screen. */
  function bringNewestIntoView(list) {
    showNewest(list);
    var bottom = list.getBoundingClientRect().bottom;
    if (bottom > window.innerHeight) { window.scrollBy(0, bottom - window.innerHeight + 12); }
  }

  function parse(html) { return new DOMParser().parseFromString(html, 'text/html'); }

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    var token = document.querySelector('meta[name=_csrf]');
    var header = document.querySelector('meta[name=_csrf_header]');
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body.error || ('服务器返回 ' + r.status)); }
          return body;
        });
      });
  }

  function postJson(url, payload) {
    return fetch(url, { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: JSON.stringify(payload) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body.error || ('服务器返回 ' + r.status)); }
          return body;
        });
      });
  }

  function stateOf(doc) {
    var state = doc.querySelector('main.conversation h1 .state');
    return state ? state.textContent : '';
  }

  function watchConversation() {
    var main = document.querySelector('main.conversation');
    var id = main.getAttribute('data-conversation');
    var transcript = document.getElementById('transcript');
    bringNewestIntoView(transcript); // the transcript opens at the newest message

    // the transcript refreshed in place: it stays at the newest message unless the agent scrolled up to read
    function refresh(forceNewest) {
      var old = document.getElementById('transcript');
      var follow = forceNewest || atNewest(old);
      var top = old.scrollTop;
      return fetchText(location.pathname).then(function (html) {
        var doc = parse(html);
        var facts = doc.getElementById('facts');
        if (facts && document.getElementById('facts')) { document.getElementById('facts').replaceWith(facts); } // the question, the phone left, unreachable
        var fresh = doc.getElementById('transcript');
        if (fresh) {
          old.replaceWith(fresh);
          if (forceNewest) { bringNewestIntoView(fresh); } else if (follow) { showNewest(fresh); } else { fresh.scrollTop = top; }
        }
        return doc;
      });
    }

    // a form sent (transfer, resolve, hand back) is on its way: a reload now would cancel it, and the agent would
    // land on the page as the action left it, without the outcome (the action's own event comes back first)
    var leaving = false;
    document.addEventListener('submit', function () { leaving = true; });
    window.addEventListener('pageshow', function () { leaving = false; });

    function typing() {
      var text = document.getElementById('reply-text');
      return text && text.value.trim();
    }

    onQueueEvents(function (change) {
      if (change && change.conversationId !== id) { return; }
      refresh(false).then(function (doc) {
        // the conversation changed hands or ended (here or on another instance): the actions change with it. Only
        // then is the page reloaded: an event about what this page already shows (a late one, or a message, a reply,
        // its delivery) would reload away the outcome of the agent's last action (已转给…, 已存为知识草稿)
        if (stateOf(doc) !== stateOf(document) && !typing() && !leaving) { location.reload(); }
      }).catch(function () { /* next event or tick retries */ });
    });

    var form = document.getElementById('reply-form');
    if (form) { watchReply(form, id, refresh); }
    var search = document.getElementById('kb-search');
    if (search) {
      var query = document.getElementById('kb-query');
      search.onclick = function () { lookup(query.value); };
      query.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); lookup(query.value); } });
    }
    var itemSearch = document.getElementById('kn-item-search');
    if (itemSearch) {
      var itemQuery = document.getElementById('kn-item-query');
      itemSearch.onclick = function () { findItems(itemQuery.value); };
      itemQuery.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); findItems(itemQuery.value); } });
    }
  }

  /** The reply box: a counter as the citizen counts, and sending without leaving the page (the form posts without JS). */
  function watchReply(form, id, refresh) {
    var text = document.getElementById('reply-text');
    var count = document.getElementById('reply-count');
    var error = document.getElementById('reply-error');
    var send = document.getElementById('send-reply');
    var max = parseInt(text.getAttribute('data-max'), 10) || 2000;

    function update() {
      var n = visibleLength(text.value);
      var over = n > max;
      count.textContent = over ? n + '/' + max + '字，超出' + (n - max) + '字，请删减后发送' : n + '/' + max + '字';
      count.classList.toggle('over', over);
      send.disabled = over;
    }
    function fail(message) {
      error.textContent = message;
      error.hidden = false;
    }
    text.addEventListener('input', update);
    update();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      error.hidden = true;
      var n = visibleLength(text.value);
      if (n === 0) { fail('回复内容不能为空'); return; }
      if (n > max) { fail('回复内容不能超过' + max + '字，现在是' + n + '字'); return; }
      send.disabled = true;
      send.textContent = '发送中…';
      postJson('/api/agent/conversations/' + encodeURIComponent(id) + '/reply', { text: text.value })
        .then(function () {
          text.value = '';
          update();
          return refresh(true);
        })
        .catch(function (err) { fail('发送失败：' + err.message + '（内容仍在输入框中）'); })
        .then(function () {
          send.textContent = '发送';
          update();
          text.focus();
        });
    });
  }

  /** "Save as knowledge": the item is chosen from what a search finds, never typed. */
  function findItems(q) {
    var select = document.getElementById('kn-item');
    var note = document.getElementById('kn-item-note');
    if (!q.trim()) { note.textContent = '请输入要查的事项'; return; }
    note.textContent = '查询中…';
    getJson('/api/agent/items?q=' + encodeURIComponent(q)).then(function (items) {
      while (select.options.length > 1) { select.remove(1); }
      items.forEach(function (item) { select.add(new Option(item.name, item.itemId)); });
      if (items.length) {
        select.selectedIndex = 1;
        note.textContent = '找到' + items.length + '个事项，已选中第一个，请确认';
      } else {
        select.selectedIndex = 0;
        note.textContent = '没有找到相关事项，可以换个说法查找，或存为通用问答';
      }
    }).catch(function (e) { note.textContent = '查询失败：' + e.message; });
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
            text.dispatchEvent(new Event('input'));
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
