'use strict';
// The dashboard page: listens to /events (Server-Sent Events) and draws one card per machine with
// the charts of charts.js. Plain browser JavaScript, inlined into the page by page.ts. Updates are
// coalesced into one redraw per animation frame, so a fast publisher cannot flood the browser.
(() => {
  const config = JSON.parse(document.getElementById('dashboard-config').textContent);
  const { createChart, drawHealth, drawSpectrum, drawEnvelope, formatNumber, formatTime } = dashboardCharts;

  const machinesEl = document.querySelector('[data-testid="machines"]');
  const emptyEl = document.querySelector('[data-testid="empty"]');
  const alertsEl = document.querySelector('[data-testid="alerts"]');
  const noAlertsEl = document.querySelector('[data-testid="no-alerts"]');
  const summaryEl = document.querySelector('[data-testid="summary"]');
  const connectionEl = document.querySelector('[data-testid="connection"]');

  let levels = config.levels;
  let historySeconds = config.historySeconds;
  /** name -> { snapshot, history: [time, health][], card, fields, charts } */
  const machines = new Map();
  const dirty = new Set();
  let frameRequested = false;
  let alertCount = 0;

  // ---- cards ------------------------------------------------------------------------------

  function figure(card, caption, chartName) {
    const fig = document.createElement('figure');
    const cap = document.createElement('figcaption');
    cap.textContent = caption;
    const chart = createChart(chartName);
    fig.append(cap, chart);
    card.appendChild(fig);
    return chart;
  }

  function metric(list, label, field) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.dataset.field = field;
    div.append(dt, dd);
    list.appendChild(div);
    return dd;
  }

  function createEntry(name) {
    const card = document.createElement('article');
    card.className = 'card';
    card.dataset.machine = name;
    card.dataset.state = 'normal';
    const header = document.createElement('header');
    const title = document.createElement('h2');
    title.textContent = name;
    const state = document.createElement('span');
    state.dataset.field = 'state';
    state.setAttribute('role', 'status');
    header.append(title, state);
    card.appendChild(header);
    const list = document.createElement('dl');
    list.className = 'metrics';
    card.appendChild(list);
    const fields = {
      state,
      score: metric(list, 'score / threshold', 'score'),
      health: metric(list, 'health', 'health'),
      time: metric(list, 'time', 'time'),
    };
    const charts = {
      health: figure(card, 'Health index (smoothed score / threshold) over time, s', 'health'),
      spectrum: figure(card, 'Spectrum, dB vs Hz', 'spectrum'),
      envelope: figure(card, 'Envelope spectrum, amplitude vs Hz, with fault frequencies', 'envelope'),
    };
    machinesEl.appendChild(card);
    emptyEl.hidden = true;
    const entry = { snapshot: null, history: [], card, fields, charts };
    machines.set(name, entry);
    return entry;
  }

  function renderCard(entry) {
    const s = entry.snapshot;
    entry.card.dataset.state = s.state;
    entry.fields.state.textContent = s.state;
    entry.fields.state.className = `state state-${s.state}`;
    entry.fields.score.textContent = `${formatNumber(s.score)} / ${formatNumber(s.threshold)}`;
    entry.fields.health.textContent = formatNumber(s.health);
    entry.fields.time.textContent = formatTime(s.time);
    drawHealth(entry.charts.health, entry.history, s, levels, historySeconds);
    drawSpectrum(entry.charts.spectrum, s);
    drawEnvelope(entry.charts.envelope, s);
  }

  function renderSummary() {
    const counts = { normal: 0, warning: 0, alarm: 0 };
    let latest = -Infinity;
    for (const { snapshot } of machines.values()) {
      counts[snapshot.state]++;
      latest = Math.max(latest, snapshot.time);
    }
    if (machines.size === 0) {
      summaryEl.textContent = 'Waiting for data…';
      return;
    }
    const parts = [`${machines.size} machine${machines.size === 1 ? '' : 's'}`];
    for (const state of ['normal', 'warning', 'alarm']) if (counts[state] > 0) parts.push(`${counts[state]} ${state}`);
    parts.push(`t = ${formatTime(latest)}`);
    summaryEl.textContent = parts.join(' · ');
  }

  function render() {
    frameRequested = false;
    for (const name of dirty) {
      const entry = machines.get(name);
      if (entry && entry.snapshot) renderCard(entry);
    }
    dirty.clear();
    renderSummary();
  }

  function scheduleRender(name) {
    dirty.add(name);
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(render);
    }
  }

  // ---- state updates ----------------------------------------------------------------------

  function trimHistory(history) {
    if (history.length === 0) return;
    const oldest = history[history.length - 1][0] - historySeconds;
    let drop = Math.max(0, history.length - config.historyPoints);
    while (drop < history.length - 1 && history[drop][0] < oldest) drop++;
    if (drop > 0) history.splice(0, drop);
  }

  function applySnapshot(snapshot) {
    const entry = machines.get(snapshot.machine) || createEntry(snapshot.machine);
    const last = entry.history[entry.history.length - 1];
    if (last && snapshot.time < last[0]) entry.history = [];
    entry.history.push([snapshot.time, snapshot.health]);
    trimHistory(entry.history);
    entry.snapshot = snapshot;
    scheduleRender(snapshot.machine);
  }

  function alertItem(event) {
    const li = document.createElement('li');
    li.dataset.machine = event.machine;
    li.dataset.from = event.from;
    li.dataset.to = event.to;
    li.title = event.message;
    const time = document.createElement('time');
    time.textContent = formatTime(event.time);
    const machine = document.createElement('span');
    machine.className = 'machine';
    machine.textContent = event.machine;
    const from = document.createElement('span');
    from.className = `state state-${event.from}`;
    from.textContent = event.from;
    const to = document.createElement('span');
    to.className = `state state-${event.to}`;
    to.textContent = event.to;
    const why = document.createElement('span');
    why.className = 'why';
    const reasons = event.deviations.map((d) => `${d.feature} ${d.z >= 0 ? '+' : ''}${d.z.toFixed(1)}σ`);
    why.textContent = `score ${formatNumber(event.score)}${reasons.length ? ` · ${reasons.join(', ')}` : event.message ? ` · ${event.message}` : ''}`;
    li.append(time, machine, from, document.createTextNode(' → '), to, why);
    return li;
  }

  function applyAlert(event) {
    alertsEl.prepend(alertItem(event));
    alertCount++;
    while (alertsEl.childElementCount > config.maxAlerts) alertsEl.lastElementChild.remove();
    noAlertsEl.hidden = true;
  }

  function applyInit(state) {
    levels = state.levels;
    historySeconds = state.historySeconds;
    const present = new Set(state.machines.map((s) => s.machine));
    for (const [name, entry] of machines) {
      if (!present.has(name)) {
        entry.card.remove();
        machines.delete(name);
      }
    }
    for (const snapshot of state.machines) {
      const entry = machines.get(snapshot.machine) || createEntry(snapshot.machine);
      entry.history = (state.history[snapshot.machine] || []).slice();
      entry.snapshot = snapshot;
      scheduleRender(snapshot.machine);
    }
    emptyEl.hidden = machines.size > 0;
    alertsEl.replaceChildren();
    alertCount = 0;
    for (const event of state.alerts) applyAlert(event);
    noAlertsEl.hidden = alertCount > 0;
    renderSummary();
  }

  // ---- connection -------------------------------------------------------------------------

  let retryMs = 1000;
  function setConnection(state, text) {
    connectionEl.dataset.connection = state;
    connectionEl.textContent = text;
  }
  function handler(apply) {
    return (message) => {
      try {
        apply(JSON.parse(message.data));
      } catch (error) {
        console.error('dashboard: could not apply an event', error, message.data);
      }
    };
  }
  function connect() {
    setConnection('connecting', 'connecting…');
    const source = new EventSource('events');
    source.addEventListener('open', () => {
      retryMs = 1000;
      setConnection('open', 'live');
    });
    source.addEventListener('init', handler(applyInit));
    source.addEventListener('snapshot', handler(applySnapshot));
    source.addEventListener('alert', handler(applyAlert));
    source.addEventListener('error', () => {
      setConnection('reconnecting', 'reconnecting…');
      // EventSource retries by itself after a dropped stream, but gives up for good after a refused
      // or failed response (readyState CLOSED): then retry here, backing off up to 10 s.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 10000);
      }
    });
  }
  connect();
})();
