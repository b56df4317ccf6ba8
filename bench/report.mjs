// Turns the benchmark's samples into the Markdown that `npm run bench` prints.

/** A Markdown table with padded columns (as Biome formats it): first column left, the rest right. */
export function table(header, rows) {
  const widths = header.map((_, i) =>
    Math.max(3, ...[header, ...rows].map((row) => row[i].length)),
  );
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}

const ms = (n, format = fmt) =>
  Number.isNaN(n) || !Number.isFinite(n) ? format(n) : `${format(n)} ms`;
export const fmt = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : 'n/a');
/** A longest task: `longtask` reports only tasks over 50 ms, so 0 means "none over 50". */
const fmtTask = (n) => (Number.isNaN(n) ? 'n/a' : n === 0 ? '< 50' : n.toFixed(0));
const fmtTasks = (s, key) => `${fmtTask(s.median[key])} / ${fmtTask(s.worst[key])}`;

export function variantName(spec, baselineLabel) {
  if (spec.variant === 'naive') return 'naive react-konva (Line+Text per word)';
  const name = spec.variant === 'baseline' ? baselineLabel : '`<OcrOverlay>`';
  return spec.labels === 'always' ? `${name} \`labels="always"\`` : name;
}

const imageName = (spec) => (spec.image === 'url' ? 'URL' : '`<img>`');

/** Median and worst (largest) of every numeric field over the runs; "never" counts as ∞. */
export function summarize(runs) {
  const keys = Object.keys(runs[0]).filter((k) => typeof runs[0][k] === 'number');
  const median = {};
  const worst = {};
  for (const key of keys) {
    const values = runs.map((r) => r[key]);
    if (values.every(Number.isNaN)) {
      median[key] = Number.NaN;
      worst[key] = Number.NaN;
      continue;
    }
    const sorted = values.map((v) => (Number.isNaN(v) ? Infinity : v)).sort((a, b) => a - b);
    median[key] = sorted[Math.floor(sorted.length / 2)];
    worst[key] = sorted[sorted.length - 1];
  }
  return { median, worst };
}

export function mountTable(rows, baselineLabel) {
  const naive = (words) =>
    rows.find((r) => r.spec.variant === 'naive' && r.spec.words === words)?.mount.median;
  return table(
    [
      'variant',
      'image',
      'words',
      'ready (ms)',
      'text layer (ms)',
      'first frame (ms)',
      'vs naive',
      'longest task (ms)',
      'longest frame (ms)',
      'quiet (ms)',
    ],
    rows.map(({ spec, mount }) => {
      const m = mount.median;
      const ratio = spec.variant === 'naive' ? Number.NaN : naive(spec.words)?.firstFrame / m.ready;
      return [
        variantName(spec, baselineLabel),
        imageName(spec),
        spec.words.toLocaleString('en'),
        spec.variant === 'naive' ? '—' : fmt(m.ready),
        spec.variant === 'naive' ? '—' : fmt(m.textLayer),
        fmt(m.firstFrame),
        Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—',
        fmtTasks(mount, 'longestTask'),
        fmt(m.longestFrame),
        fmt(m.quiet),
      ];
    }),
  );
}

export function inputTable(rows, baselineLabel) {
  return table(
    [
      'variant',
      'image',
      'words',
      'hover (ms)',
      'wheel → drawn (ms)',
      'zoom canvas (ms)',
      'zoom longest task (ms)',
      'zoom longest frame (ms)',
      'pan longest task (ms)',
      'pan longest frame (ms)',
      'pan redraws',
    ],
    rows
      .filter((r) => r.zoom)
      .map(({ spec, hover, zoom, pan }) => [
        variantName(spec, baselineLabel),
        imageName(spec),
        spec.words.toLocaleString('en'),
        fmt(hover.median.value),
        fmt(zoom.median.drawn),
        fmt(zoom.median.canvas),
        fmtTasks(zoom, 'longestTask'),
        fmt(zoom.median.longestFrame),
        fmtTasks(pan, 'longestTask'),
        fmt(pan.median.longestFrame),
        fmt(pan.median.draws),
      ]),
  );
}

export function targets(rows) {
  const check = (ok) => (ok ? 'met' : 'missed');
  const naive = rows.find((r) => r.spec.variant === 'naive' && r.spec.words === 10_000);
  const lines = [];
  for (const row of rows) {
    const { spec, mount, zoom, pan } = row;
    if (spec.variant !== 'ours' || spec.words !== 10_000 || spec.labels !== 'auto') continue;
    const m = mount.median;
    const ratio = naive ? naive.mount.median.firstFrame / m.ready : Number.NaN;
    const task = (s) => s.worst.longestTask;
    const none = (s) => task(s) === 0;
    const noTask = (s, what) =>
      `- no task over 50 ms ${what}: worst ${ms(task(s), fmtTask)} — ${Number.isNaN(task(s)) ? 'n/a (no longtask entries)' : check(none(s))}`;
    lines.push(
      `${imageName(spec)}, 10,000 words:`,
      '',
      `- ready ≤ 100 ms: ${ms(m.ready)} — ${check(m.ready <= 100)}`,
      `- ≥ 10× faster than naive to its first frame: ${fmt(ratio)}× — ${check(ratio >= 10)}`,
      `- text layer ready ≤ 300 ms: ${ms(m.textLayer)} — ${Number.isFinite(m.textLayer) ? check(m.textLayer <= 300) : 'missed (no data-text-layer="ready")'}`,
      noTask(mount, 'from mount until the text layer (or ready)'),
      noTask(zoom, 'during a zoom step'),
      noTask(pan, 'during a pan'),
      '',
    );
  }
  return lines;
}

export function coreTable(core) {
  return table(
    ['10,000 words', 'median (ms)'],
    [
      ['`findText`, first search (builds the folded text)', fmt(core.firstSearch)],
      ['`findText`, next search', fmt(core.search)],
      ['`toPlainText`', fmt(core.plain)],
      ['`toHocr`', fmt(core.hocr)],
    ],
  );
}
