// The supervisor's wallboard: per-queue figures with colour thresholds, the agent grid with time in state and
// listen / whisper / barge on live calls, and charts of the day per quarter hour (offered, answered, abandoned,
// service level). The day so far comes from the server on load (the router's counts, in the centre's day); the
// pushed figures then move the current quarter hour at once, and a fresh copy of the day follows them at most
// every DAY_REFRESH_MS for the exact service level. Rendered on push; times in state come from the server's
// timestamps, so a background tab is right when it paints.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const t = (k, v) => I18n.t(k, v);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'text') { node.textContent = v; } else { node.setAttribute(k, v); } });
    children.forEach(c => node.appendChild(c));
    return node;
  };
  const queues = new Map();
  const agents = new Map();
  // The day: queue -> [{start (ms), offered, answered, abandoned, sl (0-1 or null)}], one per quarter hour.
  const day = { slotMs: 15 * 60 * 1000, queues: new Map() };
  const lastTotals = new Map(); // queue -> {answered, abandoned} of the last pushed figures, to move the current slot
  const DAY_REFRESH_MS = 30 * 1000;
  let dayRequested = 0;
  let dayTimer = null;
  let send = () => false;
  let volumeChart = null;
  let slChart = null;

  const percent = value => value < 0 ? '–' : I18n.number(value, { style: 'percent', maximumFractionDigits: 0 });
  const seconds = value => I18n.duration(value);

  function colour(key, value) {
    const rule = CtiThresholds[key];
    if (!rule || value < 0) {
      return '';
    }
    if (rule.higherIsWorse) {
      return value <= rule.ok ? 'ok' : value >= rule.bad ? 'bad' : 'warn';
    }
    return value >= rule.ok ? 'ok' : value <= rule.bad ? 'bad' : 'warn';
  }

  function cell(text, key, value) {
    const td = el('td', { text: String(text) });
    const c = key ? colour(key, value) : '';
    if (c) { td.className = c; }
    return td;
  }

  function renderQueues() {
    $('queues').replaceChildren(...[...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue)).map(q =>
      el('tr', { 'data-queue': q.queue },
        cell(q.queue), cell(q.waiting, 'waiting', q.waiting),
        cell(seconds(q.longestWaitSeconds), 'longestWaitSeconds', q.longestWaitSeconds),
        cell(percent(q.serviceLevelToday), 'serviceLevelToday', q.serviceLevelToday),
        cell(seconds(q.averageSpeedOfAnswerSeconds), 'averageSpeedOfAnswerSeconds', q.averageSpeedOfAnswerSeconds),
        cell(percent(q.abandonRate), 'abandonRate', q.abandonRate),
        cell(q.answeredToday + ' / ' + q.abandonedToday))));
  }

  function spyButtons(agent) {
    const box = el('span', { class: 'spy' });
    if (agent.status === 'ON_CALL' && agent.callId) {
      ['LISTEN', 'WHISPER', 'BARGE'].forEach(mode => {
        const b = el('button', { type: 'button', 'data-mode': mode, text: t('spy.' + mode) });
        b.addEventListener('click', () => send({ type: 'spy', callId: agent.callId, mode }));
        box.appendChild(b);
      });
    }
    return box;
  }

  function renderAgents() {
    const now = Cti.serverNow();
    $('agents').replaceChildren(...[...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId)).map(a => {
      const state = el('span', { class: 'status', 'data-status': a.status,
        text: t('state.' + a.status) + (a.reasonCode ? ' · ' + a.reasonCode : '') });
      return el('tr', { 'data-agent': a.agentId, 'data-status': a.status, 'data-call': a.callId || '' },
        cell(a.agentId), el('td', {}, state), el('td', { class: 'in-state', 'data-since': a.since,
          text: I18n.duration((now - Date.parse(a.since)) / 1000) }), cell(a.callId || ''), el('td', {}, spyButtons(a)));
    }));
  }

  /** Only the time-in-state cells change with the clock; the rest waits for a push. */
  function tick() {
    const now = Cti.serverNow();
    document.querySelectorAll('#agents td.in-state').forEach(td => {
      td.textContent = I18n.duration((now - Date.parse(td.dataset.since)) / 1000);
    });
  }

  /** Takes the server's day, replacing what the page had (it may be a new day after the centre's midnight). */
  function takeDay(body) {
    day.slotMs = (body.slotMinutes || 15) * 60 * 1000;
    day.queues.clear();
    body.queues.forEach(q => day.queues.set(q.queue, q.slots.map(slot => ({ start: Date.parse(slot.start),
      offered: slot.offered, answered: slot.answered, abandoned: slot.abandoned, sl: slot.serviceLevel }))));
    renderCharts();
  }

  function loadDay() {
    dayRequested = Date.now();
    dayTimer = null;
    return Cti.api('GET', '/api/queues/stats/day').then(answer => {
      if (answer.status === 200 && answer.body) {
        takeDay(answer.body);
      }
    }).catch(() => { /* the pushed figures keep the charts moving; the next refresh tries again */ });
  }

  /** A fresh day soon, but not more often than DAY_REFRESH_MS however many figures are pushed. */
  function refreshDaySoon() {
    if (dayTimer === null) {
      dayTimer = setTimeout(loadDay, Math.max(0, dayRequested + DAY_REFRESH_MS - Date.now()));
    }
  }

  /** Moves the quarter hour the figures fall in by what they add to the day's totals since the last push. */
  function record(q) {
    const before = lastTotals.get(q.queue);
    lastTotals.set(q.queue, { answered: q.answeredToday, abandoned: q.abandonedToday });
    if (!before) {
      return;
    }
    const answered = q.answeredToday - before.answered;
    const abandoned = q.abandonedToday - before.abandoned;
    if (answered < 0 || abandoned < 0) {
      refreshDaySoon(); // a new day began: the totals started again
      return;
    }
    if (answered + abandoned === 0) {
      return;
    }
    const slots = day.queues.get(q.queue) || [];
    const at = Date.parse(q.at);
    let slot = slots[slots.length - 1];
    if (!slot || at >= slot.start + day.slotMs) {
      const start = slot ? slot.start + Math.floor((at - slot.start) / day.slotMs) * day.slotMs : at - at % day.slotMs;
      slot = { start, offered: 0, answered: 0, abandoned: 0, sl: null };
      slots.push(slot);
    }
    slot.answered += answered;
    slot.abandoned += abandoned;
    slot.offered += answered + abandoned;
    day.queues.set(q.queue, slots);
    refreshDaySoon();
  }

  const PALETTE = ['#2e86c1', '#c0392b', '#1e8449', '#8e44ad', '#d68910', '#17a589'];

  function renderCharts() {
    if (!window.Chart) {
      return;
    }
    const names = [...day.queues.keys()].sort();
    const lineOf = (label, name, i, pick) => ({ label, queue: name, inLegend: true, borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length], pointRadius: 2, spanGaps: false,
      data: day.queues.get(name).map(p => ({ x: p.start, y: pick(p) })) });
    // One legend entry per queue (its colour), so that the legend fits a 1366x768 screen; the title says which line
    // is which figure, and the tooltip names each point's figure.
    const legend = { labels: { generateLabels: chart => Chart.defaults.plugins.legend.labels.generateLabels(chart)
      .filter(item => chart.data.datasets[item.datasetIndex].inLegend)
      .map(item => Object.assign(item, { text: chart.data.datasets[item.datasetIndex].queue, lineDash: [] })) } };
    const options = (max) => ({ animation: false, maintainAspectRatio: false, parsing: false, plugins: { legend },
      scales: { x: { type: 'linear', ticks: { stepSize: day.slotMs * 4,
        callback: v => Number.isFinite(v) ? I18n.time(new Date(v).toISOString()) : '', maxTicksLimit: 8 } },
        y: { min: 0, max } } });
    // Per queue one colour: offered thin, answered solid, abandoned dashed.
    const volume = names.flatMap((n, i) => [
      Object.assign(lineOf(n + ' ' + t('sup.offeredCalls'), n, i, p => p.offered), { borderWidth: 1, inLegend: false }),
      lineOf(n + ' ' + t('sup.answeredCalls'), n, i, p => p.answered),
      Object.assign(lineOf(n + ' ' + t('sup.abandonedCalls'), n, i, p => p.abandoned),
        { borderDash: [4, 3], inLegend: false })]);
    const sl = names.map((n, i) => lineOf(n, n, i, p => p.sl === null || p.sl === undefined || p.sl < 0 ? null : p.sl * 100));
    if (!volumeChart) {
      volumeChart = new Chart($('volume-chart'), { type: 'line', data: { datasets: volume }, options: options(undefined) });
      slChart = new Chart($('sl-chart'), { type: 'line', data: { datasets: sl }, options: options(100) });
    } else {
      volumeChart.data.datasets = volume;
      slChart.data.datasets = sl;
      volumeChart.update('none');
      slChart.update('none');
    }
    $('volume-chart').dataset.slots = String(names.reduce((n, q) => n + day.queues.get(q).length, 0));
  }

  function onFrame(frame) {
    if (frame.type === 'wallboard-snapshot') {
      queues.clear();
      agents.clear();
      frame.data.queues.forEach(q => { queues.set(q.queue, q); record(q); });
      frame.data.agents.forEach(a => agents.set(a.agentId, a));
      renderQueues();
      renderAgents();
      renderCharts();
    } else if (frame.type === 'queue-figures') {
      queues.set(frame.data.queue, frame.data);
      record(frame.data);
      renderQueues();
      renderCharts();
    } else if (frame.type === 'agent-state') {
      agents.set(frame.data.agentId, frame.data);
      renderAgents();
    } else if (frame.type === 'accepted') {
      $('answer').textContent = t('msg.sent', { a: frame.data.action });
      return;
    } else if (frame.type === 'error') {
      $('answer').textContent = t('msg.error', { m: frame.data.message });
      return;
    } else {
      return;
    }
    $('updated').textContent = t('sup.updated', { t: I18n.time(new Date(Cti.serverNow()).toISOString()) });
  }

  Cti.session().then(current => {
    Cti.header(current);
    send = Cti.connect(onFrame, Cti.showConnection);
    loadDay();
    I18n.onChange(() => { renderQueues(); renderAgents(); renderCharts(); });
    setInterval(tick, 1000);
  });
})();
