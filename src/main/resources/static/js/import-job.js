// The import page: follows the job's status until the import (and the embedding of its wordings) has finished.
(function () {
  const box = document.getElementById('import-job');
  const url = box.dataset.statusUrl;
  function show(s) {
    document.getElementById('stage').textContent = s.stageLabel;
    document.getElementById('bar').value = s.percent;
    document.getElementById('lines').textContent = s.linesRead;
    document.getElementById('stored').textContent = s.stored;
    document.getElementById('total').textContent = s.total;
    if (s.stage === 'DONE') {
      document.getElementById('imported').textContent = s.imported;
      document.getElementById('notices').replaceChildren(...s.notices.map(n => { const li = document.createElement('li'); li.textContent = n; return li; }));
      document.getElementById('done').hidden = false;
    }
    if (s.stage === 'NOT_INDEXED') {
      document.getElementById('not-indexed-problem').textContent = s.problems.join(' ');
      document.getElementById('not-indexed').hidden = false;
    }
    if (s.stage === 'FAILED') {
      document.getElementById('bar').classList.add('failed');
      const list = document.getElementById('problems');
      list.replaceChildren(...s.details.map(p => { const li = document.createElement('li'); li.textContent = p; return li; }));
      document.getElementById('problem-count').textContent = s.details.length;
      document.getElementById('failed').hidden = false;
    }
    if (s.toEmbed > 0) {
      document.getElementById('embedded').textContent = s.embedded;
      document.getElementById('to-embed').textContent = s.toEmbed;
      document.getElementById('semantic-note').textContent = s.embedding ? '，完成前按字面匹配回答。' : '，已就绪：市民用自己的话描述情况也能问到。';
      document.getElementById('semantic').hidden = false;
    }
    return s.finished && !s.embedding;
  }
  function poll() {
    fetch(url, {headers: {'X-Requested-With': 'XMLHttpRequest'}})
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(s => { if (!show(s)) setTimeout(poll, 500); })
      .catch(() => setTimeout(poll, 2000));
  }
  if ((document.getElementById('done').hidden && document.getElementById('failed').hidden
      && document.getElementById('not-indexed').hidden) || document.getElementById('semantic-note').textContent.includes('完成前')) poll();
})();
