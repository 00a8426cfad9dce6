// The administration page: its sections as tabs (arrow keys move between them, the choice is kept in the address),
// and the console users (list, create) through /api/admin/users. Queues, agents, skills and reason codes live in
// admin-queues.js, admin-agents.js and admin-reasons.js. The server checks the ADMIN role on every call.
(function () {
  'use strict';
  const F = window.AdminForms;
  const { el, t } = F;
  const $ = id => document.getElementById(id);
  const SECTIONS = ['queues', 'agents', 'skills', 'reasons', 'users'];
  let current = null;
  let users = [];

  function show(section, focus) {
    SECTIONS.forEach(name => {
      const tab = $('tab-' + name);
      const selected = name === section;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(name + '-section').hidden = !selected;
      if (selected && focus) {
        tab.focus();
      }
    });
    history.replaceState(null, '', '#' + section);
  }

  function tabs() {
    SECTIONS.forEach((name, i) => {
      const tab = $('tab-' + name);
      tab.addEventListener('click', () => show(name));
      tab.addEventListener('keydown', event => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) {
          event.preventDefault();
          show(SECTIONS[(i + step + SECTIONS.length) % SECTIONS.length], true);
        }
      });
    });
    const wanted = location.hash.substring(1);
    show(SECTIONS.includes(wanted) ? wanted : 'queues');
  }

  async function listUsers() {
    const answer = await Cti.api('GET', '/api/admin/users', undefined, current);
    users = Array.isArray(answer.body) ? answer.body : [];
    renderUsers();
  }

  function renderUsers() {
    $('users').replaceChildren(...users.map(u => el('tr', { dataset: { user: u.username } },
      el('td', { text: u.username }), el('td', { text: u.displayName }),
      el('td', { text: u.roles.map(r => t('role.' + r)).join(', ') }), el('td', { text: u.agentId || '' }),
      el('td', { text: t(u.enabled ? 'adm.yes' : 'adm.no') }), el('td', { text: I18n.dateTime(u.lockedUntil) }))));
  }

  async function createUser(event) {
    event.preventDefault();
    const answer = await Cti.api('POST', '/api/admin/users', { username: F.text($('username')),
      displayName: F.text($('display-name')), password: $('password').value, roles: [$('role').value],
      agentId: F.text($('agent-id')) }, current);
    if (answer.status === 201) {
      F.clearErrors($('user-form'));
      F.say(t('adm.u.created', { n: answer.body.username }));
      ['username', 'display-name', 'password', 'agent-id'].forEach(id => { $(id).value = ''; });
      await listUsers();
    } else {
      F.showErrors($('user-form'), answer);
    }
  }

  /** Agents or queues were (re)loaded: the skills in use follow them. */
  function changed() {
    if (window.AdminReasons) {
      AdminReasons.renderSkills();
    }
  }

  window.Admin = { changed };

  Cti.session().then(session => {
    current = session;
    Cti.header(session);
    tabs();
    $('user-form').addEventListener('submit', createUser);
    I18n.onChange(renderUsers);
    listUsers();
    AdminQueues.start(session);
    AdminAgents.start(session);
    AdminReasons.start(session);
  });
})();
