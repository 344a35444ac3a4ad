import type { OrdersEnd, OrdersStart } from '../orders/orders-summary.js';
import { ORDER_STATUSES, type AuditedOrder } from '../core/order-types.js';
import { formatMessage } from './describe.js';
import { chartJs, escapeHtml, PAGE_STYLE, scriptJson } from './html.js';
import type { OutputFormat } from './reporter.js';

/** Orders listed in the page's table at most; the figures and charts count every order. */
const LISTED = 100_000;

/** Per run (found from its meta object): orders listed, and scanned / on-time orders per window. */
const runs = new WeakMap<object, { listed: number; windows: Map<number, [number, number]> }>();

function runOf(meta: object) {
  let run = runs.get(meta);
  if (run === undefined) {
    run = { listed: 0, windows: new Map() };
    runs.set(meta, run);
  }
  return run;
}

/** The orders audit as one self-contained page: figures, charts, the worst SKUs, products, countries. */
export const ordersHtmlFormat: OutputFormat<AuditedOrder, OrdersStart, OrdersEnd> = {
  name: 'html',
  items(order, _options, { meta }) {
    const run = runOf(meta);
    if (order.status === 'on-time' || order.status === 'late') {
      const counts = run.windows.get(order.windowHours) ?? [0, 0];
      counts[0]++;
      if (order.status === 'on-time') counts[1]++;
      run.windows.set(order.windowHours, counts);
    }
    if (run.listed >= LISTED) return undefined;
    run.listed++;
    return `\n${scriptJson([
      order.line,
      order.orderId ?? '',
      order.sku ?? '',
      order.country ?? '',
      ORDER_STATUSES.indexOf(order.status),
      order.windowHours,
      order.elapsedHours,
      order.findings.map((f) => `${f.rule}: ${formatMessage(f)}`),
    ])}`;
  },
  separator: ',',
  wrap({ meta, summary }) {
    const run = runOf(meta);
    runs.delete(meta);
    const windows = [...run.windows]
      .sort(([a], [b]) => a - b)
      .map(([hours, [scanned, onTime]]) => ({ hours, scanned, onTime }));
    const context = { meta, summary, statuses: ORDER_STATUSES, windows, listed: LISTED };
    const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>channel-audit orders · ${escapeHtml(meta.input.path)} · ${meta.asOf}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>Orders audit <small>${escapeHtml(meta.input.path)}</small></h1>
  <p class="meta">As of <b>${meta.asOf}</b> · catalog ${escapeHtml(meta.catalog.path)} · policy <b>${meta.policy}</b> · channel-audit ${meta.version}</p>
  <div id="figures" class="figures"></div>
</header>
<main>
  <section class="charts">
    <figure><figcaption>Orders by status</figcaption><canvas id="chart-status"></canvas></figure>
    <figure><figcaption>On-time rate by window</figcaption><canvas id="chart-window"></canvas></figure>
    <figure><figcaption>Scanned orders online within…</figcaption><canvas id="chart-within"></canvas></figure>
    <figure><figcaption>Late rate of the worst destination countries</figcaption><canvas id="chart-countries"></canvas></figure>
  </section>
  <section><h2>Worst SKUs, products and countries</h2><div id="worst" class="charts"></div></section>
  <section class="skus">
    <h2>Orders</h2>
    <div class="controls">
      <input id="search" type="search" placeholder="Search order, SKU, country, finding…" aria-label="Search">
      <select id="filter-status" aria-label="Status"></select>
      <span id="count" class="count"></span>
    </div>
    <table id="orders"><thead><tr><th>line</th><th>order</th><th>SKU</th><th>country</th><th>status</th><th>window</th><th>elapsed</th><th>findings</th></tr></thead><tbody></tbody></table>
    <div class="pager"><button id="prev" type="button">‹ Previous</button><span id="page"></span><button id="next" type="button">Next ›</button></div>
  </section>
</main>
<script>const CONTEXT = ${scriptJson(context)};
const ROWS = [`;
    return {
      before: head,
      after: `\n];\n</script>\n<script>${chartJs()}</script>\n<script>${ORDERS_SCRIPT}</script>\n</body>\n</html>\n`,
    };
  },
};

const ORDERS_SCRIPT = String.raw`
(() => {
  const C = CONTEXT, s = C.summary, $ = (id) => document.getElementById(id);
  const pct = (x) => x === null ? 'n/a' : (Math.round(x * 1000) / 10) + ' %';
  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const n = (x) => x.toLocaleString('en');
  const figures = [['orders', n(s.orders)], ['late', n(s.statuses.late)], ['overdue', n(s.statuses['open-overdue'])], ['within their window', pct(s.withinWindow)], ['within 72 h', pct(s.within72h)], ['on time thanks to 96 h', n(s.savedByExtension)]];
  $('figures').innerHTML = figures.map(([l, v]) => '<div class="figure"><b>' + v + '</b><span>' + l + '</span></div>').join('');
  const palette = ['#1a7f37', '#cf222e', '#0969da', '#bf8700', '#57606a'];
  const common = { animation: false, responsive: true };
  window.CHARTS = [];
  const chart = (id, config) => window.CHARTS.push(new Chart($(id), { ...config, options: { ...common, ...(config.options || {}) } }));
  chart('chart-status', { type: 'bar', data: { labels: C.statuses, datasets: [{ label: 'orders', data: C.statuses.map((x) => s.statuses[x]), backgroundColor: palette }] }, options: { plugins: { legend: { display: false } } } });
  // On time among the scanned orders of each window (every order counted): the measure of "within their window".
  chart('chart-window', { type: 'bar', data: { labels: C.windows.map((w) => w.hours + ' h window (' + w.scanned.toLocaleString('en') + ' scanned)'), datasets: [{ label: 'on time among scanned orders (%)', data: C.windows.map((w) => w.onTime / w.scanned * 100), backgroundColor: '#1a7f37' }] }, options: { scales: { y: { min: 0, max: 100 } } } });
  chart('chart-within', { type: 'bar', data: { labels: ['48 h', '72 h', '7 days', 'their window'], datasets: [{ label: 'share of scanned orders (%)', data: [s.within48h, s.within72h, s.within7d, s.withinWindow].map((x) => (x ?? 0) * 100), backgroundColor: '#0969da' }] }, options: { scales: { y: { min: 0, max: 100 } } } });
  chart('chart-countries', { type: 'bar', data: { labels: s.worst.countries.map((c) => c.key), datasets: [{ label: 'late rate (%)', data: s.worst.countries.map((c) => c.lateRate * 100), backgroundColor: '#cf222e' }] }, options: { indexAxis: 'y' } });
  $('worst').innerHTML = [['SKUs', s.worst.skus], ['products', s.worst.products], ['countries', s.worst.countries]].map(([t, list]) => '<figure><figcaption>Worst ' + t + '</figcaption><table><tr><th>' + t + '</th><th>orders</th><th>late</th><th>late rate</th></tr>' + list.map((r) => '<tr><td>' + esc(r.key) + '</td><td>' + r.orders + '</td><td>' + r.late + '</td><td>' + pct(r.lateRate) + '</td></tr>').join('') + '</table></figure>').join('');
  $('filter-status').innerHTML = '<option value="">all statuses</option>' + C.statuses.map((x, i) => '<option value="' + i + '">' + x + '</option>').join('');
  let view = ROWS, page = 0, sortBy = 0, dir = 1; const PAGE = 50;
  // What each column sorts by; an order without a scan has no elapsed time and sorts first.
  const keys = [(r) => r[0], (r) => r[1], (r) => r[2], (r) => r[3], (r) => r[4], (r) => r[5], (r) => r[6] === null ? -1 : r[6], (r) => r[7].length];
  const thead = document.querySelector('#orders thead');
  thead.querySelectorAll('th').forEach((th, i) => { th.dataset.col = i; });
  thead.addEventListener('click', (e) => { const th = e.target.closest('th'); if (!th) return; const i = Number(th.dataset.col); dir = sortBy === i ? -dir : 1; sortBy = i; apply(); });
  function apply() {
    const q = $('search').value.trim().toLowerCase(), st = $('filter-status').value;
    view = ROWS.filter((r) => (st === '' || r[4] === Number(st)) && (q === '' || (r[1] + ' ' + r[2] + ' ' + r[3] + ' ' + r[7].join(' ')).toLowerCase().includes(q)));
    const key = keys[sortBy];
    // The rows come in line order: sorting by line, ascending, changes nothing.
    if (sortBy !== 0 || dir !== 1) view = view.slice().sort((a, b) => { const x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * dir || a[0] - b[0]; });
    page = 0; render();
  }
  function render() {
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    thead.querySelectorAll('th').forEach((th, i) => { th.classList.toggle('sorted', i === sortBy); th.dataset.dir = dir > 0 ? '▲' : '▼'; });
    document.querySelector('#orders tbody').innerHTML = view.slice(page * PAGE, page * PAGE + PAGE).map((r) => '<tr><td>' + r[0] + '</td><td>' + esc(r[1]) + '</td><td>' + esc(r[2]) + '</td><td>' + esc(r[3]) + '</td><td>' + C.statuses[r[4]] + '</td><td>' + r[5] + ' h</td><td>' + (r[6] === null ? '' : r[6] + ' h') + '</td><td>' + r[7].map(esc).join('<br>') + '</td></tr>').join('');
    $('count').textContent = view.length.toLocaleString('en') + ' of ' + ROWS.length.toLocaleString('en') + ' orders' + (s.orders > ROWS.length ? ' listed (the first ' + ROWS.length.toLocaleString('en') + ' of ' + s.orders.toLocaleString('en') + '; the figures and charts count them all)' : ''); $('page').textContent = 'page ' + (page + 1) + ' of ' + pages;
    $('prev').disabled = page === 0; $('next').disabled = page >= pages - 1;
  }
  $('prev').addEventListener('click', () => { page--; render(); }); $('next').addEventListener('click', () => { page++; render(); });
  $('search').addEventListener('input', apply); $('filter-status').addEventListener('input', apply);
  const redraw = () => { for (const c of window.CHARTS) c.resize(); };
  window.addEventListener('beforeprint', redraw); window.addEventListener('afterprint', redraw);
  apply();
})();
`;
