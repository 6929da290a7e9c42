// explore.html: the tables of one scenario, recomputed in the browser from the model's expression
// trees after the reader edits an input. Plain JavaScript, no libraries, works from file://.
// The data (quantities, trees, tables) is the JSON in <script id="explore-data">, written by zorgcap.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("explore-data").textContent);
  const Q = data.quantities;
  const inputKeys = Object.keys(Q).filter((k) => Q[k].input).sort();

  // ---- numbers exactly as zorgcap prints them (src/core/rounding.cpp, src/core/number_format.cpp)

  // Half-up (halves away from zero) to `decimals` places; a value a hair below a half through binary
  // floating point counts as the half it stands for (1e-9 of a unit, or 1e-15 relative for large
  // values), as in rounding.cpp.
  function roundHalfUp(x, decimals) {
    const scale = Math.pow(10, decimals);
    const y = Math.abs(x) * scale;
    if (y >= 4503599627370496) return x;  // 2^52 units: no fraction left
    const r = Math.floor(y + 0.5 + Math.max(1e-9, 1e-15 * y));
    const v = r / scale;
    return x < 0 || Object.is(x, -0) ? -v : v;
  }

  // nl-NL: '.' between thousands, ',' before the decimals.
  function formatNl(x, decimals) {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? "n.b." : x > 0 ? "∞" : "-∞";
    const r = roundHalfUp(x, decimals);
    const scaled = Math.abs(r) * Math.pow(10, decimals);
    let digits, frac, units;
    if (scaled < 9007199254740992) {  // 2^53: exact in doubles
      units = Math.round(scaled);
      const div = Math.pow(10, decimals);
      digits = String(Math.floor(units / div));
      frac = units % div;
    } else if (scaled < 9.0e18) {
      // Counted in integers as number_format.cpp counts them (BigInt: exact past 2^53).
      const u = BigInt(Math.round(scaled));
      const div = 10n ** BigInt(decimals);
      digits = String(u / div);
      frac = u % div;
      units = u === 0n ? 0 : 1;
    } else {
      digits = BigInt(Math.round(Math.abs(r))).toString();  // a double that large is an integer
      frac = 0n;
      units = 1;
    }
    let grouped = "";
    for (let i = 0; i < digits.length; ++i) {
      if (i > 0 && (digits.length - i) % 3 === 0) grouped += ".";
      grouped += digits[i];
    }
    let out = units !== 0 && r < 0 ? "-" + grouped : grouped;
    if (decimals > 0) out += "," + String(frac).padStart(decimals, "0");
    return out;
  }

  // ---- the model: every derived quantity's tree (the node types of values.json, docs/MODEL.md),
  // compiled once into closures over index arrays and evaluated incrementally: after an edit only
  // the quantities that depend on a changed input, in dependency order, and of those only the ones
  // whose operands changed. The start values are the Document's (zorgcap's own run).

  // state: the edited inputs, key -> {min, max}
  let edits = {};

  const OPS = {
    add: (a, b) => (v) => a(v) + b(v),
    sub: (a, b) => (v) => a(v) - b(v),
    mul: (a, b) => (v) => a(v) * b(v),
    div: (a, b) => (v) => a(v) / b(v),
    min: (a, b) => (v) => { const x = a(v), y = b(v); return y < x ? y : x; }, // std::min
    max: (a, b) => (v) => { const x = a(v), y = b(v); return x < y ? y : x; }, // std::max
  };

  let G = null; // the graph, built at the first edit
  function graph() {
    if (G) return G;
    const keys = Object.keys(Q);
    const index = Object.create(null);
    keys.forEach((k, i) => (index[k] = i));
    const n = keys.length;
    const lo = new Float64Array(n), hi = new Float64Array(n);
    const fn = new Array(n), users = keys.map(() => []), operands = new Array(n);
    keys.forEach((k, i) => {
      lo[i] = Q[k].min;
      hi[i] = Q[k].max;
    });
    function compile(node, refs) {
      if ("ref" in node) {
        const j = index[node.ref];
        refs.add(j);
        return (v) => v[j];
      }
      if ("const" in node) {
        const c = node.const;
        return () => c;
      }
      const args = node.args.map((a) => compile(a, refs));
      if (node.op === "neg") return (v) => -args[0](v);
      if (node.op === "round") {
        const d = node.decimals;
        return (v) => roundHalfUp(args[0](v), d);
      }
      return OPS[node.op](args[0], args[1]);
    }
    keys.forEach((k, i) => {
      const q = Q[k];
      if (q.input) return;
      const refs = new Set();
      fn[i] = compile(q.expr, refs);
      for (const j of refs) users[j].push(i);
      operands[i] = q.operands.map((o) => index[o]);
    });
    // Dependency order (depth first from each quantity; the graph has no cycles).
    const pos = new Int32Array(n).fill(-1);
    let next = 0;
    const visit = (i) => {
      if (pos[i] >= 0) return;
      pos[i] = -2;
      if (operands[i]) for (const j of operands[i]) if (pos[j] === -1) visit(j);
      pos[i] = next++;
    };
    for (let i = 0; i < n; ++i) visit(i);
    G = { keys, index, lo, hi, fn, users, operands, pos };
    return G;
  }

  // Brings every input to `edits` (or its original value) and recomputes what depends on the inputs
  // that moved. Returns the indices of the quantities whose min or max changed.
  function propagate() {
    const g = graph();
    const changed = [];
    const dirty = new Uint8Array(g.keys.length);
    const seen = new Uint8Array(g.keys.length);
    const todo = [];
    const reach = (i) => {
      for (const u of g.users[i])
        if (!seen[u]) {
          seen[u] = 1;
          todo.push(u);
          reach(u);
        }
    };
    for (const key of inputKeys) {
      const i = g.index[key];
      const e = edits[key] || Q[key];
      if (Object.is(g.lo[i], e.min) && Object.is(g.hi[i], e.max)) continue;
      g.lo[i] = e.min;
      g.hi[i] = e.max;
      changed.push(i);
      for (const u of g.users[i]) dirty[u] = 1;
      reach(i);
    }
    todo.sort((a, b) => g.pos[a] - g.pos[b]);
    for (const i of todo) {
      if (!dirty[i]) continue;
      const a = g.fn[i](g.lo), b = g.fn[i](g.hi);
      if (Object.is(a, g.lo[i]) && Object.is(b, g.hi[i])) continue;
      g.lo[i] = a;
      g.hi[i] = b;
      changed.push(i);
      for (const u of g.users[i]) dirty[u] = 1;
    }
    return changed;
  }

  // ---- values for a reader, as the Herkomst entries print them (src/document/value_text.cpp)

  function whole(x) {
    return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
  }
  function readerDecimals(unit, min, max) {
    const s = unit === "aandeel" ? 100 : 1;
    const lo = min * s, hi = max * s;
    if (whole(lo) && whole(hi)) return 0;
    if (unit === "aandeel") return 2;
    return Math.max(Math.abs(lo), Math.abs(hi)) >= 10 ? 2 : 4;
  }
  function readerValue(i, x) {
    const g = G, unit = Q[g.keys[i]].unit;
    const v = formatNl(unit === "aandeel" ? x * 100 : x, readerDecimals(unit, g.lo[i], g.hi[i]));
    switch (unit) {
      case "aandeel": return v + "%";
      case "euro": return "€ " + v;
      case "euro/uur": return "€ " + v + " per uur";
      case "euro/jaar": return "€ " + v + " per jaar";
      case "factor":
      case "aantal": return v;
      default: return v + " " + unit;
    }
  }
  function describeValue(i) {
    const g = G, W = data.wording;
    if (g.lo[i] === g.hi[i]) return readerValue(i, g.lo[i]);
    return readerValue(i, g.lo[i]) + " (" + W.min_scenario + ") – " + readerValue(i, g.hi[i]) + " (" +
      W.max_scenario + ")" + (g.lo[i] > g.hi[i] ? "; " + W.smaller_in_max : "");
  }

  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/[<]/g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // The "ingevuld" lines of entry i as report.html prints them: one, or one per scenario when the
  // quantity or an operand has a range. Each line as segments: text, then per operand its link
  // (anchor, value) and the text after it.
  function filledIn(i) {
    const g = G, q = Q[g.keys[i]], ops = g.operands[i];
    let ranged = g.lo[i] !== g.hi[i];
    for (const j of ops) ranged = ranged || g.lo[j] !== g.hi[j];
    const lines = [];
    for (const bound of ranged ? ["min", "max"] : ["min"]) {
      const v = bound === "max" ? g.hi : g.lo;
      let text = " " + (ranged ? (bound === "max" ? data.wording.max_scenario : data.wording.min_scenario) + ": " : "") + "= ";
      const seg = [];
      for (const p of q.formula) {
        if (typeof p === "string") text += p;
        else {
          seg.push(text, [Q[g.keys[ops[p]]].anchor, readerValue(ops[p], v[ops[p]])]);
          text = "";
        }
      }
      seg.push(text + " = " + readerValue(i, v[i]));
      lines.push(seg);
    }
    return lines;
  }

  function filledInHtml(lines) {
    let out = "";
    for (const seg of lines) {
      out += '<br>\n<span class="kind">ingevuld</span>';
      for (const s of seg) out += typeof s === "string" ? esc(s) : '<a href="#' + esc(s[0]) + '">' + esc(s[1]) + "</a>";
    }
    return out;
  }

  // Writes the lines into `span`: in place when it has the same lines and links (only the values
  // change), else anew.
  function writeFilledIn(span, lines) {
    const nodes = span.childNodes;
    let at = 0;
    const writes = [];
    const same = lines.every((seg) => {
      if (!nodes[at] || nodes[at].nodeName !== "BR") return false;
      at += 3; // <br>, "\n", <span class="kind">
      return seg.every((s) => {
        if (typeof s === "string") {
          if (s === "") return true;
          const n = nodes[at++];
          if (!n || n.nodeType !== 3) return false;
          if (n.data !== s) writes.push([n, s]);
          return true;
        }
        const a = nodes[at++];
        if (!a || a.nodeName !== "A" || a.getAttribute("href") !== "#" + s[0]) return false;
        if (a.textContent !== s[1]) writes.push([a.firstChild, s[1]]);
        return true;
      });
    }) && at === nodes.length;
    if (!same) {
      span.innerHTML = filledInHtml(lines);
      return;
    }
    for (const [n, text] of writes) n.data = text;
  }

  // ---- tables: the page shows the Document's cells; after an edit only the cells of changed
  // quantities are recomputed, and only those whose text changed are rewritten.

  let cellIndex = null; // quantity index -> the live cells printing it; input key -> cells naming its source
  function cells() {
    if (cellIndex) return cellIndex;
    const g = graph();
    const byQ = new Map(), bySrc = new Map();
    for (const c of data.cells) {
      c.el = null;
      for (const r of c.runs) {
        if (typeof r === "string") continue;
        if ("key" in r) {
          r.i = g.index[r.key];
          if (!byQ.has(r.i)) byQ.set(r.i, new Set());
          byQ.get(r.i).add(c);
        } else if ("src" in r) {
          if (!bySrc.has(r.src)) bySrc.set(r.src, Object.assign(new Set(), { label: null }));
          bySrc.get(r.src).add(c);
        }
      }
    }
    cellIndex = { byQ, bySrc };
    return cellIndex;
  }

  // The text of one run: literal text, a number (key, bound, factor, decimals) or a source label.
  function runText(run, problems) {
    if (typeof run === "string") return run;
    if ("src" in run) return edits[run.src] ? assumptionLabel() : run.text;
    const lo = G.lo[run.i], hi = G.hi[run.i];
    if (run.bound === "" && lo !== hi) problems.add(run.key);
    return formatNl((run.bound === "max" ? hi : lo) * run.factor, run.decimals);
  }

  // Rewrites one cell: its runs, the number links (copies of the page's own, with their hover
  // text) and the footnote markers; back to the page's own markup when the text is the original.
  function renderCell(c, texts) {
    const td = c.el || (c.el = document.getElementById(c.id));
    if (c.original === undefined) {
      c.original = Array.from(td.childNodes);
      c.originalText = cellText(td);
      c.links = Array.from(td.querySelectorAll("a.q"), (a) => a.cloneNode(false));
      c.notes = Array.from(td.querySelectorAll("sup.voetnoot"), (s) => s.cloneNode(true));
      c.shown = c.originalText;
    }
    const text = texts.join("");
    if (text === c.shown) return false;
    c.shown = text;
    if (text === c.originalText) {
      td.replaceChildren(...c.original);
      td.classList.remove("changed");
      return true;
    }
    const nodes = [];
    const before = c.footnotes_before || [];
    let link = 0;
    const notesBefore = (k) => before.forEach((b, n) => b === k && nodes.push(c.notes[n].cloneNode(true)));
    c.runs.forEach((r, k) => {
      notesBefore(k);
      if (typeof r !== "string" && "key" in r) {
        const a = c.links[link++].cloneNode(false);
        a.textContent = texts[k];
        nodes.push(a);
      } else if (texts[k]) nodes.push(document.createTextNode(texts[k]));
    });
    notesBefore(c.runs.length);
    td.replaceChildren(...nodes);
    td.classList.add("changed");
    return true;
  }

  // An element's text, <br> as a line break; `skipSup`: without the footnote and deviation markers
  // (a cell's text as displayed).
  function textOf(el, skipSup) {
    let s = "";
    for (const n of el.childNodes) {
      if (n.nodeType === 3) s += n.data;
      else if (n.nodeName === "BR") s += "\n";
      else if (!skipSup || n.nodeName !== "SUP") s += textOf(n, skipSup);
    }
    return s;
  }
  const cellText = (el) => textOf(el, true);

  // ---- charts: the case charts redrawn as svg_chart.cpp draws them

  const CHART = { width: 760, left: 90, plot: 580, bar: 14, row: 42, top: 6 };

  // printf("%.1f"): an exact tie (x.x5 in binary: a quarter) goes to the even digit, unlike toFixed.
  function num(v) {
    if (Number.isInteger(v * 4) && !Number.isInteger(v * 2)) {
      const t = Math.floor(Math.abs(v) * 10);
      const d = t % 2 === 0 ? t : t + 1;
      return (v < 0 ? "-" : "") + (d / 10).toFixed(1);
    }
    return v.toFixed(1);
  }

  // A case chart's bars: each a quantity from its min to its max.
  function rangeBars(chart) {
    const g = G;
    return chart.bars.map((b) => {
      const i = g.index[b.key];
      return { label: b.label, detail: b.detail, anchor: b.anchor, low: g.lo[i], high: g.hi[i] };
    });
  }

  // svg_chart.cpp: horizontal bars with their values; a tornado's axis at its base value.
  function chartSvg(chart, bars, base) {
    const tornado = chart.kind === "tornado";
    const f = (v) => v * chart.factor;
    const text = (v) => formatNl(v * chart.factor, chart.decimals);
    let lo = tornado ? f(base) : 0, hi = lo;
    for (const b of bars) {
      lo = Math.min(lo, f(b.low), f(b.high));
      hi = Math.max(hi, f(b.low), f(b.high));
    }
    if (hi === lo) hi = lo + 1;
    const x = (v) => CHART.left + ((v - lo) / (hi - lo)) * CHART.plot;
    const height = CHART.top + CHART.row * bars.length + 24;
    let out = '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + num(CHART.width) + " " + num(height) +
      '" width="' + num(CHART.width) + '" height="' + num(height) + '" role="img" aria-label="' + esc(chart.title) + '">\n';
    const axis = x(tornado ? f(base) : 0);
    bars.forEach((r, k) => {
      const y = CHART.top + CHART.row * k;
      const from = f(r.low), to = f(r.high), fromText = text(r.low), toText = text(r.high);
      const x0 = x(Math.min(from, to)), x1 = x(Math.max(from, to));
      const rising = to >= from;
      out += '<a href="#' + esc(r.anchor) + '"><title>' + esc(r.label) + (r.detail ? " (" + r.detail + ")" : "") +
        ": " + esc(fromText) + " – " + esc(toText) + "</title>\n" +
        '<text x="0" y="' + num(y + 12) + '" class="label">' + esc(r.label) +
        (r.detail ? ' <tspan class="detail">' + esc(r.detail) + "</tspan>" : "") + "</text>\n" +
        '<rect x="' + num(x0) + '" y="' + num(y + 18) + '" width="' + num(Math.max(1, x1 - x0)) + '" height="' +
        num(CHART.bar) + '" class="' + (tornado ? (rising ? "up" : "down") : "range") + '"/>\n' +
        '<text x="' + num(x0 - 4) + '" y="' + num(y + 29) + '" text-anchor="end" class="value">' +
        esc(rising ? fromText : toText) + "</text>\n" +
        '<text x="' + num(x1 + 4) + '" y="' + num(y + 29) + '" class="value">' + esc(rising ? toText : fromText) +
        "</text>\n</a>\n";
    });
    const bottom = CHART.top + CHART.row * bars.length;
    out += '<line x1="' + num(axis) + '" y1="' + num(CHART.top + 16) + '" x2="' + num(axis) + '" y2="' + num(bottom) +
      '" class="axis"/>\n';
    if (tornado)
      out += '<text x="' + num(axis) + '" y="' + num(bottom + 16) + '" text-anchor="middle" class="value">midden: ' +
        esc(text(base)) + " " + esc(chart.unit) + "</text>\n";
    return out + "</svg>\n";
  }

  // ---- tornados (src/model/analysis.cpp): every parameter at its midpoint, then one at a time at
  // its low and high end (its range, or ±20% of a single value within its domain); per outcome the
  // parameters that move it, largest swing first.

  const DBL_MIN = 2.2250738585072014e-308; // std::numeric_limits<double>::min()

  function analysisRange(key) {
    const g = G, q = Q[key], i = g.index[key], d = q.domain;
    const ranged = q.ranged && g.lo[i] !== g.hi[i];
    if (ranged) return { i: i, key: key, ranged: true, low: g.lo[i], high: g.hi[i], mid: (g.lo[i] + g.hi[i]) / 2 };
    const a = d.lower_open ? DBL_MIN : d.lower;
    const b = !d.bounded_above || d.upper_is_ceiling ? Infinity : d.upper_open ? d.upper - d.upper * Number.EPSILON / 2 : d.upper;
    const clamp = (v) => (v < a ? a : b < v ? b : v);
    return { i: i, key: key, ranged: false, low: clamp(g.lo[i] * 0.8), high: clamp(g.lo[i] * 1.2), mid: g.lo[i] };
  }

  // analysis_build.cpp's parameter_text: shares as percentages, others with sensible decimals.
  function parameterText(v, unit) {
    if (unit === "aandeel") {
      const pct = v * 100;
      return formatNl(pct, pct === Math.round(pct) ? 0 : 1) + "%";
    }
    return formatNl(v, Math.abs(v) >= 100 || v === Math.round(v) ? 0 : 2);
  }

  // Every quantity that depends on input i, in dependency order (cached per input).
  function dependents(i) {
    const g = G;
    if (!g.dependents) g.dependents = new Map();
    if (g.dependents.has(i)) return g.dependents.get(i);
    const seen = new Set(), list = [];
    const walk = (j) => {
      for (const u of g.users[j])
        if (!seen.has(u)) {
          seen.add(u);
          list.push(u);
          walk(u);
        }
    };
    walk(i);
    list.sort((a, b) => g.pos[a] - g.pos[b]);
    g.dependents.set(i, list);
    return list;
  }

  function renderTornados() {
    const g = graph();
    const charts = data.charts.filter((c) => c.kind === "tornado");
    if (!charts.length) return;
    const ranges = inputKeys.map(analysisRange);
    const n = g.keys.length, v = new Float64Array(n);
    for (const r of ranges) v[r.i] = r.mid;
    const order = Array.from(g.keys.keys()).filter((i) => g.fn[i]).sort((a, b) => g.pos[a] - g.pos[b]);
    for (const i of order) v[i] = g.fn[i](v);
    const mid = v.slice();
    const outcomes = charts.map((c) => g.index[c.outcome]);
    const bars = charts.map(() => []);
    const run = (deps) => {
      for (const j of deps) v[j] = g.fn[j](v);
      return outcomes.map((o) => v[o]);
    };
    for (const r of ranges) {
      if (r.low === r.high) continue;
      const deps = dependents(r.i);
      v[r.i] = r.low;
      const low = run(deps);
      v[r.i] = r.high;
      const high = run(deps);
      v[r.i] = r.mid;
      for (const j of deps) v[j] = mid[j];
      outcomes.forEach((o, k) => {
        const swing = Math.abs(high[k] - low[k]);
        // A move below a relative 1e-12 is arithmetic noise, not sensitivity.
        if (swing > 1e-12 * Math.max(1, Math.abs(mid[o]))) bars[k].push({ r: r, low: low[k], high: high[k], swing: swing });
      });
    }
    charts.forEach((c, k) => {
      const shown = bars[k].sort((a, b) => b.swing - a.swing).slice(0, c.max_bars).map((b) => {
        const q = Q[b.r.key];
        return {
          label: q.label,
          detail: parameterText(b.r.low, q.unit) + " – " + parameterText(b.r.high, q.unit) + (b.r.ranged ? "" : " (±20%)"),
          anchor: q.anchor,
          low: b.low,
          high: b.high,
        };
      });
      const svg = chartSvg(c, shown, mid[outcomes[k]]);
      if (svg !== c.svg) {
        c.svg = svg;
        document.getElementById(c.id).querySelector("svg").outerHTML = svg;
      }
    });
  }

  // The tornados follow in the next task, so the tables, Herkomst and case charts are on screen first.
  let tornadoTimer = 0;
  function scheduleTornados() {
    if (tornadoTimer) return;
    tornadoTimer = setTimeout(() => {
      tornadoTimer = 0;
      renderTornados();
    }, 0);
  }

  // ---- one recompute: values, then the cells, Herkomst entries and charts they touch

  // A Herkomst entry's elements, looked up once.
  const entryCache = new Map();
  function entryOf(i) {
    if (entryCache.has(i)) return entryCache.get(i);
    const li = document.getElementById(Q[G.keys[i]].anchor);
    const e = li && {
      li: li,
      value: li.querySelector(".value"),
      filled: li.querySelector(".ingevuld"),
      moved: false,
    };
    if (e) e.valueText = e.value.textContent;
    entryCache.set(i, e);
    return e;
  }

  let problemKeys = new Set();
  function recompute() {
    const t0 = performance.now();
    const changed = propagate();
    const t1 = performance.now();
    const g = G, ix = cells();
    const touched = new Set();
    for (const i of changed) {
      const set = ix.byQ.get(i);
      if (set) for (const c of set) touched.add(c);
    }
    for (const [key, set] of ix.bySrc) {
      const label = edits[key] ? assumptionLabel() : null;
      if (label === set.label) continue;
      set.label = label;
      for (const c of set) touched.add(c);
    }
    let rewritten = 0;
    for (const c of touched) {
      const p = new Set();
      const texts = c.runs.map((r) => runText(r, p));
      for (const r of c.runs) if (typeof r !== "string" && "key" in r && r.bound === "") problemKeys.delete(r.key);
      for (const k of p) problemKeys.add(k);
      if (renderCell(c, texts)) ++rewritten;
    }
    const t2 = performance.now();
    // Herkomst: the changed quantities and the entries that show them as operands.
    const entries = new Set(changed);
    for (const i of changed) for (const u of g.users[i]) entries.add(u);
    for (const i of entries) {
      const e = entryOf(i);
      if (!e) continue;
      const value = describeValue(i);
      if (value !== e.valueText) e.value.textContent = e.valueText = value;
      if (e.filled) writeFilledIn(e.filled, filledIn(i));
      const moved = g.lo[i] !== Q[g.keys[i]].min || g.hi[i] !== Q[g.keys[i]].max;
      if (moved !== e.moved) e.li.classList.toggle("changed", (e.moved = moved));
    }
    const t3 = performance.now();
    const moved = new Set(changed.map((i) => g.keys[i]));
    for (const chart of data.charts) {
      if (chart.kind !== "range" || !chart.bars.some((b) => moved.has(b.key))) continue;
      document.getElementById(chart.id).querySelector("svg").outerHTML = chartSvg(chart, rangeBars(chart), 0);
    }
    if (changed.some((i) => Q[g.keys[i]].input)) scheduleTornados();
    const box = document.getElementById("model-problems");
    box.textContent = problemKeys.size
      ? "Let op: deze grootheden hebben nu een minimum en een maximum, maar de tabel toont één waarde (het minimum): " +
        [...problemKeys].sort().join(", ")
      : "";
    const ms = (a, b) => Math.round((b - a) * 10) / 10;
    const t4 = performance.now();
    return {
      quantities: changed.length, cells: touched.size, rewritten: rewritten, entries: entries.size,
      split_ms: { values: ms(t0, t1), cells: ms(t1, t2), herkomst: ms(t2, t3), charts: ms(t3, t4) },
    };
  }

  // ---- inputs: edit, check against the domain, list the changes

  function parseNumber(text) {
    const t = String(text).trim();
    if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(t)) return NaN;
    return Number(t.replace(",", "."));
  }

  function domainText(d) {
    const lo = (d.lower_open ? "groter dan " : "minstens ") + formatPlain(d.lower);
    if (!d.bounded_above) return lo;
    return lo + " en " + (d.upper_open ? "kleiner dan " : "hoogstens ") + formatPlain(d.upper);
  }

  function inDomain(v, d) {
    const above = d.lower_open ? v > d.lower : v >= d.lower;
    const below = !d.bounded_above || (d.upper_open ? v < d.upper : v <= d.upper);
    return above && below;
  }

  // A value as the reader types it: full precision, decimal comma.
  function formatPlain(v) {
    return String(v).replace(".", ",");
  }

  // Checks a proposed {min, max} for `key`; returns a message, or "" when it may be used.
  function problemOf(key, min, max) {
    const q = Q[key];
    for (const [what, v] of [["minimum", min], ["maximum", max]]) {
      if (!Number.isFinite(v)) return (q.ranged ? "Het " + what + " is" : "Dit is") + " geen getal.";
      if (!inDomain(v, q.domain)) return "De waarde moet " + domainText(q.domain) + " zijn.";
      if (!q.ranged) break;
    }
    if (q.ranged && min > max) return "Het minimum is groter dan het maximum.";
    return "";
  }

  function setEdit(key, min, max) {
    const q = Q[key];
    if (min === q.min && max === q.max) delete edits[key];
    else edits[key] = { min: min, max: max };
  }

  const fields = {}; // key -> {min, max, message}

  function buildInputs() {
    const host = document.getElementById("inputs-list");
    for (const key of inputKeys) {
      const q = Q[key];
      const row = document.createElement("div");
      row.className = "input";
      const title = document.createElement("div");
      title.className = "input-label";
      title.id = "label-" + key;
      title.textContent = q.label;
      const meta = document.createElement("div");
      meta.className = "input-meta";
      meta.id = "meta-" + key;
      meta.textContent = key + " · " + q.unit + " · " + q.source_label + " · " + domainText(q.domain);
      row.append(title, meta);
      const msg = document.createElement("div");
      msg.className = "message";
      msg.id = "msg-" + key;
      msg.setAttribute("role", "alert");
      const f = { message: msg };
      for (const bound of q.ranged ? ["min", "max"] : ["value"]) {
        const label = document.createElement("label");
        const input = document.createElement("input");
        input.type = "text";
        input.inputMode = "decimal";
        input.id = "in-" + key + (bound === "value" ? "" : "@" + bound);
        input.value = formatPlain(bound === "max" ? q.max : q.min);
        input.setAttribute("aria-describedby", meta.id + " " + msg.id);
        input.addEventListener("change", () => onEdit(key));
        const word = document.createElement("span");
        word.id = input.id.replace("in-", "word-");
        word.textContent = bound === "value" ? "waarde" : bound === "min" ? "minimum" : "maximum";
        input.setAttribute("aria-labelledby", title.id + " " + word.id);
        label.append(word, " ", input);
        row.appendChild(label);
        f[bound === "value" ? "min" : bound] = input;
      }
      row.appendChild(msg);
      fields[key] = f;
      host.appendChild(row);
    }
  }

  function onEdit(key) {
    const f = fields[key];
    const q = Q[key];
    const min = parseNumber(f.min.value);
    const max = q.ranged ? parseNumber(f.max.value) : min;
    const why = problemOf(key, min, max);
    f.message.textContent = why ? why + " De wijziging is niet doorgevoerd." : "";
    for (const el of [f.min, f.max]) if (el) el.setAttribute("aria-invalid", why ? "true" : "false");
    if (why) return;
    setEdit(key, min, max);
    update(true);
  }

  function showField(key) {
    const f = fields[key];
    const e = edits[key] || Q[key];
    f.min.value = formatPlain(e.min);
    if (f.max) f.max.value = formatPlain(e.max);
  }

  function renderChanges() {
    const list = document.getElementById("changes");
    list.textContent = "";
    const keys = Object.keys(edits).sort();
    document.getElementById("no-changes").hidden = keys.length > 0;
    list.parentElement.hidden = keys.length === 0;
    for (const key of keys) {
      const q = Q[key];
      const e = edits[key];
      const tr = document.createElement("tr");
      const range = (a, b) => (q.ranged ? formatPlain(a) + " – " + formatPlain(b) : formatPlain(a)) + " " + q.unit;
      for (const text of [q.label + " (" + key + ")", range(q.min, q.max), range(e.min, e.max), q.source_label]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      }
      list.appendChild(tr);
    }
  }

  // ---- the state in the URL: #set=KEY:VALUE;KEY@min:VALUE;KEY@max:VALUE

  function stateHash() {
    const parts = [];
    for (const key of Object.keys(edits).sort()) {
      const e = edits[key];
      if (Q[key].ranged) parts.push(key + "@min:" + e.min, key + "@max:" + e.max);
      else parts.push(key + ":" + e.min);
    }
    const state = [];
    if (parts.length) state.push("set=" + parts.join(";"));
    if (nameField.value !== data.export_scenario) state.push("naam=" + encodeURIComponent(nameField.value));
    return state.length ? "#" + state.join("&") : "";
  }

  // Reads the hash into `edits`; returns the problems found (entries that are not used).
  function readHash() {
    const problems = [];
    edits = {};
    let set = location.hash.replace(/^#/, "").split("&").find((p) => p.startsWith("set="));
    if (!set) return problems;
    try {
      set = decodeURIComponent(set);
    } catch (e) {
      problems.push("de link is niet goed gecodeerd.");
      return problems;
    }
    const proposed = {};
    for (const entry of set.slice(4).split(";")) {
      if (!entry) continue;
      const m = /^([^@:]+)(?:@(min|max))?:(.*)$/.exec(entry);
      if (!m || !Q[m[1]] || !Q[m[1]].input) {
        problems.push("‘" + entry + "’: geen invoerparameter.");
        continue;
      }
      const [, key, bound, text] = m;
      const q = Q[key];
      if (q.ranged !== (bound !== undefined)) {
        problems.push("‘" + entry + "’: " + (q.ranged ? "geef @min of @max." : "deze parameter heeft één waarde."));
        continue;
      }
      const p = proposed[key] || (proposed[key] = { min: q.min, max: q.max });
      const v = parseNumber(text);
      if (bound === "max") p.max = v;
      else if (bound === "min") p.min = v;
      else p.min = p.max = v;
    }
    for (const key of Object.keys(proposed).sort()) {
      const p = proposed[key];
      const why = problemOf(key, p.min, p.max);
      if (why) problems.push(key + ": " + why);
      else setEdit(key, p.min, p.max);
    }
    return problems;
  }

  // ---- the scenario name the export gets, checked as `zorgcap report` checks a scenario name
  // (scenario_name_problem in src/inputs/load_inputs.cpp; letters and digits beyond ASCII as
  // Unicode letters and decimal digits, which is what C.UTF-8 counts as alphanumeric for names).

  const nameField = document.getElementById("scenario-name");
  const RESERVED = [".html", ".htm", ".json", ".txt", ".lock", ".zorgcap-tmp", ".zorgcap-output"];

  function nameProblem(name) {
    if (name === "") return "De naam is leeg.";
    if (/\p{Cs}/u.test(name)) return "De naam bevat een ongeldig teken.";
    const chars = Array.from(name);
    if (chars.length > 100) return "De naam is " + chars.length + " tekens lang; hoogstens 100.";
    const last = name[name.length - 1];
    if (last === " " || last === ".") return "De naam eindigt op ‘" + last + "’.";
    const lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (const ext of RESERVED)
      if (lower.endsWith(ext)) return "De naam eindigt op ‘" + ext + "’; dat is voor bestanden die zorgcap schrijft.";
    for (let k = 0; k < chars.length; ++k) {
      const c = chars[k], code = c.codePointAt(0);
      let ok;
      if (code < 0x80) ok = /[A-Za-z0-9]/.test(c) || (k > 0 && " -_.()".includes(c));
      else if (code >= 0x300 && code <= 0x36f) ok = k > 0;
      else ok = /[\p{L}\p{Nd}]/u.test(c);
      if (!ok) return "‘" + c + "’ mag " + (k === 0 ? "niet aan het begin staan." : "niet in de naam.");
    }
    if (name === "baseline" || name === data.scenario)
      return "‘" + name + "’ is het scenario dat de export uitbreidt; kies een andere naam.";
    return "";
  }

  function scenarioName() {
    return nameProblem(nameField.value) ? null : nameField.value;
  }

  // The label an assumption's source gets in the exported scenario ("Aanname in scenario NAME"):
  // zorgcap's label for the default name, with the name replaced.
  function assumptionLabel() {
    const prefix = data.assumption_label.slice(0, data.assumption_label.length - data.export_scenario.length);
    return prefix + (scenarioName() || data.export_scenario);
  }

  function onName(writeHash) {
    const why = nameProblem(nameField.value);
    document.getElementById("scenario-name-message").textContent = why ? why + " Zo exporteert de pagina niet." : "";
    nameField.setAttribute("aria-invalid", why ? "true" : "false");
    update(writeHash);
  }

  // ---- export as a scenario that `zorgcap report` reads

  function yamlString(s) {
    return '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
  }

  // The scenario YAML, or "" when the name is not valid.
  function exportYaml() {
    const name = scenarioName();
    if (name === null) return "";
    const lines = [
      "# Geëxporteerd uit explore.html van scenario " + data.scenario + ".",
      "scenario: " + yamlString(name),
      "extends: " + yamlString(data.scenario),
      "title: " + yamlString(data.title + " — " + name),
      "description: " + yamlString("Wijzigingen van de invoer, gemaakt in explore.html."),
      "parameters:",
    ];
    const keys = Object.keys(edits).sort();
    if (!keys.length) lines[lines.length - 1] = "parameters: {}";
    for (const key of keys) {
      const q = Q[key];
      const e = edits[key];
      const was = q.ranged ? formatPlain(q.min) + " – " + formatPlain(q.max) : formatPlain(q.min);
      const now = q.ranged ? formatPlain(e.min) + " – " + formatPlain(e.max) : formatPlain(e.min);
      lines.push("  " + key + ":");
      if (q.ranged) lines.push("    min: " + String(e.min), "    max: " + String(e.max));
      else lines.push("    value: " + String(e.min));
      lines.push("    assumption: " + yamlString("Gewijzigd in explore.html: " + was + " (" + q.source_label + ") wordt " + now + "."));
    }
    return lines.join("\n") + "\n";
  }

  function downloadName() {
    const name = scenarioName();
    return name === null ? null : name + ".yaml";
  }

  function download() {
    const file = downloadName();
    if (file === null) {
      onName(false);
      nameField.focus();
      return;
    }
    const blob = new Blob([exportYaml()], { type: "application/yaml" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  }

  // ---- putting it together

  let lastRecompute = null;
  function update(writeHash) {
    const t0 = performance.now();
    lastRecompute = recompute();
    lastRecompute.ms = performance.now() - t0;
    renderChanges();
    if (writeHash) history.replaceState(null, "", location.pathname + location.search + stateHash());
    const yaml = exportYaml();
    document.getElementById("yaml").textContent = yaml || "(Geef eerst een geldige naam.)";
  }

  // For tests and benchmarks (#…&dump): every cell's text, Herkomst line and chart as shown, the
  // export, and the timings, as JSON in the DOM. `&bench=KEY:VALUE` times one more edit after that.
  function tornadosNow() {
    clearTimeout(tornadoTimer);
    tornadoTimer = 0;
    renderTornados();
  }

  function dump(hashProblems, timing) {
    if (tornadoTimer) tornadosNow();
    const shownCells = {};
    for (const el of document.querySelectorAll("table.report td[id], table.report th[id]")) {
      const notes = Array.from(el.querySelectorAll("sup.voetnoot a"), (a) => a.textContent + " " + a.getAttribute("href"));
      const links = Array.from(el.querySelectorAll("a.q"), (a) => a.getAttribute("href"));
      shownCells[el.id] = { text: cellText(el), notes: notes, links: links };
    }
    const herkomst = {};
    for (const li of document.querySelectorAll("ol.provenance > li")) herkomst[li.id] = textOf(li, false);
    const footnotes = Array.from(document.querySelectorAll("p.footnote"), (p) => p.id + " " + p.textContent);
    const charts = {};
    for (const f of document.querySelectorAll("figure.chart")) charts[f.id] = f.querySelector("svg").outerHTML;
    const out = {
      cells: shownCells,
      herkomst: herkomst,
      footnotes: footnotes,
      charts: charts,
      yaml: exportYaml(),
      download: downloadName(),
      name_problem: nameProblem(nameField.value),
      hash: stateHash(),
      problems: hashProblems.concat([...problemKeys]),
      timing: timing,
    };
    const names = /(?:^#|&)namen=([^&]*)/.exec(location.hash);
    if (names) out.name_checks = JSON.parse(decodeURIComponent(names[1])).map((n) => [n, nameProblem(n)]);
    const bench = /(?:^#|&)bench=([^&]*)/.exec(location.hash);
    if (bench) {
      const g0 = performance.now();
      graph();
      cells();
      timing.graph_ms = performance.now() - g0;
      const [key, value] = decodeURIComponent(bench[1]).split(":");
      const q = Q[key], v = parseNumber(value);
      const runs = [], tornadoRuns = [];
      for (let k = 0; k < 7; ++k) {
        const was = edits[key];
        const x = v * (1 + k / 1000);
        setEdit(key, q.ranged ? q.min : x, x);
        const t0 = performance.now();
        update(false);
        const t1 = performance.now();
        tornadosNow();
        tornadoRuns.push(performance.now() - t1);
        runs.push(t1 - t0);
        if (was) edits[key] = was;
        else delete edits[key];
        update(false);
        tornadosNow();
      }
      out.bench = { runs: runs, tornado_runs: tornadoRuns, last: lastRecompute };
    }
    const pre = document.createElement("pre");
    pre.id = "explore-dump";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }

  window.zorgcapExplore = { formatNl: formatNl, roundHalfUp: roundHalfUp, exportYaml: exportYaml };

  function readName() {
    const m = /(?:^#|&)naam=([^&]*)/.exec(location.hash);
    if (!m) return;
    try {
      nameField.value = decodeURIComponent(m[1]);
    } catch (e) {
      nameField.value = m[1];
    }
  }

  const scriptStart = performance.now();
  buildInputs();
  readName();
  const hashProblems = readHash();
  for (const key of inputKeys) showField(key);
  if (Object.keys(edits).length || nameProblem(nameField.value)) onName(false);
  else {
    renderChanges();
    document.getElementById("yaml").textContent = exportYaml();
  }
  // First render: from the first byte of the page (Navigation Timing) to the end of this script,
  // which the parser runs after the tables, figures and Herkomst above it are in the document.
  const scriptEnd = performance.now();
  const nav = performance.getEntriesByType("navigation")[0];
  const timing = {
    script_ms: scriptEnd - scriptStart,
    first_render_ms: nav ? scriptEnd - nav.responseStart : null,
    navigation: nav ? { fetchStart: nav.fetchStart, responseStart: nav.responseStart, responseEnd: nav.responseEnd } : null,
  };
  // The graph for recomputing is built when the page is idle, so the first edit does not wait for it.
  setTimeout(() => {
    graph();
    cells();
  }, 0);
  document.getElementById("hash-problems").textContent = hashProblems.length
    ? "Niet gebruikt uit de link: " + hashProblems.join(" ")
    : "";
  document.getElementById("export").addEventListener("click", download);
  nameField.addEventListener("input", () => onName(true));
  document.getElementById("reset").addEventListener("click", () => {
    edits = {};
    for (const key of inputKeys) {
      showField(key);
      fields[key].message.textContent = "";
      for (const el of [fields[key].min, fields[key].max]) if (el) el.setAttribute("aria-invalid", "false");
    }
    update(true);
  });
  window.addEventListener("hashchange", () => {
    readName();
    const problems = readHash();
    for (const key of inputKeys) showField(key);
    onName(false);
    document.getElementById("hash-problems").textContent = problems.length ? "Niet gebruikt uit de link: " + problems.join(" ") : "";
  });
  if (/(^#|&)dump\b/.test(location.hash)) dump(hashProblems, timing);
})();
