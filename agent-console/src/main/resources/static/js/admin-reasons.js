// The administration page's reason codes (list with the system and retired ones, add, retire, through the router's
// /api/reason-codes) and skills: the router keeps no list of skills of its own, so the page shows the skills in
// use, gathered from the agents' and the queues' definitions (overflow steps included).
(function () {
  'use strict';
  const F = window.AdminForms;
  const { el, t } = F;
  const $ = id => document.getElementById(id);
  let current = null;
  let codes = [];

  async function load() {
    const answer = await Cti.api('GET', '/api/reason-codes?includeRetired=true&includeSystem=true', undefined, current);
    codes = Array.isArray(answer.body) ? answer.body : [];
    render();
  }

  function render() {
    $('reasons').replaceChildren(...codes.map(c => el('tr', { dataset: { code: c.code }, class: c.active ? null : 'retired' },
      el('td', { text: c.code }), el('td', { text: c.label }),
      el('td', { text: t(c.productive ? 'adm.yes' : 'adm.no') }),
      el('td', { text: t(c.system ? 'adm.r.system' : c.active ? 'adm.r.offered' : 'adm.retired') }),
      el('td', { class: 'row-actions' }, c.active && !c.system ? el('button', { type: 'button', class: 'danger',
        text: t('adm.retire'), 'aria-label': t('adm.retire') + ' ' + c.code, onclick: () => retire(c.code) }) : null))));
  }

  async function add(event) {
    event.preventDefault();
    const answer = await Cti.api('POST', '/api/reason-codes', { code: F.text($('r-code')), label: F.text($('r-label')),
      productive: $('r-productive').checked }, current);
    if (answer.status === 201) {
      F.clearErrors($('reason-form'));
      F.say(() => t('adm.r.added', { n: answer.body.code }));
      $('r-code').value = '';
      $('r-label').value = '';
      $('r-productive').checked = false;
      await load();
    } else {
      F.showErrors($('reason-form'), answer);
    }
  }

  async function retire(code) {
    const answer = await Cti.api('POST', '/api/reason-codes/' + encodeURIComponent(code) + '/retire', undefined, current);
    F.say(() => answer.status === 200 ? t('adm.r.retiredNow', { n: code })
      : t('msg.error', { m: (answer.body && answer.body.message) || answer.status }));
    await load();
  }

  /** Every skill named by an active agent or queue, with who has it and which queues need it. */
  function renderSkills() {
    const skills = new Map();
    const entry = name => skills.get(name) || skills.set(name, { agents: [], queues: new Map() }).get(name);
    AdminAgents.all().filter(a => a.active).forEach(a => (a.profile.skills || []).forEach(s =>
      entry(s.skill).agents.push(a.profile.id + ' (' + s.proficiency + ')')));
    AdminQueues.all().filter(q => q.active).forEach(q => {
      const d = q.definition;
      (d.skills || []).forEach(s => entry(s.skill).queues.set(d.name, d.name + ' (≥ ' + s.minimum + ')'));
      // A skill named only by an overflow step still counts as in use by the queue.
      (d.overflow || []).forEach(step => (step.widenTo || []).filter(s => !entry(s.skill).queues.has(d.name))
        .forEach(s => entry(s.skill).queues.set(d.name, d.name + ' (' + t('adm.q.overflow') + ' ≥ ' + s.minimum + ')')));
    });
    const names = [...skills.keys()].sort();
    $('skills').replaceChildren(...names.map(name => el('tr', { dataset: { skill: name } },
      el('td', { text: name }), el('td', { text: skills.get(name).agents.join(', ') || '—' }),
      el('td', { text: [...skills.get(name).queues.values()].join(', ') || '—' }))));
    $('skill-names').replaceChildren(...names.map(name => el('option', { value: name })));
  }

  function start(session) {
    current = session;
    $('reason-form').addEventListener('submit', add);
    I18n.onChange(render);
    return load();
  }

  window.AdminReasons = { start, load, renderSkills };
})();
