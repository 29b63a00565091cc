// The citizens' chat page (index.html): asks /api/chat, shows menus and rating buttons, polls for an agent's replies.
(function () {
  var log = document.getElementById('log');
  var form = document.getElementById('form');
  var input = document.getElementById('text');
  var send = document.getElementById('send');
  // who the citizen is travels in an HttpOnly cookie the server issues; the page keeps no id of its own
  localStorage.removeItem('askonce.userId');

  function add(text, cls) {
    var div = document.createElement('div');
    div.className = 'msg ' + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  var lastSeen = 0;         // the newest message id shown
  var withPerson = false;   // a person has (or will take) the conversation: poll often

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (json) { return { ok: r.ok, body: json }; });
    });
  }

  function setStatus(text) {
    var status = document.getElementById('status');
    status.textContent = text || '';
    status.hidden = !text;
  }

  function rateButtons(div) {
    var box = document.createElement('div');
    box.className = 'rate';
    var label = document.createElement('span');
    label.className = 'label';
    label.textContent = '这个回答对您有帮助吗？';
    box.appendChild(label);
    [['满意', 1], ['基本满意', 2], ['不满意', 3]].forEach(function (choice) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = choice[0];
      b.onclick = function () {
        box.remove();
        post('/api/chat/rating', { rating: choice[1] }).then(function (res) {
          if (!res.ok) { add(res.body.error || '评价没有成功，请稍后再试', 'bot err'); return; }
          show(res.body);
        });
      };
      box.appendChild(b);
    });
    div.appendChild(box);
  }

  function show(body) {
    lastSeen = Math.max(lastSeen, body.messageId || 0);
    withPerson = body.action === 'HANDOFF' || body.action === 'WITH_AGENT' || (withPerson && body.action !== 'NOTICE' && body.action !== 'RATED');
    setStatus(withPerson ? '已转人工客服，工作人员会在这里回复您' : '');
    if (!body.reply) { return; }
    var div = add(body.reply, 'bot');
    div.dataset.action = body.action;
    if (body.action === 'CLARIFY' && body.options && body.options.length > 1) {
      var box = document.createElement('div');
      box.className = 'options';
      body.options.forEach(function (name, i) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = (i + 1) + '. ' + name;
        b.onclick = function () { ask(String(i + 1)); };
        box.appendChild(b);
      });
      div.appendChild(box);
    }
    if (body.action === 'ANSWER') { rateButtons(div); }
  }

  // an agent's replies and the notices of a hand-off arrive as new messages
  function poll() {
    fetch('/api/chat/messages?after=' + lastSeen)
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (messages) {
        messages.forEach(function (m) {
          lastSeen = Math.max(lastSeen, m.id);
          if (m.sender === 'AGENT') {
            var div = add('', 'agent');
            var who = document.createElement('span');
            who.className = 'who';
            who.textContent = '人工客服';
            div.appendChild(who);
            div.appendChild(document.createTextNode(m.text));
            withPerson = true;
          } else if (m.sender === 'BOT' && (m.action === 'RESOLVED' || m.action === 'NOTICE')) {
            var notice = add(m.text, 'bot');
            withPerson = false;
            setStatus('');
            if (m.action === 'RESOLVED') { rateButtons(notice); }
          }
        });
      }).catch(function () {})
      .finally(function () { setTimeout(poll, withPerson ? 2000 : 10000); });
  }

  function ask(text) {
    text = text.trim();
    if (!text) { return; }
    if (text.length > 500) { add('问题太长了，请控制在500字以内。', 'bot err'); return; }
    add(text, 'me');
    document.getElementById('hints').hidden = true; // examples are for the first question only
    input.value = '';
    send.disabled = true;
    post('/api/chat', { text: text }).then(function (res) {
      if (!res.ok) { add('请求有误：' + (res.body.error || '请稍后再试'), 'bot err'); return; }
      show(res.body);
    }).catch(function () {
      add('网络好像断了，请稍后再试，或拨打12345政务服务热线。', 'bot err');
    }).finally(function () { send.disabled = false; input.focus(); });
  }

  document.getElementById('clear').onclick = function () {
    if (!window.confirm('确定清除全部聊天记录吗？清除后无法恢复，转人工的问题也会一并取消。')) { return; }
    fetch('/api/chat/messages', { method: 'DELETE' }).then(function (r) {
      if (!r.ok) { add('清除没有成功，请稍后再试。', 'bot err'); return; }
      log.textContent = '';
      lastSeen = 0;
      withPerson = false;
      setStatus('');
      add('聊天记录已清除。', 'bot');
    }).catch(function () { add('网络好像断了，清除没有成功，请稍后再试。', 'bot err'); });
  };

  form.addEventListener('submit', function (e) { e.preventDefault(); ask(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(input.value); }
  });
  document.querySelectorAll('#hints button').forEach(function (b) { b.onclick = function () { ask(b.textContent); }; });
  add('您好！我是杭州政务服务助手。请问您要办什么事？可以直接问“要带什么材料”“多久办好”“在哪办”。', 'bot');
  // start polling after what was said before this page was opened
  fetch('/api/chat/messages?after=0')
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (messages) { messages.forEach(function (m) { lastSeen = Math.max(lastSeen, m.id); }); })
    .catch(function () {})
    .finally(poll);
})();
