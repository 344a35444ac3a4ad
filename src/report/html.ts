import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RULES } from '../policy/rules/index.js';
import { type AuditedSku, SEGMENTS, TRACKS } from '../core/types.js';
import { describeReason, formatMessage, statusOf } from './describe.js';
import type { OutputFormat, ReportEnd, ReportStart } from './reporter.js';

const CHANNELS = ['pop', 'semi-managed', 'full-managed', 'jit', 'unknown'] as const;
const STATUSES = ['ok', 'info', 'warning', 'error'] as const;
const RULE_IDS = RULES.map((rule) => rule.id);

/**
 * Strings repeat across SKUs (reasons, messages): each is written once, in a table, and rows point into
 * it. One table per run, found from the run's meta object.
 */
const tables = new WeakMap<object, Map<string, number>>();

function intern(meta: object, text: string): number {
  let table = tables.get(meta);
  if (table === undefined) {
    table = new Map();
    tables.set(meta, table);
  }
  let index = table.get(text);
  if (index === undefined) {
    index = table.size;
    table.set(text, index);
  }
  return index;
}

/** JSON that is safe inside a <script> element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function chartJs(): string {
  // The package's exports do not list its browser bundle: find it beside the package's entry point.
  const require = createRequire(import.meta.url);
  const bundle = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  return readFileSync(bundle, 'utf8').replace(/<\/script/gi, '<\\/script');
}

/** One SKU as a compact row: see `COLUMNS` in the page script. */
function row(sku: AuditedSku, meta: object): unknown[] {
  const sides = [sku.lengthCm, sku.widthCm, sku.heightCm].filter((n): n is number => n !== null && n > 0);
  const rules = [...new Set(sku.findings.map((f) => RULE_IDS.indexOf(f.rule as (typeof RULE_IDS)[number])))];
  return [
    sku.line,
    sku.sku ?? sku.productId ?? '',
    sku.productId ?? '',
    SEGMENTS.indexOf(sku.segment),
    TRACKS.indexOf(sku.track),
    CHANNELS.indexOf(sku.channel ?? 'unknown'),
    STATUSES.indexOf(statusOf(sku)),
    sku.weightKg !== null && sku.weightKg > 0 ? sku.weightKg : null,
    sides.length === 3 ? Math.max(...sides) : null,
    sku.window.hours,
    sku.window.newUntil,
    rules,
    sku.reasons.map((reason) => intern(meta, describeReason(reason))),
    sku.findings.map((f) => [
      RULE_IDS.indexOf(f.rule as (typeof RULE_IDS)[number]),
      intern(meta, formatMessage(f)),
    ]),
    (sku.title ?? '').slice(0, 120),
    sku.category === null ? -1 : intern(meta, sku.category),
  ];
}

/**
 * One self-contained HTML page: the figures, five charts (Chart.js, inlined), and a table of every SKU
 * with search, filters, sorting and pages. No request leaves the page; it opens offline and prints.
 */
export const htmlFormat: OutputFormat = {
  name: 'html',
  sequential: true,
  items: (sku, _options, { meta }) => `\n${scriptJson(row(sku, meta))}`,
  separator: ',',
  wrap(end: ReportEnd) {
    const { meta, summary, envelope } = end;
    const strings = [...(tables.get(meta)?.keys() ?? [])];
    tables.delete(meta);
    const context = {
      meta,
      summary,
      envelope: envelope ?? null,
      segments: SEGMENTS,
      tracks: TRACKS,
      channels: CHANNELS,
      statuses: STATUSES,
      rules: RULES.map((rule) => ({
        id: rule.id,
        severity: end.severities[rule.id] ?? rule.severity,
        summary: rule.summary,
      })),
      strings,
    };
    return {
      before: `${pageHead(end)}<script>const CONTEXT = ${scriptJson(context)};\nconst ROWS = [`,
      after: `\n];\n</script>\n<script>${chartJs()}</script>\n<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`,
    };
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function pageHead({ meta }: ReportStart): string {
  const title = `channel-audit · ${escapeHtml(meta.input.path)} · ${meta.asOf}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>Catalog audit <small>${escapeHtml(meta.input.path)}</small></h1>
  <p class="meta">As of <b>${meta.asOf}</b> · policy <b>${meta.policy}</b> · channel-audit ${meta.version} · ${meta.input.rows.toLocaleString('en')} SKUs</p>
  <div id="figures" class="figures"></div>
</header>
<main>
  <section class="charts">
    <figure><figcaption>SKUs by segment and recommended track</figcaption><canvas id="chart-segments"></canvas></figure>
    <figure><figcaption>Current channel → recommended track</figcaption><canvas id="chart-moves"></canvas></figure>
    <figure><figcaption>Next 30 days: SKUs whose 96 h window drops back to 72 h</figcaption><canvas id="chart-calendar"></canvas></figure>
    <figure><figcaption>Weight against longest side, with the light-small envelope (weight and longest side; the limit on the sum of the sides is not drawn)</figcaption><canvas id="chart-size"></canvas></figure>
    <figure class="wide"><figcaption>Findings by rule</figcaption><div class="tall"><canvas id="chart-rules"></canvas></div></figure>
  </section>
  <section class="skus">
    <h2>SKUs</h2>
    <div class="controls">
      <input id="search" type="search" placeholder="Search SKU, product, reason, finding…" aria-label="Search">
      <select id="filter-segment" aria-label="Segment"></select>
      <select id="filter-track" aria-label="Track"></select>
      <select id="filter-status" aria-label="Status"></select>
      <select id="filter-rule" aria-label="Rule"></select>
      <span id="count" class="count"></span>
    </div>
    <table id="skus"><thead></thead><tbody></tbody></table>
    <div class="pager"><button id="prev" type="button">‹ Previous</button><span id="page"></span><button id="next" type="button">Next ›</button></div>
  </section>
</main>
`;
}

export const PAGE_STYLE = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #f6f8fa; --error: #cf222e; --warning: #9a6700; --info: #0969da; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); }
header { padding: 20px 28px 8px; border-bottom: 1px solid var(--line); background: var(--bg); }
h1 { margin: 0; font-size: 22px; } h1 small { color: var(--muted); font-weight: normal; font-size: 15px; margin-left: 8px; }
.meta { color: var(--muted); margin: 4px 0 12px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 12px; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.figure b { display: block; font-size: 20px; } .figure span { color: var(--muted); font-size: 12px; }
.figure.error b { color: var(--error); } .figure.warning b { color: var(--warning); }
main { padding: 16px 28px 40px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 18px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fff; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-weight: 600; margin-bottom: 6px; }
canvas { width: 100% !important; max-height: 320px; }
.tall { position: relative; height: 460px; } .tall canvas { max-height: none; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.controls input { flex: 1 1 260px; padding: 6px 8px; } .controls select { padding: 5px; }
.count { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { cursor: pointer; background: var(--bg); user-select: none; white-space: nowrap; }
th.sorted::after { content: attr(data-dir); color: var(--muted); margin-left: 4px; }
tr.sku { cursor: pointer; } tr.sku:hover { background: #f3f6fa; }
tr.details td { background: #fbfcfd; } tr.details ul { margin: 4px 0; padding-left: 18px; }
.status-error { color: var(--error); font-weight: 600; } .status-warning { color: var(--warning); font-weight: 600; }
.status-info { color: var(--info); } .status-ok { color: var(--ok); }
.pager { display: flex; gap: 12px; align-items: center; margin-top: 10px; }
@media print {
  .controls, .pager button { display: none; } header { background: none; } figure, tr { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  /* The chart images scale as a whole: never squeezed into another aspect ratio. */
  canvas { max-height: none !important; height: auto !important; }
  .tall { height: auto; } figure.wide { grid-column: 1 / -1; }
}
`;

/** The page's own script: figures, charts, and the SKU table. Plain browser JavaScript. */
const PAGE_SCRIPT = String.raw`
(() => {
  const C = CONTEXT, S = C.strings;
  const COL = { line: 0, sku: 1, product: 2, segment: 3, track: 4, channel: 5, status: 6, weight: 7, longest: 8, window: 9, newUntil: 10, rules: 11, reasons: 12, findings: 13, title: 14, category: 15 };
  const $ = (id) => document.getElementById(id);
  const pct = (n, of) => of === 0 ? '0 %' : (Math.round(n / of * 1000) / 10) + ' %';
  const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
  const asOf = C.meta.asOf;
  const total = ROWS.length;

  // Every count the figures and charts need, in one pass over the rows (a catalog may have a million).
  const weekEnd = addDays(asOf, 7);
  let on96 = 0, ending = 0, lightest = 0.01;
  const bySegTrack = C.segments.map(() => C.tracks.map(() => 0));
  const moves = C.channels.map(() => C.tracks.map(() => 0));
  const dropsOn = new Map();
  const sized = [];
  for (const r of ROWS) {
    bySegTrack[r[COL.segment]][r[COL.track]]++;
    if (r[COL.channel] >= 0) moves[r[COL.channel]][r[COL.track]]++;
    if (r[COL.window] === 96) {
      on96++;
      if (r[COL.newUntil] && r[COL.newUntil] <= weekEnd) ending++;
      dropsOn.set(r[COL.newUntil], (dropsOn.get(r[COL.newUntil]) || 0) + 1);
    }
    if (r[COL.weight] !== null && r[COL.longest] !== null) {
      sized.push(r);
      if (r[COL.weight] < lightest) lightest = r[COL.weight];
    }
  }
  const f = C.summary.findings;
  const figures = [
    ['SKUs', total.toLocaleString('en'), ''],
    ['errors', f.error.toLocaleString('en'), 'error'],
    ['warnings', f.warning.toLocaleString('en'), 'warning'],
    ...C.tracks.map((t) => ['track ' + t, pct(C.summary.tracks[t], total), '']),
    ['on a 96 h window', on96.toLocaleString('en'), ''],
    ['96 h ends within 7 days', ending.toLocaleString('en'), ending ? 'warning' : ''],
  ];
  $('figures').innerHTML = figures.map(([label, value, cls]) => '<div class="figure ' + cls + '"><b>' + value + '</b><span>' + label + '</span></div>').join('');

  // Charts.
  const palette = ['#0969da', '#1a7f37', '#bf8700', '#cf222e', '#8250df', '#57606a'];
  const common = { animation: false, responsive: true, maintainAspectRatio: true };
  window.CHARTS = [];
  const chart = (id, config) => { window.CHARTS.push(new Chart($(id), { ...config, options: { ...common, ...(config.options || {}) } })); };

  chart('chart-segments', { type: 'bar', data: { labels: C.segments, datasets: C.tracks.map((t, ti) => ({ label: t, data: bySegTrack.map((row) => row[ti]), backgroundColor: palette[ti] })) }, options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'SKUs' } } } } });

  chart('chart-moves', { type: 'bar', data: { labels: C.channels.map((c) => 'now ' + c), datasets: C.tracks.map((t, ti) => ({ label: 'recommended ' + t, data: moves.map((row) => row[ti]), backgroundColor: palette[ti] })) }, options: { indexAxis: 'y', scales: { x: { stacked: true, title: { display: true, text: 'SKUs' } }, y: { stacked: true } } } });

  const days = Array.from({ length: 30 }, (_, i) => addDays(asOf, i + 1));
  const drops = days.map((d) => dropsOn.get(d) || 0);
  chart('chart-calendar', { type: 'bar', data: { labels: days.map((d) => d.slice(5)), datasets: [{ label: 'SKUs back to 72 h that day', data: drops, backgroundColor: palette[2] }] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'SKUs' } } } } });

  const step = Math.max(1, Math.ceil(sized.length / 5000));
  const points = (si) => sized.filter((r, i) => i % step === 0 && r[COL.segment] === si).map((r) => ({ x: r[COL.longest], y: r[COL.weight] }));
  const env = C.envelope;
  // A logarithmic axis has no 0: the envelope's vertical edge goes down to the lightest SKU (\`lightest\`).
  const longest = env ? env.maxLongestSideCm ?? (env.maxSidesCm ? env.maxSidesCm[0] : 0) : 0;
  const envelope = env ? [{ x: 0, y: env.maxWeightKg }, { x: longest, y: env.maxWeightKg }, { x: longest, y: lightest }] : [];
  chart('chart-size', { type: 'scatter', data: { datasets: [
    ...C.segments.map((s, si) => ({ label: s, data: points(si), backgroundColor: palette[si], pointRadius: 2 })),
    { type: 'line', label: 'light-small envelope', data: envelope, borderColor: '#cf222e', borderDash: [6, 4], pointRadius: 0, fill: false },
  ] }, options: { scales: { x: { type: 'linear', min: 0, title: { display: true, text: 'longest side (cm)' } }, y: { type: 'logarithmic', title: { display: true, text: 'weight (kg)' }, ticks: { callback: (v) => Number(v).toString() } } }, plugins: { subtitle: { display: step > 1, text: 'every ' + step + 'th SKU shown' } } } });

  const ruleRows = C.rules.filter((r) => C.summary.rules[r.id]);
  const colour = { error: '#cf222e', warning: '#bf8700', info: '#0969da' };
  chart('chart-rules', { type: 'bar', data: { labels: ruleRows.map((r) => r.id), datasets: [{ label: 'findings', data: ruleRows.map((r) => C.summary.rules[r.id]), backgroundColor: ruleRows.map((r) => colour[r.severity] || '#57606a') }] }, options: { indexAxis: 'y', maintainAspectRatio: false, scales: { y: { ticks: { autoSkip: false } } }, plugins: { legend: { display: false } } } });

  // The SKU table.
  const columns = [
    ['line', (r) => r[COL.line], (r) => r[COL.line]],
    ['SKU', (r) => r[COL.sku], (r) => r[COL.sku]],
    ['product', (r) => r[COL.product], (r) => r[COL.product]],
    ['segment', (r) => C.segments[r[COL.segment]], (r) => r[COL.segment]],
    ['track', (r) => C.tracks[r[COL.track]], (r) => r[COL.track]],
    ['channel', (r) => C.channels[r[COL.channel]], (r) => r[COL.channel]],
    ['window', (r) => r[COL.window] + ' h' + (r[COL.window] === 96 ? ' until ' + r[COL.newUntil] : ''), (r) => r[COL.window]],
    ['status', (r) => C.statuses[r[COL.status]], (r) => r[COL.status]],
    ['findings', (r) => r[COL.rules].map((i) => C.rules[i].id).join(', '), (r) => r[COL.findings].length],
  ];
  const options = (id, label, values) => { $(id).innerHTML = '<option value="">' + label + '</option>' + values.map((v, i) => '<option value="' + i + '">' + v + '</option>').join(''); };
  options('filter-segment', 'all segments', C.segments);
  options('filter-track', 'all tracks', C.tracks);
  options('filter-status', 'all statuses', C.statuses);
  options('filter-rule', 'all rules', C.rules.map((r) => r.id));
  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let sortBy = 0, dir = 1, page = 0, open = new Set(), view = ROWS;
  const PAGE = 50;
  const thead = document.querySelector('#skus thead'), tbody = document.querySelector('#skus tbody');
  thead.innerHTML = '<tr>' + columns.map((c, i) => '<th data-col="' + i + '">' + c[0] + '</th>').join('') + '</tr>';
  thead.addEventListener('click', (e) => { const th = e.target.closest('th'); if (!th) return; const i = Number(th.dataset.col); dir = sortBy === i ? -dir : 1; sortBy = i; apply(); });
  const haystack = (r) => (r[COL.sku] + ' ' + r[COL.product] + ' ' + r[COL.title] + ' ' + (r[COL.category] >= 0 ? S[r[COL.category]] : '') + ' ' + r[COL.reasons].map((i) => S[i]).join(' ') + ' ' + r[COL.findings].map((f) => S[f[1]]).join(' ')).toLowerCase();
  function apply() {
    const q = $('search').value.trim().toLowerCase();
    const seg = $('filter-segment').value, tr = $('filter-track').value, st = $('filter-status').value, ru = $('filter-rule').value;
    view = ROWS.filter((r) => (seg === '' || r[COL.segment] === Number(seg)) && (tr === '' || r[COL.track] === Number(tr)) && (st === '' || r[COL.status] === Number(st)) && (ru === '' || r[COL.rules].includes(Number(ru))) && (q === '' || haystack(r).includes(q)));
    const key = columns[sortBy][2];
    // The rows come in line order: sorting by line, ascending, changes nothing.
    if (sortBy !== 0 || dir !== 1) view = view.slice().sort((a, b) => { const x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * dir || a[COL.line] - b[COL.line]; });
    page = 0; render();
  }
  // Printing shows every row of the current view (up to PRINT_MAX), not just the page on screen.
  const PRINT_MAX = 2000;
  let printing = false;
  function render() {
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    page = Math.min(page, pages - 1);
    const rows = printing ? view.slice(0, PRINT_MAX) : view.slice(page * PAGE, page * PAGE + PAGE);
    thead.querySelectorAll('th').forEach((th, i) => { th.classList.toggle('sorted', i === sortBy); th.dataset.dir = dir > 0 ? '▲' : '▼'; });
    tbody.innerHTML = rows.map((r) => {
      const cells = columns.map((c, i) => '<td' + (i === 7 ? ' class="status-' + C.statuses[r[COL.status]] + '"' : '') + '>' + esc(c[1](r)) + '</td>').join('');
      const details = open.has(r[COL.line]) ? '<tr class="details"><td colspan="' + columns.length + '"><b>Line ' + r[COL.line] + '</b> · ' + esc(r[COL.title]) + (r[COL.category] >= 0 ? ' · ' + esc(S[r[COL.category]]) : '') + '<ul>' + r[COL.reasons].map((i) => '<li>' + esc(S[i]) + '</li>').join('') + '</ul>' + (r[COL.findings].length ? '<ul>' + r[COL.findings].map((f) => '<li class="status-' + C.rules[f[0]].severity + '">' + esc(C.rules[f[0]].id) + ': ' + esc(S[f[1]]) + '</li>').join('') + '</ul>' : '') + '</td></tr>' : '';
      return '<tr class="sku" data-line="' + r[COL.line] + '">' + cells + '</tr>' + details;
    }).join('');
    $('count').textContent = view.length.toLocaleString('en') + ' of ' + total.toLocaleString('en') + ' SKUs';
    $('page').textContent = printing
      ? (view.length > PRINT_MAX ? 'the first ' + PRINT_MAX.toLocaleString('en') + ' of ' + view.length.toLocaleString('en') + ' SKUs are printed' : 'all ' + view.length.toLocaleString('en') + ' SKUs printed')
      : 'page ' + (page + 1) + ' of ' + pages;
    $('prev').disabled = page === 0; $('next').disabled = page >= pages - 1;
  }
  tbody.addEventListener('click', (e) => { const tr = e.target.closest('tr.sku'); if (!tr) return; const line = Number(tr.dataset.line); open.has(line) ? open.delete(line) : open.add(line); render(); });
  $('prev').addEventListener('click', () => { page--; render(); });
  $('next').addEventListener('click', () => { page++; render(); });
  for (const id of ['filter-segment', 'filter-track', 'filter-status', 'filter-rule']) $(id).addEventListener('input', apply);
  // Searching a large catalog takes a moment: search once typing pauses, not on every key.
  let typing;
  $('search').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(apply, ROWS.length > 20000 ? 250 : 0); });
  // Charts are drawn for the screen: redraw them at the page's width for print, and back.
  const redraw = () => { for (const c of window.CHARTS) c.resize(); };
  window.addEventListener('beforeprint', () => { printing = true; render(); redraw(); });
  window.addEventListener('afterprint', () => { printing = false; render(); redraw(); });
  const media = window.matchMedia('print');
  media.addEventListener('change', (e) => { printing = e.matches; render(); redraw(); });
  apply();
})();
`;
