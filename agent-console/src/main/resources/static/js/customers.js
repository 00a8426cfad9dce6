// The customer lookup page (its words in i18n.js): finds a card by phone number or customers by name through the
// customer API.
(function () {
  'use strict';
  const result = document.getElementById('result');
  const alerts = document.getElementById('alerts');
  let shown = [];

  /** The last answer's alerts, each kind in the page's language; again whenever the language changes. */
  function renderAlerts() {
    alerts.replaceChildren(...shown.map(a => {
      const tag = document.createElement('span');
      tag.className = a.kind;
      // The kind in the page's language; the server's own words (a date, a contact's topic) as the tooltip.
      const key = 'alert.' + a.kind;
      tag.textContent = I18n.t(key) === key ? a.message : I18n.t(key);
      tag.title = a.message || '';
      return tag;
    }));
  }

  async function show(url) {
    shown = [];
    renderAlerts();
    const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
    const body = await response.json().catch(() => ({ error: 'not JSON', status: response.status }));
    shown = Array.isArray(body.alerts) ? body.alerts : [];
    renderAlerts();
    // The answer is data, not words of the page: the language switch must not put the placeholder back.
    delete result.dataset.i18n;
    result.textContent = response.status + '\n' + JSON.stringify(body, null, 2);
  }
  document.getElementById('lookup').addEventListener('submit', e => {
    e.preventDefault();
    show('/api/customers/search?phone=' + encodeURIComponent(document.getElementById('phone').value));
  });
  document.getElementById('byname').addEventListener('submit', e => {
    e.preventDefault();
    show('/api/customers/search?name=' + encodeURIComponent(document.getElementById('name').value));
  });
  I18n.onChange(renderAlerts);
})();
