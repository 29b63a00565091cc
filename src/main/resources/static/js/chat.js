// The citizens' chat page (index.html): restores the conversation (the identity cookie says whose), asks
// /api/chat, shows menus, follow-ups and rating buttons, polls for an agent's replies. Citizens' and
// agents' words are added as text nodes (links built as elements), never as HTML.
(function () {
  var log = document.getElementById('log');
  var form = document.getElementById('form');
  var input = document.getElementById('text');
  var send = document.getElementById('send');
  var hints = document.getElementById('hints');
  var title = document.title;
  // who the citizen is travels in an HttpOnly cookie the server issues; the page keeps no id of its own
  localStorage.removeItem('askonce.userId');

  var lastSeen = 0;         // the newest message id shown
  var shown = {};           // message ids on the page
  var withPerson = false;   // a person has (or will take) the conversation: poll often
  var latestBot = null;     // the newest bot bubble: its menu answers by number, its follow-ups without the item's name
  var RATINGS = { 1: '满意', 2: '基本满意', 3: '不满意' };

  // --- text: links and phone numbers made tappable ---

  // http(s) addresses, www. addresses, landlines (0571-87654321, 0571-12333), mobiles, 400/800 numbers, 12345-style hotlines
  var TOKENS = /(https?:\/\/[^\s<>"'，。；！？、（）【】《》“”]+)|(www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>"'，。；！？、（）【】《》“”]*)|(0\d{2,3}-\d{5,8})|(1[3-9]\d{9})|([48]00-?\d{3}-?\d{4})|(12\d{3})/g;
  var AMOUNT_AFTER = /^[元万千百个年月日天次人份岁号%.\d-]/;

  function link(href, text, external) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    if (external) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  // appends text to el: plain text as text nodes, addresses and numbers as links
  function appendRich(el, text) {
    var at = 0;
    var m;
    TOKENS.lastIndex = 0;
    while ((m = TOKENS.exec(text)) !== null) {
      var start = m.index;
      var found = m[0];
      var before = start > 0 ? text.charAt(start - 1) : '';
      var after = text.charAt(start + found.length);
      var unit = text.slice(start + found.length).replace(/^\s+/, '').charAt(0); // 12000 元 is an amount, not a hotline
      var node = null;
      if (m[1] || m[2]) {
        found = found.replace(/[.,;:!?)\]}'"]+$/, ''); // a sentence's full stop is not part of the address
        if (!/[A-Za-z0-9/]/.test(before)) {
          node = link(m[1] ? found : 'https://' + found, found, true);
        }
      } else if (!/[\d.\-/:]/.test(before) && !/\d/.test(after) && !(m[6] && AMOUNT_AFTER.test(unit))) {
        node = link('tel:' + found.replace(/-/g, ''), found, false);
        node.className = 'tel';
      }
      if (!node) {
        TOKENS.lastIndex = start + 1;
        continue;
      }
      if (start > at) { el.appendChild(document.createTextNode(text.slice(at, start))); }
      el.appendChild(node);
      at = start + found.length;
      TOKENS.lastIndex = at;
    }
    if (at < text.length) { el.appendChild(document.createTextNode(text.slice(at))); }
  }

  // --- bubbles ---

  var restoring = false; // restore() is adding the history: bubbles go before historyEnd

  function bubble(cls) {
    var div = document.createElement('div');
    div.className = 'msg ' + cls;
    place(div);
    return div;
  }

  function place(el) {
    if (restoring && historyEnd) { log.insertBefore(el, historyEnd); } else { log.appendChild(el); }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function add(text, cls) {
    var div = bubble(cls);
    div.textContent = text;
    scrollDown();
    return div;
  }

  function setStatus(text) {
    var status = document.getElementById('status');
    status.textContent = text || '';
    status.hidden = !text;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) { return { ok: r.ok, body: json }; });
    });
  }

  function buttons(cls, labels, onTap) {
    var box = document.createElement('div');
    box.className = cls;
    labels.forEach(function (label, i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', function () { onTap(i, label); });
      box.appendChild(b);
    });
    return box;
  }

  var MENU_LINE = /^(\d{1,2})\. (.+)$/;
  var FOLLOW_UPS = '您可以接着问：';

  // the item a reply is about, from its head (【养犬登记】…)
  function itemOf(text) {
    var m = /^【([^】]+)】/.exec(text);
    return m ? m[1] : '';
  }

  // A bot reply: its text with links; a menu's numbered lines and the follow-up list as buttons only
  function botText(div, text, action, options) {
    var lines = text.split('\n');
    var body = document.createElement('div');
    body.className = 'text';
    div.appendChild(body);
    var pending = [];
    var menu = null;
    function flush() {
      if (pending.length) {
        var t = pending.join('\n');
        appendRich(body, t);
        pending = [];
      }
    }
    lines.forEach(function (line) {
      var numbered = action === 'CLARIFY' ? MENU_LINE.exec(line) : null;
      if (numbered) {
        if (!menu) {
          flush();
          menu = [];
          body.appendChild(document.createElement('div')).className = 'menu-slot';
        }
        menu.push(numbered[2]);
        return;
      }
      var at = line.indexOf(FOLLOW_UPS);
      if (at >= 0) {
        pending.push(line.slice(0, at) + FOLLOW_UPS);
        flush();
        var asks = line.slice(at + FOLLOW_UPS.length).replace(/[。.]$/, '').split('、').filter(function (s) { return s.trim(); });
        var item = itemOf(text);
        body.appendChild(buttons('options follow-ups', asks, function (i, phrase) {
          // the latest answer's item is the conversation's; an earlier one's is named
          ask(div === latestBot || !item ? phrase : item + phrase);
        }));
        return;
      }
      // menus are buttons here: "reply with the number" (the WeChat wording) reads "tap" on the web
      pending.push(line.replace('请回复序号：', '请点选：').replace('（回复序号）：', '（点选）：'));
    });
    flush();
    // trim the line breaks around the button rows (the text is pre-wrapped)
    Array.prototype.forEach.call(body.childNodes, function (n) {
      if (n.nodeType === 3) {
        var prev = n.previousSibling;
        var next = n.nextSibling;
        if (prev && prev.nodeType === 1 && prev.tagName === 'DIV') { n.nodeValue = n.nodeValue.replace(/^\n/, ''); }
        if (next && next.nodeType === 1 && next.tagName === 'DIV') { n.nodeValue = n.nodeValue.replace(/\n$/, ''); }
      }
    });
    var names = options && options.length ? options : menu;
    // a life event's answer offers its steps (options) as a menu too
    if ((action === 'CLARIFY' || (action === 'ANSWER' && options && options.length)) && names && names.length) {
      var labels = names.map(function (name, i) { return names.length > 1 || action === 'ANSWER' ? (i + 1) + '. ' + name : '是，看“' + name + '”'; });
      var box = buttons('options menu', labels, function (i) {
        // the open menu answers by its number; an earlier one's option is asked by name
        if (div === latestBot) { ask(String(i + 1), names[i]); } else { ask(names[i]); }
      });
      var slot = body.querySelector('.menu-slot');
      if (slot) { body.replaceChild(box, slot); } else { div.appendChild(box); }
    }
  }

  function guideLink(div, url) {
    if (typeof url !== 'string' || !(/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url))) { return; }
    var p = document.createElement('div');
    p.className = 'guide';
    p.appendChild(link(url, '完整办事指南', true));
    div.appendChild(p);
  }

  function rated(box, rating) {
    box.textContent = '';
    box.className = 'rate done';
    var label = document.createElement('span');
    label.className = 'label';
    label.textContent = '您的评价：' + RATINGS[rating];
    box.appendChild(label);
  }

  function rateButtons(div, messageId, rating) {
    var box = document.createElement('div');
    box.className = 'rate';
    div.appendChild(box);
    if (rating) { rated(box, rating); return; }
    var label = document.createElement('span');
    label.className = 'label';
    label.textContent = '这个回答对您有帮助吗？';
    box.appendChild(label);
    [1, 2, 3].forEach(function (rating) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = RATINGS[rating];
      b.addEventListener('click', function () {
        var all = box.querySelectorAll('button');
        Array.prototype.forEach.call(all, function (x) { x.disabled = true; });
        var body = { rating: rating };
        if (messageId) { body.messageId = messageId; }
        post('/api/chat/rating', body).then(function (res) {
          if (!res.ok) {
            Array.prototype.forEach.call(all, function (x) { x.disabled = false; });
            add('评价没有成功：' + (res.body.error || '请稍后再试'), 'bot err');
            return;
          }
          rated(box, rating);
          show(res.body);
        }).catch(function () {
          Array.prototype.forEach.call(all, function (x) { x.disabled = false; });
          add('网络好像断了，评价没有成功，请稍后再试。', 'bot err');
        });
      });
      box.appendChild(b);
    });
  }

  // a bot message (a reply to the citizen, or one from the history)
  function botBubble(id, text, action, options, guideUrl, rating) {
    var div = bubble('bot');
    div.dataset.action = action;
    if (id) { div.dataset.id = id; shown[id] = true; }
    latestBot = div;
    botText(div, text, action, options);
    guideLink(div, guideUrl);
    if (action === 'ANSWER' || action === 'RESOLVED') { rateButtons(div, id, rating); }
    return div;
  }

  function agentBubble(m) {
    var div = bubble('agent');
    div.dataset.id = m.id;
    shown[m.id] = true;
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = '人工客服';
    div.appendChild(who);
    var text = document.createElement('div');
    text.className = 'text';
    appendRich(text, m.text);
    div.appendChild(text);
    return div;
  }

  function unreadMark(div) {
    var mark = document.createElement('span');
    mark.className = 'unread-mark';
    mark.textContent = '未读';
    div.insertBefore(mark, div.firstChild);
    div.classList.add('unread');
  }

  // the reply to what the citizen just asked
  function show(body) {
    lastSeen = Math.max(lastSeen, body.messageId || 0);
    if (body.messageId && body.action !== 'RATED') {
      shown[body.messageId - body.messageId % 2] = true; // the question this answers is on the page already
    }
    var waitedAlone = !withPerson;
    withPerson = body.action === 'HANDOFF' || body.action === 'WITH_AGENT' || (withPerson && body.action !== 'NOTICE' && body.action !== 'RATED');
    if (withPerson && waitedAlone) { pollIn(2000); } // a person's reply is due: look often from now, not after the slow wait
    setStatus(withPerson ? '已转人工客服，工作人员会在这里回复您' : '');
    if (!body.reply || (body.messageId && shown[body.messageId] && body.action !== 'RATED')) { return; }
    var latest = latestBot;
    botBubble(body.action === 'RATED' ? 0 : body.messageId, body.reply, body.action, body.options, body.guideUrl, null);
    if (body.action === 'RATED') { latestBot = latest; } // thanks for a rating: the answer before it is still what is talked about
    scrollDown();
  }

  function typing(on) {
    var el = document.getElementById('typing');
    if (on && !el) {
      el = bubble('typing'); // not .bot: it is no reply
      el.id = 'typing';
      el.setAttribute('role', 'status');
      el.setAttribute('aria-label', '正在输入');
      for (var i = 0; i < 3; i++) { el.appendChild(document.createElement('span')).className = 'dot'; }
      scrollDown();
    } else if (!on && el) {
      el.remove();
    }
  }

  // --- the history, and what arrives later ---

  function day(iso) {
    var d = new Date(iso);
    var today = new Date();
    if (d.toDateString() === today.toDateString()) { return '今天'; }
    return (d.getFullYear() !== today.getFullYear() ? d.getFullYear() + '年' : '') + (d.getMonth() + 1) + '月' + d.getDate() + '日';
  }

  function separator(text, cls) {
    var div = document.createElement('div');
    div.className = 'separator ' + (cls || '');
    div.setAttribute('role', 'separator');
    div.textContent = text;
    place(div);
    return div;
  }

  function personFrom(m) {
    if (m.action === 'HANDOFF' || m.action === 'WITH_AGENT' || m.action === 'AGENT_REPLY') { return true; }
    return m.sender === 'BOT' ? false : withPerson;
  }

  // everything said before this page was opened, in place; what arrived while it was closed marked unread
  function restore(messages) {
    var lastDay = null;
    var firstUnread = null;
    var unread = 0;
    var live = latestBot; // a reply to a question asked while the history loaded stays the latest
    restoring = true;
    messages.forEach(function (m) {
      lastSeen = Math.max(lastSeen, m.id);
      if (shown[m.id]) { return; }
      var d = day(m.time);
      if (d !== lastDay) { separator(d, 'day'); lastDay = d; }
      if (m.unread && !firstUnread) { firstUnread = separator('以下是您离开后收到的新消息', 'new'); }
      var div;
      if (m.sender === 'CITIZEN') {
        div = bubble('me');
        div.textContent = m.text;
        shown[m.id] = true;
      } else if (m.sender === 'AGENT') {
        div = agentBubble(m);
      } else {
        div = botBubble(m.id, m.text, m.action, null, m.guideUrl, m.rating);
      }
      withPerson = personFrom(m);
      if (m.unread) { unreadMark(div); unread++; }
    });
    restoring = false;
    if (live) { latestBot = live; }
    if (messages.length) { hints.hidden = true; }
    setStatus(withPerson ? '已转人工客服，工作人员会在这里回复您' : '');
    if (firstUnread) {
      document.title = '(' + unread + '条新消息) ' + title;
      firstUnread.scrollIntoView({ block: 'start' });
    } else {
      scrollDown();
    }
  }

  function messagesAfter(after) {
    return fetch('/api/chat/messages?after=' + after)
      .then(function (r) { return r.ok ? r.json() : []; });
  }

  // the whole history, page by page (the API gives up to 500 at a time)
  function history(after, all) {
    return messagesAfter(after).then(function (page) {
      all = all.concat(page);
      return page.length >= 500 ? history(page[page.length - 1].id, all) : all;
    });
  }

  var pollTimer = null;
  function pollIn(ms) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, ms);
  }

  // an agent's replies and the notices of a hand-off arrive as new messages
  function poll() {
    messagesAfter(lastSeen)
      .then(function (messages) {
        messages.forEach(function (m) {
          lastSeen = Math.max(lastSeen, m.id);
          if (shown[m.id]) { return; }
          if (m.sender === 'AGENT') {
            agentBubble(m);
            withPerson = true;
            scrollDown();
          } else if (m.sender === 'BOT' && (m.action === 'RESOLVED' || m.action === 'NOTICE')) {
            botBubble(m.id, m.text, m.action, null, m.guideUrl, m.rating);
            withPerson = false;
            setStatus('');
            scrollDown();
          }
        });
      }).catch(function () {})
      .finally(function () { pollIn(withPerson ? 2000 : 10000); });
  }

  // --- asking ---

  // sends text; shows `said` as the citizen's bubble when given (a menu option's name for its number)
  function ask(text, said) {
    text = text.trim();
    if (!text) { return; }
    if (text.length > 500) { add('问题太长了，请控制在500字以内。', 'bot err'); return; }
    add(said || text, 'me');
    hints.hidden = true; // examples are for the first question only
    document.title = title;
    input.value = '';
    send.disabled = true;
    typing(true);
    post('/api/chat', { text: text }).then(function (res) {
      typing(false);
      if (!res.ok) { add('请求有误：' + (res.body.error || '请稍后再试'), 'bot err'); return; }
      show(res.body);
    }).catch(function () {
      typing(false);
      add('网络好像断了，请稍后再试，或拨打12345政务服务热线。', 'bot err');
    }).finally(function () { send.disabled = false; input.focus(); });
  }

  document.getElementById('clear').addEventListener('click', function () {
    if (!window.confirm('确定清除全部聊天记录吗？清除后无法恢复，转人工的问题也会一并取消。')) { return; }
    fetch('/api/chat/messages', { method: 'DELETE' }).then(function (r) {
      if (!r.ok) { add('清除没有成功，请稍后再试。', 'bot err'); return; }
      log.textContent = '';
      lastSeen = 0;
      shown = {};
      latestBot = null;
      withPerson = false;
      setStatus('');
      add('聊天记录已清除。', 'bot');
    }).catch(function () { add('网络好像断了，清除没有成功，请稍后再试。', 'bot err'); });
  });

  form.addEventListener('submit', function (e) { e.preventDefault(); ask(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(input.value); }
  });
  document.querySelectorAll('#hints button').forEach(function (b) { b.addEventListener('click', function () { ask(b.textContent); }); });
  // the new messages are seen once the citizen does something on the page (or comes back to its tab)
  ['focus', 'pointerdown', 'keydown'].forEach(function (event) {
    window.addEventListener(event, function () { document.title = title; });
  });
  add('您好！我是杭州政务服务助手。请问您要办什么事？可以直接问“要带什么材料”“多久办好”“在哪办”。', 'bot');
  // the history goes here, before anything asked while it loads
  var historyEnd = document.createElement('div');
  historyEnd.hidden = true;
  log.appendChild(historyEnd);
  history(0, [])
    .then(restore)
    .catch(function () { add('之前的聊天记录暂时没能加载，请稍后刷新页面。', 'bot err'); })
    .finally(function () { historyEnd.remove(); historyEnd = null; poll(); reminders(); });

  // a booking of today or tomorrow is shown once, on the first visit after the reminder is due
  function reminders() {
    fetch('/api/appointments/reminders')
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (texts) {
        texts.forEach(function (text) { add(text, 'bot reminder').setAttribute('role', 'status'); });
      })
      .catch(function () {});
  }
})();
