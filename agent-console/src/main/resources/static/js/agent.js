// The minimal agent page: shows the agent's state and screen-pop as the push socket brings them, and sends the
// agent's actions over it. The full desktop replaces this page.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  function showState(state) {
    $('state').textContent = state ? state.status + (state.reasonCode ? ' (' + state.reasonCode + ')' : '')
      + (state.callId ? ' on call ' + state.callId : '') + ' since ' + new Date(state.since).toLocaleTimeString() : 'unknown';
  }
  function onFrame(frame) {
    switch (frame.type) {
      case 'agent-snapshot':
        showState(frame.data.state);
        $('pop').textContent = frame.data.pop ? JSON.stringify(frame.data.pop, null, 2) : 'No call now.';
        break;
      case 'agent-state': showState(frame.data); break;
      case 'pop': $('pop').textContent = JSON.stringify(frame.data, null, 2); break;
      case 'accepted': $('answer').textContent = 'Sent: ' + frame.data.action; break;
      case 'error': $('answer').textContent = frame.data.error + ': ' + frame.data.message; break;
      default: break;
    }
  }
  Cti.session().then(current => {
    Cti.header(current);
    const send = Cti.connect(onFrame, text => { $('connection').textContent = text; });
    Cti.api('GET', '/api/reason-codes', undefined, current).then(answer => {
      (answer.body || []).forEach(code => {
        const option = document.createElement('option');
        option.value = code.code;
        option.textContent = code.label || code.code;
        $('reason').appendChild(option);
      });
    });
    $('ready').addEventListener('click', () => send({ type: 'ready' }));
    $('not-ready').addEventListener('click', () => send({ type: 'not-ready', reason: $('reason').value }));
    $('log-out').addEventListener('click', () => send({ type: 'log-out' }));
    $('wrap-up').addEventListener('submit', event => {
      event.preventDefault();
      send({ type: 'wrap-up', disposition: $('disposition').value, notes: $('notes').value });
    });
  });
})();
