// The administration page's queues: list (retired ones on request), create, edit (with the version read, so a
// queue changed meanwhile is refused rather than overwritten) and retire, through the router's /api/queues.
(function () {
  'use strict';
  const F = window.AdminForms;
  const { el, t } = F;
  const $ = id => document.getElementById(id);
  const STRATEGIES = ['LONGEST_IDLE', 'FEWEST_CALLS', 'ROUND_ROBIN', 'RANDOM', 'SKILL_WEIGHTED'];
  let current = null;
  let editing = null;   // the queue view being edited, or null for a new queue
  let queues = [];

  async function load() {
    const answer = await Cti.api('GET', '/api/queues?includeRetired=true', undefined, current);
    queues = Array.isArray(answer.body) ? answer.body : [];
    render();
    Admin.changed();
    return queues;
  }

  function render() {
    const showRetired = $('queues-retired').checked;
    $('queues').replaceChildren(...queues.filter(q => showRetired || q.active).map(q => {
      const d = q.definition;
      return el('tr', { dataset: { queue: d.name }, class: q.active ? null : 'retired' },
        el('td', {}, el('strong', { text: d.name }), el('br'), el('span', { class: 'hint', text: d.displayName })),
        el('td', { text: F.skillsText(d.skills, 'minimum', '≥ ') }),
        el('td', { text: d.serviceLevel.percent + '% / ' + d.serviceLevel.withinSeconds + ' s' }),
        el('td', { text: t('strategy.' + d.strategy) }),
        el('td', { class: 'row-actions' }, q.active ? [
          el('button', { type: 'button', text: t('adm.edit'), 'aria-label': t('adm.edit') + ' ' + d.name,
            onclick: () => edit(q) }),
          el('button', { type: 'button', class: 'danger', text: t('adm.retire'),
            'aria-label': t('adm.retire') + ' ' + d.name, onclick: () => retire(d.name) })]
          : el('span', { text: t('adm.retired') })));
    }));
    $('queue-names').replaceChildren(...queues.filter(q => q.active).map(q => el('option', { value: q.definition.name })));
  }

  function edit(queue) {
    editing = queue;
    fill(queue ? queue.definition : null);
    $('queue-form-title').textContent = queue ? t('adm.q.edit', { n: queue.definition.name }) : t('adm.q.new');
    $('q-name').readOnly = !!queue;
    (queue ? $('q-display') : $('q-name')).focus();
  }

  function fill(d) {
    const form = $('queue-form');
    F.clearErrors(form);
    $('q-name').value = d ? d.name : '';
    $('q-display').value = d ? d.displayName : '';
    $('q-strategy').value = d ? d.strategy : 'LONGEST_IDLE';
    $('q-sl-percent').value = d ? d.serviceLevel.percent : 80;
    $('q-sl-within').value = d ? d.serviceLevel.withinSeconds : 20;
    $('q-max-wait').value = d ? d.maxWaitSeconds : 300;
    $('q-short-abandon').value = d ? d.shortAbandonSeconds : 5;
    $('q-ring').value = d ? d.ringTimeoutSeconds : 20;
    $('q-wrap').value = d ? d.wrapUpSeconds : 30;
    $('q-sticky').value = d ? d.stickyWaitSeconds : 0;
    $('q-callback').checked = d ? !!d.callbackOffered : false;
    $('q-skills').replaceChildren();
    (d ? d.skills : []).forEach(s => F.skillRow($('q-skills'), 'skills', 'minimum', s));
    renderOverflow(d ? d.overflow : []);
  }

  /** The overflow steps as rows; a removal re-renders them all, so every path matches its new place. */
  function renderOverflow(steps) {
    const box = $('q-overflow');
    box.replaceChildren(...steps.map((step, i) => overflowRow(i, step)));
  }

  function overflowRow(i, step) {
    const base = 'overflow[' + i + ']';
    const moving = !!(step && step.moveTo);
    const kind = el('select', { class: 'kind', 'aria-label': t('adm.q.stepKind') },
      el('option', { value: 'widen', text: t('adm.q.widen'), selected: !moving }),
      el('option', { value: 'move', text: t('adm.q.move'), selected: moving }));
    const moveTo = el('input', { class: 'move-to', list: 'queue-names', value: moving ? step.moveTo : '',
      'aria-label': t('adm.q.moveTo'), autocomplete: 'off' });
    const widen = el('div', { class: 'rows widen' });
    const widenBox = el('div', { dataset: { field: base + '.widenTo' }, class: 'widen-box' }, widen,
      el('button', { type: 'button', text: t('adm.addSkill'), onclick: () =>
        F.skillRow(widen, base + '.widenTo', 'minimum').querySelector('input').focus() }));
    ((step && step.widenTo) || []).forEach(s => F.skillRow(widen, base + '.widenTo', 'minimum', s));
    const moveBox = el('span', { dataset: { field: base + '.moveTo' } }, moveTo);
    const show = () => {
      widenBox.hidden = kind.value !== 'widen';
      moveBox.hidden = kind.value !== 'move';
    };
    kind.addEventListener('change', show);
    const row = el('div', { class: 'step', dataset: { field: base } },
      el('span', { dataset: { field: base + '.afterSeconds' } },
        el('label', { class: 'inline' }, el('span', { text: t('adm.q.after') }),
          el('input', { type: 'number', min: 1, class: 'after', value: step ? step.afterSeconds : '' }))),
      kind, moveBox, widenBox,
      el('button', { type: 'button', class: 'remove', text: t('adm.remove'), onclick: () => {
        const steps = readOverflow();
        steps.splice(i, 1);
        renderOverflow(steps);
      } }));
    show();
    return row;
  }

  function readOverflow() {
    return [...$('q-overflow').children].map(row => {
      const after = F.number(row.querySelector('.after'));
      return row.querySelector('.kind').value === 'move'
        ? { afterSeconds: after, widenTo: null, moveTo: F.text(row.querySelector('.move-to')) }
        : { afterSeconds: after, widenTo: F.readSkills(row.querySelector('.widen'), 'minimum'), moveTo: null };
    });
  }

  function draft() {
    return {
      name: F.text($('q-name')), displayName: F.text($('q-display')),
      skills: F.readSkills($('q-skills'), 'minimum'),
      serviceLevel: { percent: F.number($('q-sl-percent')), withinSeconds: F.number($('q-sl-within')) },
      shortAbandonSeconds: F.number($('q-short-abandon')), maxWaitSeconds: F.number($('q-max-wait')),
      overflow: readOverflow(), callbackOffered: $('q-callback').checked, strategy: $('q-strategy').value,
      stickyWaitSeconds: F.number($('q-sticky')), ringTimeoutSeconds: F.number($('q-ring')),
      wrapUpSeconds: F.number($('q-wrap')),
    };
  }

  async function save(event) {
    event.preventDefault();
    const body = draft();
    const answer = editing
      ? await Cti.api('PUT', '/api/queues/' + encodeURIComponent(editing.definition.name) + '?version='
        + editing.version, body, current)
      : await Cti.api('POST', '/api/queues', body, current);
    if (answer.status === 200 || answer.status === 201) {
      const key = editing ? 'adm.q.saved' : 'adm.q.created';
      F.say(() => t(key, { n: answer.body.definition.name }));
      edit(null);
      await load();
    } else {
      F.showErrors($('queue-form'), answer);
    }
  }

  async function retire(name) {
    if (!confirm(t('adm.q.retireConfirm', { n: name }))) {
      return;
    }
    const answer = await Cti.api('POST', '/api/queues/' + encodeURIComponent(name) + '/retire', undefined, current);
    F.say(() => answer.status === 200 ? t('adm.q.retiredNow', { n: name })
      : t('msg.error', { m: (answer.body && answer.body.message) || answer.status }));
    await load();
  }

  function start(session) {
    current = session;
    document.body.append(el('datalist', { id: 'queue-names' }));
    $('q-strategy').replaceChildren(...STRATEGIES.map(s => el('option', { value: s, text: t('strategy.' + s) })));
    $('queue-form').addEventListener('submit', save);
    $('queue-new').addEventListener('click', () => edit(null));
    $('queue-cancel').addEventListener('click', () => edit(null));
    $('queues-retired').addEventListener('change', render);
    $('q-skill-add').addEventListener('click', () =>
      F.skillRow($('q-skills'), 'skills', 'minimum').querySelector('input').focus());
    $('q-overflow-add').addEventListener('click', () => {
      const steps = readOverflow();
      steps.push(null);
      renderOverflow(steps);
      $('q-overflow').lastElementChild.querySelector('input').focus();
    });
    I18n.onChange(() => {
      const strategy = $('q-strategy').value;
      $('q-strategy').replaceChildren(...STRATEGIES.map(s => el('option', { value: s, text: t('strategy.' + s) })));
      $('q-strategy').value = strategy;
      render();
      const steps = readOverflow();
      const skills = F.readSkills($('q-skills'), 'minimum');
      $('q-skills').replaceChildren();
      skills.forEach(s => F.skillRow($('q-skills'), 'skills', 'minimum', s));
      renderOverflow(steps);
      $('queue-form-title').textContent = editing ? t('adm.q.edit', { n: editing.definition.name }) : t('adm.q.new');
    });
    fill(null);
    return load();
  }

  window.AdminQueues = { start, load, all: () => queues };
})();
