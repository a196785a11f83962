'use strict';
// SVG charts of the dashboard page: plain browser JavaScript, inlined into the page by page.ts before
// dashboard.js, which uses the one global it defines (dashboardCharts).
const dashboardCharts = (() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 420;
  const MARKER_COLOURS = { '1x': '#57606a', FTF: '#8250df', BSF: '#0969da', BPFO: '#cf222e', BPFI: '#bc4c00' };
  const OTHER_COLOURS = ['#1b7c83', '#6639ba', '#953800', '#116329', '#a40e26'];

  // ---- formatting -------------------------------------------------------------------------

  function formatNumber(v) {
    const a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 1000) return v.toFixed(0);
    if (a >= 100) return v.toFixed(1);
    if (a >= 0.01) return v.toFixed(2);
    if (a >= 0.001) return v.toFixed(3);
    if (a >= 0.001) return v.toFixed(3);
    return v.toExponential(1);
  }
  function formatTime(t) {
    return `${t.toFixed(1)} s`;
  }
  function formatHz(f) {
    if (Math.abs(f) >= 1000) return `${+(f / 1000).toFixed(2)}k`;
    return `${+f.toFixed(1)}`;
  }

  // ---- SVG charts -------------------------------------------------------------------------

  function svg(tag, attrs, parent) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (parent) parent.appendChild(el);
    return el;
  }
  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }
  function niceStep(range, count) {
    const raw = range / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const unit = raw / power;
    return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
  }
  function ticks(lo, hi, count) {
    if (!(hi > lo)) return [lo];
    const step = niceStep(hi - lo, count);
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }
  /** Scales for a plot of [x0, x1] x [y0, y1] in an svg of WIDTH x height, with room for labels. */
  function scales(chart, height, x0, x1, y0, y1, top) {
    const pad = { l: 40, r: 22, t: top, b: 18 };
    const w = WIDTH - pad.l - pad.r;
    const h = height - pad.t - pad.b;
    chart.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    return {
      pad, w, h, x0, x1, y0, y1,
      sx: (x) => pad.l + ((x - x0) / (x1 - x0 || 1)) * w,
      sy: (y) => pad.t + h - ((Math.min(Math.max(y, y0), y1) - y0) / (y1 - y0 || 1)) * h,
    };
  }
  function axes(chart, s, formatX, formatY, unitX) {
    for (const y of ticks(s.y0, s.y1, 3)) {
      svg('line', { class: 'gridline', x1: s.pad.l, x2: s.pad.l + s.w, y1: s.sy(y), y2: s.sy(y) }, chart);
      svg('text', { x: s.pad.l - 4, y: s.sy(y) + 3, 'text-anchor': 'end' }, chart).textContent = formatY(y);
    }
    for (const x of ticks(s.x0, s.x1, 6)) {
      svg('text', { x: s.sx(x), y: s.pad.t + s.h + 12, 'text-anchor': 'middle' }, chart).textContent = formatX(x);
    }
    svg('rect', { class: 'frame', x: s.pad.l, y: s.pad.t, width: s.w, height: s.h }, chart);
    svg('text', { x: WIDTH - 2, y: s.pad.t + s.h + 12, 'text-anchor': 'end' }, chart).textContent = unitX;
  }
  function trace(chart, s, xs, ys, testid) {
    const points = [];
    for (let i = 0; i < xs.length; i++) {
      if (xs[i] < s.x0 || xs[i] > s.x1) continue;
      points.push(`${s.sx(xs[i]).toFixed(1)},${s.sy(ys[i]).toFixed(1)}`);
    }
    return svg('polyline', { class: 'trace', points: points.join(' '), 'data-testid': testid, 'data-points': points.length }, chart);
  }
  function noData(chart, height, text) {
    chart.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    svg('text', { class: 'no-data', x: WIDTH / 2, y: height / 2, 'text-anchor': 'middle' }, chart).textContent = text;
  }

  /** Health over the last `historySeconds` of snapshot time, with the warning and alarm levels. */
  function drawHealth(chart, history, snapshot, levels, historySeconds) {
    clear(chart);
    const height = 110;
    if (history.length === 0) return noData(chart, height, 'no health data yet');
    const last = history[history.length - 1][0];
    const x0 = Math.max(history[0][0], last - historySeconds);
    const x1 = Math.max(last, x0 + 1);
    let top = levels.alarm * 1.5;
    for (const [t, h] of history) if (t >= x0 && h * 1.08 > top) top = h * 1.08;
    const s = scales(chart, height, x0, x1, 0, top, 8);
    const bandY = s.sy(levels.alarm);
    svg('rect', { class: 'band-alarm', x: s.pad.l, y: s.pad.t, width: s.w, height: bandY - s.pad.t }, chart);
    svg('rect', { class: 'band-warning', x: s.pad.l, y: bandY, width: s.w, height: s.sy(levels.warning) - bandY }, chart);
    axes(chart, s, (t) => `${+t.toFixed(1)}`, formatNumber, 's');
    for (const level of ['warning', 'alarm']) {
      const y = s.sy(levels[level]);
      svg('line', { class: `level-${level}`, x1: s.pad.l, x2: s.pad.l + s.w, y1: y, y2: y, 'data-level': level }, chart);
      svg('text', { class: `level-label-${level}`, x: s.pad.l + 4, y: y - 2 }, chart).textContent = level;
    }
    trace(chart, s, history.map((p) => p[0]), history.map((p) => p[1]), 'health-trace');
    const h = snapshot.health;
    chart.setAttribute('aria-label', `Health index of ${snapshot.machine} over time: now ${formatNumber(h)}; warning at ${levels.warning}, alarm at ${levels.alarm}`);
  }

  function drawSpectrum(chart, snapshot) {
    clear(chart);
    const height = 120;
    const hz = snapshot.spectrumHz;
    const db = snapshot.spectrumDb;
    if (hz.length < 2) return noData(chart, height, 'no spectrum');
    let hi = -Infinity;
    let lo = Infinity;
    let peak = 0;
    for (let i = 0; i < db.length; i++) {
      if (db[i] > hi) { hi = db[i]; peak = i; }
      if (db[i] < lo) lo = db[i];
    }
    // 90 dB of range: deeper than that is rounding noise on a float32 spectrum.
    const y0 = Math.max(lo, hi - 90) - 3;
    const s = scales(chart, height, Math.min(0, hz[0]), hz[hz.length - 1], y0, hi + 3, 8);
    axes(chart, s, formatHz, (v) => `${Math.round(v)}`, 'Hz');
    trace(chart, s, hz, db, 'spectrum-trace');
    chart.setAttribute('aria-label', `Spectrum of ${snapshot.machine} up to ${formatHz(hz[hz.length - 1])} Hz; strongest line ${formatHz(hz[peak])} Hz at ${Math.round(hi)} dB`);
  }

  function drawEnvelope(chart, snapshot) {
    clear(chart);
    const height = 130;
    const hz = snapshot.envelopeHz;
    const amp = snapshot.envelope;
    if (hz.length < 2) return noData(chart, height, 'no envelope spectrum');
    let hi = 0;
    let peak = 0;
    for (let i = 0; i < amp.length; i++) if (amp[i] > hi) { hi = amp[i]; peak = i; }
    // At least 6x the median: a healthy machine's flat envelope then looks flat, not like a full-scale scribble.
    const median = amp.slice().sort((x, y) => x - y)[amp.length >> 1];
    const top = Math.max(hi * 1.1, median * 6);
    const s = scales(chart, height, 0, hz[hz.length - 1], 0, top > 0 ? top : 1, 26);
    axes(chart, s, formatHz, formatNumber, 'Hz');
    trace(chart, s, hz, amp, 'envelope-trace');
    drawMarkers(chart, s, snapshot.markers);
    chart.setAttribute('aria-label', `Envelope spectrum of ${snapshot.machine}; strongest line ${formatHz(hz[peak])} Hz; markers ${Object.entries(snapshot.markers).map(([n, f]) => `${n} ${formatHz(f)} Hz`).join(', ')}`);
  }

  function drawMarkers(chart, s, markers) {
    const entries = Object.entries(markers).filter(([, f]) => f >= s.x0 && f <= s.x1).sort((a, b) => a[1] - b[1]);
    let lastX = [-Infinity, -Infinity];
    let other = 0;
    for (const [name, f] of entries) {
      const colour = MARKER_COLOURS[name] || OTHER_COLOURS[other++ % OTHER_COLOURS.length];
      const x = s.sx(f);
      // Two label rows: a label goes to the upper row unless it would overlap the previous one there.
      const row = x - lastX[0] >= 34 ? 0 : x - lastX[1] >= 34 ? 1 : 0;
      lastX[row] = x;
      const g = svg('g', { class: 'marker', 'data-marker': name, 'data-hz': f }, chart);
      svg('line', { x1: x, x2: x, y1: s.pad.t - 2, y2: s.pad.t + s.h, stroke: colour }, g);
      const label = svg('text', { x, y: row === 0 ? 9 : 19, 'text-anchor': 'middle', fill: colour }, g);
      label.textContent = name;
      svg('title', {}, g).textContent = `${name}: ${f.toFixed(2)} Hz`;
    }
  }

  /** An empty chart element for a card. */
  function createChart(name) {
    return svg('svg', { class: 'chart', 'data-chart': name, role: 'img', viewBox: `0 0 ${WIDTH} 110` });
  }

  return { createChart, drawHealth, drawSpectrum, drawEnvelope, formatNumber, formatTime };
})();
