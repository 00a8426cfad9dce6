// The customer lookup page: finds a card by phone number or customers by name through the customer API.
(function () {
  'use strict';
  const result = document.getElementById('result');
  const alerts = document.getElementById('alerts');
  async function show(url) {
    alerts.replaceChildren();
    const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
    const body = await response.json().catch(() => ({ error: 'not JSON', status: response.status }));
    (body.alerts || []).forEach(a => {
      const tag = document.createElement('span');
      tag.className = a.kind;
      tag.textContent = a.message;
      alerts.appendChild(tag);
    });
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
})();
