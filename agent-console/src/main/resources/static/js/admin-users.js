// The administration page's console users, through /api/admin/users: list (who is locked, until when), create,
// change roles / name / linked agent / enabled, unlock, and set a password (typed twice). The user name never
// changes and a password has its own request, so both are only asked for when creating. Escape leaves the editor.
(function () {
  'use strict';
  const F = window.AdminForms;
  const { el, t } = F;
  const $ = id => document.getElementById(id);
  const ROLES = ['AGENT', 'SUPERVISOR', 'CAMPAIGN_MANAGER', 'ADMIN'];
  let current = null;
  let users = [];
  let editing = null;

  async function load() {
    const answer = await Cti.api('GET', '/api/admin/users', undefined, current);
    users = Array.isArray(answer.body) ? answer.body : [];
    if (editing) {
      editing = users.find(u => u.username === editing.username) || null;
    }
    render();
    renderLock();
    return users;
  }

  function render() {
    $('users').replaceChildren(...users.map(u => el('tr', { dataset: { user: u.username, locked: String(u.locked) },
      class: u.enabled ? null : 'retired' },
    el('td', {}, el('strong', { text: u.username }), el('br'), el('span', { class: 'hint', text: u.displayName })),
    el('td', { text: u.roles.map(r => t('role.' + r)).join(', ') }),
    el('td', { text: u.agentId || '' }),
    el('td', { text: t(u.enabled ? 'adm.yes' : 'adm.no') }),
    el('td', { class: 'lock-state' }, el('span', { text: lockText(u) }),
      u.locked ? el('button', { type: 'button', class: 'unlock danger', text: t('adm.u.unlock'),
        'aria-label': t('adm.u.unlock') + ' ' + u.username, onclick: () => unlock(u.username, false) }) : null),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'edit', text: t('adm.edit'), 'aria-label': t('adm.edit') + ' ' + u.username,
        onclick: () => edit(u) }),
      el('button', { type: 'button', class: 'set-password', text: t('adm.u.password'),
        'aria-label': t('adm.u.setPasswordOf', { n: u.username }), onclick: () => edit(u, $('new-password')) })))));
  }

  /** "7 Dec 2026, 09:15 (5 failed logins)" for a locked user; nothing for the others. */
  function lockText(user) {
    return user.locked ? t('adm.u.lockedCell', { t: I18n.dateTime(user.lockedUntil), n: user.failedLogins }) : '';
  }

  /** Opens {@code user} in the editor (null: a new user) and focuses {@code focus} or the first field to type in. */
  function edit(user, focus) {
    editing = user;
    F.clearErrors($('user-form'));
    F.clearErrors($('password-form'));
    $('username').value = user ? user.username : '';
    $('username').readOnly = !!user;
    $('display-name').value = user ? user.displayName : '';
    $('password').value = '';
    $('new-password-field').hidden = !!user;
    $('agent-id').value = user && user.agentId ? user.agentId : '';
    $('user-enabled').checked = user ? user.enabled : true;
    ROLES.forEach(role => { $('role-' + role).checked = !!user && user.roles.includes(role); });
    $('new-password').value = '';
    $('confirm-password').value = '';
    $('password-form').hidden = !user;
    const save = $('user-save');
    save.dataset.i18n = user ? 'adm.save' : 'adm.u.create';
    save.textContent = t(save.dataset.i18n);
    titles();
    renderLock();
    (focus || (user ? $('display-name') : $('username'))).focus();
  }

  function titles() {
    $('user-form-title').textContent = editing ? t('adm.u.edit', { n: editing.username }) : t('adm.u.new');
    $('password-form-title').textContent = editing ? t('adm.u.setPasswordOf', { n: editing.username }) : '';
  }

  /** The editor's lock panel: shown while the user being edited is locked. */
  function renderLock() {
    const locked = !!editing && editing.locked;
    $('user-lock').hidden = !locked;
    $('user-lock-text').textContent = locked ? t('adm.u.lockedNow', { n: editing.username,
      t: I18n.dateTime(editing.lockedUntil), f: editing.failedLogins }) : '';
  }

  function draft() {
    const body = { displayName: F.text($('display-name')), roles: ROLES.filter(role => $('role-' + role).checked),
      agentId: F.text($('agent-id')), enabled: $('user-enabled').checked };
    if (!editing) {
      body.username = F.text($('username'));
      body.password = $('password').value;
    }
    return body;
  }

  async function save(event) {
    event.preventDefault();
    const changing = editing;
    const answer = changing
      ? await Cti.api('PUT', '/api/admin/users/' + encodeURIComponent(changing.username), draft(), current)
      : await Cti.api('POST', '/api/admin/users', draft(), current);
    if (answer.status === 200 || answer.status === 201) {
      F.say(() => t(changing ? 'adm.u.saved' : 'adm.u.created', { n: answer.body.username }));
      editing = null;
      await load();
      edit(null, changing ? rowButton(changing.username, 'edit') : null);
    } else {
      F.showErrors($('user-form'), atFields(answer));
    }
  }

  /** A taken user name is a 409 without field errors; it still belongs next to the user name. */
  function atFields(answer) {
    const body = answer.body || {};
    if (body.error === 'duplicate-user') {
      return { status: answer.status, body: { ...body, fieldErrors: [{ field: 'username', code: body.error,
        message: body.message }] } };
    }
    return answer;
  }

  async function setPassword(event) {
    event.preventDefault();
    const password = $('new-password').value;
    if (password !== $('confirm-password').value) {
      // Checked here only: the server never sees the confirmation.
      F.showErrors($('password-form'), { status: 400, body: { fieldErrors: [{ field: 'confirm', code: 'mismatch' }] } });
      return;
    }
    const username = editing.username;
    const answer = await Cti.api('POST', '/api/admin/users/' + encodeURIComponent(username) + '/password',
      { password }, current);
    if (answer.status === 200) {
      F.clearErrors($('password-form'));
      $('new-password').value = '';
      $('confirm-password').value = '';
      F.say(() => t('adm.u.passwordSet', { n: username }));
      await load();
    } else {
      F.showErrors($('password-form'), answer);
    }
  }

  /** Unlocks {@code username}; the focus goes on to what one does next there (the password or the row). */
  async function unlock(username, fromEditor) {
    const answer = await Cti.api('POST', '/api/admin/users/' + encodeURIComponent(username) + '/unlock', undefined,
      current);
    F.say(() => answer.status === 200 ? t('adm.u.unlocked', { n: username })
      : t('msg.error', { m: (answer.body && answer.body.message) || answer.status }));
    await load();
    (fromEditor && editing ? $('new-password') : rowButton(username, 'edit')).focus();
  }

  function rowButton(username, kind) {
    return [...$('users').querySelectorAll('tr')].filter(row => row.dataset.user === username)
      .map(row => row.querySelector('button.' + kind))[0] || $('user-new');
  }

  /** The router's agents, offered in the agent link field. */
  function agentsChanged(agents) {
    $('agent-ids').replaceChildren(...agents.filter(a => a.active)
      .map(a => el('option', { value: a.profile.id, label: a.profile.displayName })));
  }

  function start(session) {
    current = session;
    $('user-form').addEventListener('submit', save);
    $('password-form').addEventListener('submit', setPassword);
    $('user-new').addEventListener('click', () => edit(null));
    $('user-cancel').addEventListener('click', () => edit(null, $('user-new')));
    $('user-unlock').addEventListener('click', () => unlock(editing.username, true));
    ['user-form', 'user-lock', 'password-form'].forEach(id => $(id).addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        event.preventDefault();
        edit(null, editing ? rowButton(editing.username, 'edit') : $('user-new'));
      }
    }));
    I18n.onChange(() => {
      render();
      titles();
      renderLock();
    });
    return load();
  }

  window.AdminUsers = { start, load, agentsChanged };
})();
