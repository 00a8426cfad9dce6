// The supervisor's wallboard: per-queue figures with colour thresholds, the agent grid with time in state and
// listen / whisper / barge on live calls, and charts of the day kept from the pushed figures. Rendered on every push
// (no polling); times in state come from the server's timestamps, so a background tab is right when it paints.
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
  const series = new Map(); // queue -> [{at, answered, abandoned, sl}]
  const MAX_POINTS = 2000;
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

  function record(q) {
    const points = series.get(q.queue) || [];
    points.push({ at: q.at, answered: q.answeredToday, abandoned: q.abandonedToday, sl: q.serviceLevelToday });
    if (points.length > MAX_POINTS) { points.splice(0, points.length - MAX_POINTS); }
    series.set(q.queue, points);
  }

  const PALETTE = ['#2e86c1', '#c0392b', '#1e8449', '#8e44ad', '#d68910', '#17a589'];

  function renderCharts() {
    if (!window.Chart) {
      return;
    }
    const names = [...series.keys()].sort();
    const lineOf = (label, name, i, pick) => ({ label, borderColor: PALETTE[i % PALETTE.length], pointRadius: 1,
      data: series.get(name).map(p => ({ x: Date.parse(p.at), y: pick(p) })) });
    const options = (max) => ({ animation: false, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', ticks: { callback: v => Number.isFinite(v) ? I18n.time(new Date(v).toISOString()) : '',
        maxTicksLimit: 6 } },
        y: { min: 0, max } } });
    // Answered solid, abandoned dashed, one colour per queue.
    const volume = names.flatMap((n, i) => [lineOf(n + ' ' + t('sup.answeredCalls'), n, i, p => p.answered),
      Object.assign(lineOf(n + ' ' + t('sup.abandonedCalls'), n, i, p => p.abandoned), { borderDash: [4, 3] })]);
    const sl = names.map((n, i) => lineOf(n, n, i, p => p.sl < 0 ? null : p.sl * 100));
    if (!volumeChart) {
      volumeChart = new Chart($('volume-chart'), { type: 'line', data: { datasets: volume }, options: options(undefined) });
      slChart = new Chart($('sl-chart'), { type: 'line', data: { datasets: sl }, options: options(100) });
    } else {
      volumeChart.data.datasets = volume;
      slChart.data.datasets = sl;
      volumeChart.update('none');
      slChart.update('none');
    }
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
    I18n.onChange(() => { renderQueues(); renderAgents(); renderCharts(); });
    setInterval(tick, 1000);
  });
})();
