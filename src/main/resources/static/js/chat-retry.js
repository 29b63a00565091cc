// The chat page's question, sent again by itself while the service is busy or out of reach: a 503
// (the database is down: nothing was stored) or no network. Meanwhile the page shows
// "网络/服务繁忙，正在重试…". The page's own code sees only the last answer, or the last failure
// after about a minute and a half of tries.
(function () {
  var send = window.fetch.bind(window);
  var DELAYS = [1000, 2000, 3000, 5000, 5000, 8000, 10000, 10000, 15000, 15000, 15000];

  function retrying(on) {
    var el = document.getElementById('retrying');
    if (!el) {
      el = document.createElement('div');
      el.id = 'retrying';
      el.className = 'status';
      el.setAttribute('role', 'status');
      el.textContent = '网络/服务繁忙，正在重试…';
      var status = document.getElementById('status');
      status.parentNode.insertBefore(el, status);
    }
    el.hidden = !on;
  }

  window.fetch = function (url, init) {
    if (url !== '/api/chat' || !init || init.method !== 'POST') {
      return send(url, init);
    }
    var attempt = 0;
    function later(result) {
      if (attempt >= DELAYS.length) {
        return result;
      }
      retrying(true);
      return new Promise(function (resolve) { setTimeout(resolve, DELAYS[attempt++]); }).then(once);
    }
    function once() {
      return send(url, init).then(function (r) {
        return r.status === 503 ? later(r) : r;
      }, function (error) {
        return later(Promise.reject(error));
      });
    }
    return once().finally(function () { retrying(false); });
  };
})();
