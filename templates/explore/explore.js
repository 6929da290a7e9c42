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
  // floating point counts as the half it stands for (tolerance 1e-9 relative), as in rounding.cpp.
  function roundHalfUp(x, decimals) {
    const scale = Math.pow(10, decimals);
    const y = Math.abs(x) * scale;
    const r = Math.floor(y + 0.5 + 1e-9 * Math.max(1, y));
    const v = r / scale;
    return x < 0 || Object.is(x, -0) ? -v : v;
  }

  // nl-NL: '.' between thousands, ',' before the decimals.
  function formatNl(x, decimals) {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? "n.b." : x > 0 ? "∞" : "-∞";
    const r = roundHalfUp(x, decimals);
    const units = Math.round(Math.abs(r) * Math.pow(10, decimals));
    const div = Math.pow(10, decimals);
    const whole = Math.floor(units / div);
    const frac = units % div;
    const digits = String(whole);
    let grouped = "";
    for (let i = 0; i < digits.length; ++i) {
      if (i > 0 && (digits.length - i) % 3 === 0) grouped += ".";
      grouped += digits[i];
    }
    let out = units !== 0 && r < 0 ? "-" + grouped : grouped;
    if (decimals > 0) out += "," + String(frac).padStart(decimals, "0");
    return out;
  }

  // ---- the model: every derived quantity's tree (the node types of values.json, docs/MODEL.md)

  const OPS = {
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    div: (a, b) => a / b,
    min: (a, b) => (b < a ? b : a), // std::min
    max: (a, b) => (a < b ? b : a), // std::max
  };

  // state: the edited inputs, key -> {min, max}
  let edits = {};

  function inputValue(key, bound) {
    const e = edits[key];
    const q = Q[key];
    return bound === "max" ? (e ? e.max : q.max) : e ? e.min : q.min;
  }

  function evaluate(bound) {
    const memo = Object.create(null);
    function node(n) {
      if ("ref" in n) return value(n.ref);
      if ("const" in n) return n.const;
      if (n.op === "neg") return -node(n.args[0]);
      if (n.op === "round") return roundHalfUp(node(n.args[0]), n.decimals);
      const a = node(n.args[0]);
      const b = node(n.args[1]);
      return OPS[n.op](a, b);
    }
    function value(key) {
      if (key in memo) return memo[key];
      const q = Q[key];
      const v = q.input ? inputValue(key, bound) : node(q.expr);
      memo[key] = v;
      return v;
    }
    return value;
  }

  function recompute() {
    const lo = evaluate("min");
    const hi = evaluate("max");
    return { min: lo, max: hi };
  }

  // ---- tables

  // The text of one run: literal text, a number (key, bound, factor, decimals) or a source label.
  function runText(run, values, problems) {
    if (typeof run === "string") return run;
    if ("src" in run) return edits[run.src] ? data.assumption_label : run.text;
    const lo = values.min(run.key);
    const hi = values.max(run.key);
    if (run.bound === "" && lo !== hi) problems.push(run.key);
    const v = run.bound === "max" ? hi : lo;
    return formatNl(v * run.factor, run.decimals);
  }

  function cellText(cell, values, problems) {
    let s = "";
    for (const r of cell.runs) s += runText(r, values, problems);
    return s;
  }

  function setCellContent(td, text) {
    td.textContent = "";
    text.split("\n").forEach((line, i) => {
      if (i > 0) td.appendChild(document.createElement("br"));
      td.appendChild(document.createTextNode(line));
    });
  }

  const cellNodes = []; // [element, cell]

  function buildTables() {
    const host = document.getElementById("tables");
    for (const t of data.tables) {
      const section = document.createElement("section");
      section.id = t.id;
      const table = document.createElement("table");
      const caption = document.createElement("caption");
      caption.textContent = t.caption;
      table.appendChild(caption);
      for (const [part, rows] of [["thead", t.header], ["tbody", t.body]]) {
        const el = document.createElement(part);
        for (const row of rows) {
          const tr = document.createElement("tr");
          for (const c of row) {
            const header = c.header || c.row_header;
            const td = document.createElement(header ? "th" : "td");
            if (header) td.scope = c.header ? "col" : "row";
            if (c.colspan > 1) td.colSpan = c.colspan;
            if (c.rowspan > 1) td.rowSpan = c.rowspan;
            td.dataset.cell = c.id;
            if (c.runs.some((r) => typeof r !== "string" && "key" in r)) td.className = "num";
            tr.appendChild(td);
            cellNodes.push([td, c]);
          }
          el.appendChild(tr);
        }
        table.appendChild(el);
      }
      section.appendChild(table);
      for (const note of t.notes) {
        const p = document.createElement("p");
        p.className = "note";
        p.textContent = note;
        section.appendChild(p);
      }
      host.appendChild(section);
    }
  }

  let lastProblems = [];
  function renderTables() {
    const values = recompute();
    const problems = [];
    for (const [td, c] of cellNodes) {
      const text = cellText(c, values, problems);
      if (td.dataset.text !== text) {
        td.dataset.text = text;
        setCellContent(td, text);
        td.classList.toggle("changed", text !== c.text);
      }
    }
    lastProblems = [...new Set(problems)];
    const box = document.getElementById("model-problems");
    box.textContent = lastProblems.length
      ? "Let op: deze grootheden hebben nu een minimum en een maximum, maar de tabel toont één waarde (het minimum): " +
        lastProblems.join(", ")
      : "";
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
        input.setAttribute("aria-describedby", title.id + " " + msg.id);
        input.addEventListener("change", () => onEdit(key));
        label.append(bound === "value" ? "waarde " : bound === "min" ? "minimum " : "maximum ", input);
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
    return parts.length ? "#set=" + parts.join(";") : "";
  }

  // Reads the hash into `edits`; returns the problems found (entries that are not used).
  function readHash() {
    const problems = [];
    edits = {};
    const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    const set = hash.split("&").find((p) => p.startsWith("set="));
    if (!set) return problems;
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

  // ---- export as a scenario that `zorgcap report` reads

  function yamlString(s) {
    return '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
  }

  function exportYaml() {
    const name = data.export_scenario;
    const lines = [
      "# Geëxporteerd uit explore.html van scenario " + data.scenario + ".",
      "scenario: " + name,
      "extends: " + data.scenario,
      "title: " + yamlString(data.title + " — verkenning"),
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

  function download() {
    const blob = new Blob([exportYaml()], { type: "application/yaml" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = data.export_scenario + ".yaml";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  }

  // ---- putting it together

  function update(writeHash) {
    const t0 = performance.now();
    renderTables();
    const t1 = performance.now();
    renderChanges();
    if (writeHash) history.replaceState(null, "", location.pathname + location.search + stateHash());
    document.getElementById("yaml").textContent = exportYaml();
    window.zorgcapExplore.lastRecomputeMs = t1 - t0;
  }

  // For tests and benchmarks: every cell's text, the export, and the timings, as JSON in the DOM
  // when the hash asks for it (#…&dump).
  function dump(hashProblems, firstRenderMs) {
    const cells = {};
    for (const [td, c] of cellNodes) cells[c.id] = td.dataset.text;
    const t0 = performance.now();
    renderTables();
    const recomputeMs = performance.now() - t0;
    const pre = document.createElement("pre");
    pre.id = "explore-dump";
    pre.textContent = JSON.stringify({
      cells: cells,
      yaml: exportYaml(),
      hash: stateHash(),
      problems: hashProblems.concat(lastProblems),
      first_render_ms: firstRenderMs,
      recompute_ms: recomputeMs,
    });
    document.body.appendChild(pre);
  }

  window.zorgcapExplore = { formatNl: formatNl, roundHalfUp: roundHalfUp, exportYaml: exportYaml };

  const start = performance.now();
  buildInputs();
  buildTables();
  const hashProblems = readHash();
  for (const key of inputKeys) showField(key);
  update(false);
  const firstRenderMs = performance.now() - start;
  document.getElementById("hash-problems").textContent = hashProblems.length
    ? "Niet gebruikt uit de link: " + hashProblems.join(" ")
    : "";
  document.getElementById("export").addEventListener("click", download);
  document.getElementById("reset").addEventListener("click", () => {
    edits = {};
    for (const key of inputKeys) {
      showField(key);
      fields[key].message.textContent = "";
    }
    update(true);
  });
  window.addEventListener("hashchange", () => {
    const problems = readHash();
    for (const key of inputKeys) showField(key);
    update(false);
    document.getElementById("hash-problems").textContent = problems.length ? "Niet gebruikt uit de link: " + problems.join(" ") : "";
  });
  if (/(^#|&)dump\b/.test(location.hash)) dump(hashProblems, firstRenderMs);
})();
