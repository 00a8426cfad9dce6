// The minimal administration page: lists the console users and creates new ones through /api/admin/users.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
    return tr;
  }
  async function list(current) {
    const answer = await Cti.api('GET', '/api/admin/users', undefined, current);
    $('users').replaceChildren(...(answer.body || []).map(u => row([u.username, u.displayName, u.roles.join(', '),
      u.agentId || '', u.enabled ? 'yes' : 'no', u.lockedUntil || ''])));
  }
  Cti.session().then(current => {
    Cti.header(current);
    list(current);
    $('new-user').addEventListener('submit', async event => {
      event.preventDefault();
      const answer = await Cti.api('POST', '/api/admin/users', { username: $('username').value,
        displayName: $('display-name').value, password: $('password').value, roles: [$('role').value],
        agentId: $('agent-id').value || null }, current);
      $('answer').textContent = answer.status === 201 ? 'Created ' + answer.body.username
        : answer.body.message;
      list(current);
    });
  });
})();
