// The administration page's agents: list (deactivated ones on request), create, edit skills with proficiency 1-10,
// teams and phone endpoint (with the version read), and deactivate, through the router's /api/agents.
(function () {
  'use strict';
  const F = window.AdminForms;
  const { el, t } = F;
  const $ = id => document.getElementById(id);
  let current = null;
  let editing = null;
  let agents = [];

  async function load() {
    const answer = await Cti.api('GET', '/api/agents?includeInactive=true', undefined, current);
    agents = Array.isArray(answer.body) ? answer.body : [];
    render();
    Admin.changed();
    return agents;
  }

  function render() {
    const showInactive = $('agents-inactive').checked;
    $('agents').replaceChildren(...agents.filter(a => showInactive || a.active).map(a => {
      const p = a.profile;
      return el('tr', { dataset: { agent: p.id }, class: a.active ? null : 'retired' },
        el('td', {}, el('strong', { text: p.id }), el('br'), el('span', { class: 'hint', text: p.displayName })),
        el('td', { text: F.skillsText(p.skills, 'proficiency') }),
        el('td', { text: (p.teams || []).join(', ') }),
        el('td', { text: p.endpoint }),
        el('td', { class: 'row-actions' }, a.active ? [
          el('button', { type: 'button', text: t('adm.edit'), 'aria-label': t('adm.edit') + ' ' + p.id,
            onclick: () => edit(a) }),
          el('button', { type: 'button', class: 'danger', text: t('adm.deactivate'),
            'aria-label': t('adm.deactivate') + ' ' + p.id, onclick: () => deactivate(p.id) })]
          : el('span', { text: t('adm.inactive') })));
    }));
  }

  function edit(agent) {
    editing = agent;
    const p = agent ? agent.profile : null;
    F.clearErrors($('agent-form'));
    $('a-id').value = p ? p.id : '';
    $('a-id').readOnly = !!p;
    $('a-display').value = p ? p.displayName : '';
    $('a-endpoint').value = p ? p.endpoint : '';
    $('a-teams').value = p ? (p.teams || []).join(', ') : '';
    $('a-skills').replaceChildren();
    (p ? p.skills : []).forEach(s => F.skillRow($('a-skills'), 'skills', 'proficiency', s));
    title();
    (p ? $('a-display') : $('a-id')).focus();
  }

  function title() {
    $('agent-form-title').textContent = editing ? t('adm.a.edit', { n: editing.profile.id }) : t('adm.a.new');
  }

  function draft() {
    const teams = $('a-teams').value.split(',').map(s => s.trim()).filter(s => s !== '');
    return { id: F.text($('a-id')), displayName: F.text($('a-display')),
      skills: F.readSkills($('a-skills'), 'proficiency'), teams, endpoint: F.text($('a-endpoint')) };
  }

  async function save(event) {
    event.preventDefault();
    const body = draft();
    const answer = editing
      ? await Cti.api('PUT', '/api/agents/' + encodeURIComponent(editing.profile.id) + '?version=' + editing.version,
        body, current)
      : await Cti.api('POST', '/api/agents', body, current);
    if (answer.status === 200 || answer.status === 201) {
      const key = editing ? 'adm.a.saved' : 'adm.a.created';
      F.say(() => t(key, { n: answer.body.profile.id }));
      edit(null);
      await load();
    } else {
      F.showErrors($('agent-form'), answer);
    }
  }

  async function deactivate(id) {
    if (!confirm(t('adm.a.deactivateConfirm', { n: id }))) {
      return;
    }
    const answer = await Cti.api('POST', '/api/agents/' + encodeURIComponent(id) + '/deactivate', undefined, current);
    F.say(() => answer.status === 200 ? t('adm.a.deactivated', { n: id })
      : t('msg.error', { m: (answer.body && answer.body.message) || answer.status }));
    await load();
  }

  function start(session) {
    current = session;
    $('agent-form').addEventListener('submit', save);
    $('agent-new').addEventListener('click', () => edit(null));
    $('agent-cancel').addEventListener('click', () => edit(null));
    $('agents-inactive').addEventListener('change', render);
    $('a-skill-add').addEventListener('click', () =>
      F.skillRow($('a-skills'), 'skills', 'proficiency').querySelector('input').focus());
    I18n.onChange(() => {
      render();
      title();
      const skills = F.readSkills($('a-skills'), 'proficiency');
      $('a-skills').replaceChildren();
      skills.forEach(s => F.skillRow($('a-skills'), 'skills', 'proficiency', s));
    });
    return load();
  }

  window.AdminAgents = { start, load, all: () => agents };
})();
