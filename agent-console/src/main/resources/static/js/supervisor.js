// The minimal supervisor page: queue figures and agent states as text, kept current by the push socket. The
// wallboard replaces this page.
(function () {
  'use strict';
  const queues = new Map();
  const agents = new Map();
  const percent = value => value < 0 ? '–' : Math.round(value * 100) + ' %';
  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
    return tr;
  }
  function render() {
    document.getElementById('queues').replaceChildren(...[...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue))
      .map(q => row([q.queue, q.waiting, q.longestWaitSeconds, percent(q.serviceLevelToday),
        q.averageSpeedOfAnswerSeconds, percent(q.abandonRate), q.answeredToday])));
    document.getElementById('agents').replaceChildren(...[...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId))
      .map(a => row([a.agentId, a.status + (a.reasonCode ? ' (' + a.reasonCode + ')' : ''),
        new Date(a.since).toLocaleTimeString(), a.callId || ''])));
  }
  function onFrame(frame) {
    if (frame.type === 'wallboard-snapshot') {
      queues.clear();
      agents.clear();
      frame.data.queues.forEach(q => queues.set(q.queue, q));
      frame.data.agents.forEach(a => agents.set(a.agentId, a));
    } else if (frame.type === 'queue-figures') {
      queues.set(frame.data.queue, frame.data);
    } else if (frame.type === 'agent-state') {
      agents.set(frame.data.agentId, frame.data);
    } else {
      return;
    }
    render();
  }
  Cti.session().then(current => {
    Cti.header(current);
    Cti.connect(onFrame, text => { document.getElementById('connection').textContent = text; });
  });
})();
