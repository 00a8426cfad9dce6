// The agent desktop: state with reason codes, the screen-pop with the customer card while the phone rings, call
// controls, the wrap-up form with its countdown, customer search / edit / create and click-to-dial. Everything comes
// by push; times-in-state and the countdown are computed from the server's timestamps (corrected by the server
// clock's offset), so a throttled background tab shows the right figures whenever it paints. A dropped socket
// reconnects and the snapshot brings the page up to date.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const t = (k, v) => I18n.t(k, v);
  const DISPOSITIONS = ['resolved', 'sale', 'callback', 'info', 'complaint', 'no-sale', 'escalated'];
  const desk = { state: null, pop: null, held: false, card: null, editing: null };
  let send = () => false;
  let current = null;
  let reasons = [];

  function showState() {
    const s = desk.state;
    const status = s ? s.status : 'unknown';
    $('state').dataset.status = status;
    $('state').textContent = t('state.' + status) + (s && s.reasonCode ? ' · ' + s.reasonCode : '');
    const onCall = status === 'ON_CALL';
    $('controls').hidden = !onCall;
    $('hold').textContent = t(desk.held ? 'action.resume' : 'action.hold');
    $('ready').disabled = status === 'READY' || onCall || status === 'RINGING';
    const wrapping = status === 'WRAP_UP';
    if (wrapping && $('wrap-up').hidden) {
      $('wrap-up').hidden = false;
      $('disposition').focus();
    } else if (!wrapping) {
      $('wrap-up').hidden = true;
    }
    tick();
  }

  /** Repaints what depends on "now": time in state, wrap-up countdown. Only the server's timestamps are used. */
  function tick() {
    const s = desk.state;
    const now = Cti.serverNow();
    $('in-state').textContent = s && s.since ? t('agent.inState', { t: I18n.duration((now - Date.parse(s.since)) / 1000) }) : '';
    if (s && s.status === 'WRAP_UP' && s.wrapUpEnds) {
      const left = (Date.parse(s.wrapUpEnds) - now) / 1000;
      $('wrap-countdown').textContent = left > 0 ? t('wrap.endsIn', { t: I18n.duration(left) }) : t('wrap.over');
    } else {
      $('wrap-countdown').textContent = '';
    }
  }

  function showPop() {
    const pop = desk.pop;
    const status = desk.state ? desk.state.status : null;
    if (!pop) {
      $('call').replaceChildren(CtiCard.el('p', { text: t('call.none') }));
      $('card').replaceChildren();
      return;
    }
    $('call').replaceChildren(CtiCard.call(pop, status, desk.held));
    if (pop.knownCaller && pop.card) {
      $('card').replaceChildren(CtiCard.card(pop.card, dial, edit));
    } else {
      $('card').replaceChildren(CtiCard.el('p', { className: 'card-name', id: 'unknown-caller', text: t('card.unknown') }));
      openCustomerForm(null, pop.callerNumber);
    }
    document.title = pop.callerNumber + ' · ' + t('agent.title');
  }

  function say(text) {
    $('answer').textContent = text;
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'agent-snapshot':
        desk.state = frame.data.state;
        desk.pop = frame.data.pop;
        if (!desk.pop) { desk.held = false; }
        showState();
        showPop();
        break;
      case 'agent-state': {
        const before = desk.state && desk.state.callId;
        desk.state = frame.data;
        if (frame.data.callId !== before || frame.data.status === 'ON_CALL' || frame.data.status === 'RINGING') {
          // A new call (or a connect): no hold yet on it.
          if (frame.data.callId !== before) { desk.held = false; }
        }
        if (!frame.data.callId && !['WRAP_UP'].includes(frame.data.status)) {
          desk.pop = null;
        }
        showState();
        showPop();
        break;
      }
      case 'pop':
        desk.pop = frame.data;
        desk.held = false;
        showPop();
        break;
      case 'accepted':
        say(t('msg.sent', { a: frame.data.action }));
        if (frame.data.action === 'hold') { desk.held = true; showState(); showPop(); }
        if (frame.data.action === 'resume') { desk.held = false; showState(); showPop(); }
        if (frame.data.action === 'wrap-up') { $('wrap-up').reset(); }
        break;
      case 'error':
        say(t('msg.error', { m: frame.data.message }));
        break;
      case 'call-control-refused':
        refused(frame.data);
        break;
      default:
        break;
    }
  }

  /** The router said no to a hold, resume, transfer or call: say why in the agent's language, undo the hold mark. */
  function refused(r) {
    const why = I18n.t('refused.' + r.reasonId) !== 'refused.' + r.reasonId ? t('refused.' + r.reasonId)
      : t('refused.other', { m: r.reason });
    const request = t('req.' + r.requestType) !== 'req.' + r.requestType ? t('req.' + r.requestType) : r.requestType;
    say(t('refused.msg', { r: request, why }));
    if (r.requestType === 'HoldCall' && r.reasonId !== 'already-on-hold') { desk.held = false; }
    if (r.requestType === 'ResumeCall' && r.reasonId !== 'not-your-call') { desk.held = r.reasonId !== 'not-on-hold'; }
    showState();
    showPop();
  }

  /** Fills the transfer field's list with the queues, or the other agents and their state, as the console knows them. */
  async function fillTransferTargets() {
    const answer = await Cti.api('GET', '/api/agent/transfer-targets', undefined, current);
    const targets = answer.status === 200 && answer.body ? answer.body : { queues: [], agents: [] };
    const options = $('transfer-kind').value === 'AGENT'
      ? targets.agents.map(a => CtiCard.el('option', { value: a.agentId, label: a.name + ' · ' + t('state.' + a.status) }))
      : targets.queues.map(q => CtiCard.el('option', { value: q }));
    $('transfer-targets').replaceChildren(...options);
    $('transfer-target').placeholder = options.length ? t('transfer.pick') : t('transfer.none');
  }

  function callId() {
    return desk.state && desk.state.callId ? desk.state.callId : undefined;
  }

  function dial(number, customerId) {
    send({ type: 'dial', number, customerId });
  }

  function fillReasons() {
    const select = $('reason');
    select.replaceChildren(...reasons.map(code => CtiCard.el('option', { value: code.code, text: code.label || code.code })));
  }

  function fillDispositions() {
    const select = $('disposition');
    const chosen = select.value;
    select.replaceChildren(...DISPOSITIONS.map(code => CtiCard.el('option', { value: code, text: t('disp.' + code) })));
    if (chosen) { select.value = chosen; }
  }

  // ---- customers: search, edit, create ----

  async function search(query) {
    const phoneLike = /^[+\d][\d\s()-]{4,}$/.test(query.trim());
    const answer = await Cti.api('GET', '/api/customers/search?' + (phoneLike ? 'phone=' : 'name=')
      + encodeURIComponent(query.trim()), undefined, current);
    const list = $('results');
    if (phoneLike && answer.status === 200) {
      showCard(answer.body);
      list.replaceChildren();
      return;
    }
    const rows = Array.isArray(answer.body) ? answer.body : [];
    list.replaceChildren(...(rows.length ? rows.map(row => {
      const open = CtiCard.el('button', { type: 'button', text: t('search.open') });
      open.addEventListener('click', () => loadCard(row.id));
      return CtiCard.el('li', {}, CtiCard.el('span', { text: row.name + (row.city ? ' · ' + row.city : '') }), open);
    }) : [CtiCard.el('li', { text: answer.status >= 400 ? t('msg.error', { m: answer.body && answer.body.message })
      : t('search.none') })]));
    if (phoneLike && answer.status === 404) {
      openCustomerForm(null, query.trim());
    }
  }

  async function loadCard(id) {
    const answer = await Cti.api('GET', '/api/customers/' + id + '/card', undefined, current);
    if (answer.status === 200) {
      showCard(answer.body);
    }
  }

  function showCard(card) {
    $('card').replaceChildren(CtiCard.card(card, dial, edit));
  }

  async function edit(id) {
    const answer = await Cti.api('GET', '/api/customers/' + id, undefined, current);
    if (answer.status === 200) {
      desk.editing = answer.body;
      const p = answer.body.profile;
      openCustomerForm(p, p.phones && p.phones.length ? p.phones[0].number : '');
    }
  }

  function openCustomerForm(profile, number) {
    const form = $('customer-form');
    form.hidden = false;
    if (!profile) {
      desk.editing = null;
      form.reset();
    }
    $('customer-form-title').textContent = profile ? profile.name : t('card.unknown');
    $('cf-name').value = profile ? profile.name : '';
    $('cf-kind').value = profile ? profile.kind : 'INDIVIDUAL';
    $('cf-type').value = profile ? profile.type : 'POTENTIAL';
    $('cf-phone').value = number || '';
    $('cf-email').value = profile && profile.email ? profile.email : '';
    $('cf-city').value = profile && profile.address && profile.address.city ? profile.address.city : '';
  }

  async function saveCustomer() {
    const editing = desk.editing;
    // An edit replaces the whole record: start from what is stored, change only the form's fields.
    const base = editing ? Object.assign({}, editing.profile) : {};
    const phones = (base.phones || []).filter(p => p.number !== $('cf-phone').value.trim());
    const draft = Object.assign(base, {
      kind: $('cf-kind').value, type: $('cf-type').value, name: $('cf-name').value.trim(),
      email: $('cf-email').value.trim() || null,
      address: Object.assign({}, base.address || {}, { city: $('cf-city').value.trim() || null }),
      phones: [{ number: $('cf-phone').value.trim(), label: 'MOBILE', primary: true }]
        .concat(phones.map(p => ({ number: p.number, label: p.label, primary: false }))),
    });
    const answer = editing
      ? await Cti.api('PUT', '/api/customers/' + editing.id + '?version=' + editing.version, draft, current)
      : await Cti.api('POST', '/api/customers', draft, current);
    if (answer.status === 200 || answer.status === 201) {
      $('cf-answer').textContent = t('form.saved');
      desk.editing = null;
      showCard(answer.body);
    } else {
      const fields = answer.body && answer.body.fieldErrors ? answer.body.fieldErrors.map(e => e.field + ': ' + e.message) : [];
      $('cf-answer').textContent = t('msg.error', { m: [answer.body && answer.body.message].concat(fields).join(' · ') });
    }
  }

  // ---- wiring ----

  function wire() {
    $('ready').addEventListener('click', () => send({ type: 'ready' }));
    $('not-ready').addEventListener('click', () => send({ type: 'not-ready', reason: $('reason').value }));
    $('log-out').addEventListener('click', () => send({ type: 'log-out' }));
    $('hang-up').addEventListener('click', () => send({ type: 'hang-up', callId: callId() }));
    $('hold').addEventListener('click', () => send({ type: desk.held ? 'resume' : 'hold', callId: callId() }));
    $('transfer-kind').addEventListener('change', () => { $('transfer-target').value = ''; fillTransferTargets(); });
    $('transfer-target').addEventListener('focus', fillTransferTargets);
    $('transfer').addEventListener('click', () => send({ type: 'transfer', callId: callId(),
      targetKind: $('transfer-kind').value, target: $('transfer-target').value }));
    $('wrap-up').addEventListener('submit', event => {
      event.preventDefault();
      const callback = $('callback').value;
      const score = $('satisfaction').value;
      send({ type: 'wrap-up', callId: callId(), disposition: $('disposition').value, notes: $('notes').value,
        callbackAt: callback ? new Date(callback).toISOString() : null,
        satisfaction: score === '' ? null : Number(score) });
    });
    $('search').addEventListener('submit', event => { event.preventDefault(); search($('search-query').value); });
    $('new-customer').addEventListener('click', () => openCustomerForm(null, ''));
    $('customer-form').addEventListener('submit', event => { event.preventDefault(); saveCustomer(); });
    // Alt+letter shortcuts (announced by aria-keyshortcuts); no accesskey, whose keys differ per browser and OS.
    document.addEventListener('keydown', event => {
      if (!event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const target = { r: 'ready', n: 'not-ready', h: 'hang-up', o: 'hold', w: 'wrap-submit' }[event.key.toLowerCase()];
      if (target && !$(target).disabled && $(target).offsetParent !== null) {
        event.preventDefault();
        $(target).click();
      }
    });
    I18n.onChange(() => { fillDispositions(); fillReasons(); showState(); showPop(); });
    setInterval(tick, 1000);
  }

  Cti.session().then(me => {
    current = me;
    Cti.header(me);
    fillDispositions();
    wire();
    send = Cti.connect(onFrame, Cti.showConnection);
    Cti.api('GET', '/api/reason-codes', undefined, me).then(answer => {
      reasons = Array.isArray(answer.body) ? answer.body : [];
      fillReasons();
    });
  });
})();
