// Shared by the console's pages: the session (who is logged in, the CSRF token), API calls that carry the token,
// the logout button, and the push socket with reconnect. Pages build on window.Cti.
(function () {
  'use strict';

  async function session() {
    const response = await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return response.json();
  }

  async function api(method, url, body, current) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (current && current.csrf) {
      headers[current.csrf.headerName] = current.csrf.token;
    }
    const response = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) {
      location.href = '/login.html?expired';
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** Fills the page header: who is logged in, and a logout form carrying the CSRF token. */
  function header(current) {
    const who = document.getElementById('who');
    if (who) {
      who.textContent = current.displayName + ' (' + current.username + (current.agentId && current.agentId !== current.username
        ? ' · ' + current.agentId : '') + ')';
    }
    const logout = document.getElementById('logout');
    if (logout && current.csrf) {
      const token = document.createElement('input');
      token.type = 'hidden';
      token.name = current.csrf.parameterName;
      token.value = current.csrf.token;
      logout.appendChild(token);
    }
  }

  /**
   * Opens the push socket and keeps it open: after a drop it reconnects with a growing pause (1 s to 30 s) and the
   * server sends a fresh snapshot, so the page catches up without a reload. Close code 4401: the login session
   * ended, so the page goes to the login page. Returns a function that sends an action.
   */
  function connect(onFrame, onConnection) {
    let socket = null;
    let pause = 1000;
    function open() {
      socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
      socket.onopen = () => { pause = 1000; onConnection('connected'); };
      socket.onmessage = event => {
        const frame = JSON.parse(event.data);
        if (frame.type === 'heartbeat' && frame.data && frame.data.at) {
          // The server's clock, not this browser's, decides times in state and countdowns.
          offset = Date.parse(frame.data.at) - Date.now();
        }
        onFrame(frame);
      };
      socket.onclose = event => {
        if (event.code === 4401 || event.code === 1008) {
          location.href = '/login.html?expired';
          return;
        }
        onConnection('reconnecting', Math.round(pause / 1000));
        // A refused handshake (the session ended meanwhile) looks like any drop: ask before trying again.
        setTimeout(() => session().then(current => {
          if (current.authenticated) {
            open();
          } else {
            location.href = '/login.html?expired';
          }
        }).catch(open), pause);
        pause = Math.min(pause * 2, 30000);
      };
    }
    open();
    // The socket does not count as use of the login session: refresh it while the page is open.
    setInterval(() => session().catch(() => {}), 5 * 60 * 1000);
    return message => {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return true;
      }
      return false;
    };
  }

  let offset = 0;

  /** Now by the server's clock (as far as its heartbeats tell), in epoch milliseconds. */
  function serverNow() {
    return Date.now() + offset;
  }

  /** Shows the socket's state in element id "connection", in the page's language. */
  let shown = null;
  function showConnection(state, seconds) {
    const element = document.getElementById('connection');
    if (window.I18n && shown === null) {
      I18n.onChange(() => showConnection(shown.state, shown.seconds));
    }
    shown = { state, seconds };
    if (element) {
      delete element.dataset.i18n;
      element.dataset.state = state;
      element.textContent = window.I18n ? I18n.t('push.' + state, { s: seconds }) : state;
    }
  }

  window.Cti = { session, api, header, connect, serverNow, showConnection };
})();
