// Renders a screen-pop and a customer card into the agent desktop with DOM nodes (never HTML strings: customer data
// is text). Every label comes from the dictionaries; dates and times in the browser's zone.
(function () {
  'use strict';
  const t = (k, v) => I18n.t(k, v);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') {
        node.textContent = v;
      } else if (k === 'className') {
        node.className = v;
      } else if (v !== undefined && v !== null) {
        node.setAttribute(k, v);
      }
    });
    children.flat().forEach(c => { if (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return node;
  }

  function facts(pairs) {
    return el('dl', { className: 'facts' }, pairs.filter(p => p[1] !== undefined && p[1] !== null && p[1] !== '')
      .map(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: String(value) })]).flat());
  }

  /** The call part of a pop: queue, waited, IVR choices, contacts today, why routed to me. */
  function call(pop, status, held) {
    const ringing = status === 'RINGING' || status === 'RESERVED';
    return el('div', { id: 'pop', 'data-call': pop.callId, 'data-caller': pop.callerNumber, 'data-status': status },
      ringing ? el('p', { className: 'ringing', id: 'ringing', text: t('call.ringing') }) : null,
      held ? el('p', { className: 'held', text: t('call.held') }) : null,
      facts([['call.caller', pop.callerNumber], ['call.queue', pop.queue],
        ['call.wait', I18n.duration(pop.waitedSeconds)], ['call.ivr', (pop.ivrChoices || []).join(' › ')],
        ['call.contactsToday', pop.contactsToday], ['call.why', pop.routingReason]]));
  }

  function alerts(list) {
    return el('div', { className: 'alerts', id: 'alerts' }, (list || []).map(a =>
      el('span', { className: a.kind, title: a.message, 'data-kind': a.kind, text: t('alert.' + a.kind) })));
  }

  function money(value) {
    return value === null || value === undefined ? '' : I18n.number(Number(value), { maximumFractionDigits: 0 });
  }

  /** The customer card with its alerts, figures, next contact and last interactions; onDial(number) for phones. */
  function card(c, onDial, onEdit) {
    const p = c.profile;
    const f = c.figures || {};
    const phones = el('ul', { className: 'results' }, (p.phones || []).map(phone => el('li', {},
      el('span', { text: phone.number + ' (' + phone.label.toLowerCase() + ')' }),
      el('button', { type: 'button', className: 'dial', 'data-number': phone.number, text: t('action.dial') }))));
    phones.querySelectorAll('button.dial').forEach(b => b.addEventListener('click', () => onDial(b.dataset.number, c.id)));
    const next = c.nextPlannedContact;
    const history = el('table', { className: 'history' }, el('tbody', {}, (c.lastInteractions || []).slice(0, 5).map(i =>
      el('tr', {}, el('td', { text: I18n.dateTime(i.startedAt) }), el('td', { text: i.channel + ' ' + i.direction }),
        el('td', { text: i.disposition || i.outcome || '' }), el('td', { text: (i.notes || '').slice(0, 60) })))));
    const edit = el('button', { type: 'button', id: 'edit-customer', text: t('card.edit') });
    edit.addEventListener('click', () => onEdit(c.id));
    return el('article', { id: 'customer', 'data-customer': c.id },
      el('p', {}, el('span', { className: 'card-name', id: 'customer-name', text: p.name }), ' ', edit),
      alerts(c.alerts),
      facts([['card.type', t('type.' + p.type)], ['card.grade', f.grade], ['card.ltv', money(f.lifetimeValue)],
        ['card.loyalty', f.loyaltyTier], ['card.city', p.address && p.address.city], ['card.since', I18n.date(p.customerSince)],
        ['card.next', next ? I18n.dateTime(next.plannedAt) + ' · ' + (next.purpose || '') : ''],
        ['card.openRequests', (c.openServiceRequests || []).map(r => r.subject).join('; ')]]),
      el('h2', { text: t('card.phones') }), phones,
      el('h2', { text: t('card.last') }),
      (c.lastInteractions || []).length ? history : el('p', { text: t('card.noHistory') }));
  }

  window.CtiCard = { el, call, card };
})();
