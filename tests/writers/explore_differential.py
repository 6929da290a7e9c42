#!/usr/bin/env python3
"""explore.html against zorgcap report (issue 14): for random perturbations of the inputs (fixed
seed), the page opened in headless Chromium with #set=… must show every table cell exactly as
`zorgcap report` prints it for the same scenario; and the scenario the page exports, run through
`zorgcap report`, must give the page's tables again. A missing chromium is a failure."""
import html, json, random, re, shutil, subprocess, sys, tempfile
from pathlib import Path

ZORGCAP, SRC = sys.argv[1], Path(sys.argv[2])
PERTURBATIONS, ROUND_TRIPS = 22, 3
CHROMIUM = shutil.which("chromium")
if not CHROMIUM:
    sys.exit("FAIL: chromium not found (Debian package chromium; make deps installs it)")

tmp = Path(tempfile.mkdtemp(prefix="explore-test-"))
inputs = tmp / "inputs"
shutil.copytree(SRC / "inputs", inputs)


def report(scenario, out):
    subprocess.run([ZORGCAP, "report", "--inputs", str(inputs), "--templates", str(SRC / "templates"),
                    "--out", str(out), "--scenario", scenario, "--format", "json,explore", "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    return out / scenario


def table_cells(path):
    cells = {}
    def walk(j):
        if isinstance(j, dict):
            if isinstance(j.get("id"), str) and re.match(r"^t\d+/", j["id"]) and "text" in j:
                cells[j["id"]] = j["text"]
            for v in j.values():
                walk(v)
        elif isinstance(j, list):
            for v in j:
                walk(v)
    walk(json.loads(path.read_text()))
    return cells


def page(url_hash):
    profile = tempfile.mkdtemp(dir=tmp)
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--no-first-run", "--user-data-dir=" + profile, "--dump-dom",
                          base_page.as_uri() + "#" + url_hash],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'<pre id="explore-dump">(.*?)</pre>', dom, re.S)
    if not m:
        sys.exit("FAIL: the page wrote no #explore-dump (a script error?)")
    return json.loads(html.unescape(m.group(1)))


def compare(what, expected, got):
    if len(expected) < 500:
        sys.exit(f"FAIL: {what}: only {len(expected)} cells in tables.json")
    bad = [(k, expected[k], got.get(k)) for k in sorted(expected) if got.get(k) != expected[k]]
    extra = sorted(set(got) - set(expected))
    if bad or extra:
        for k, e, g in bad[:10]:
            print(f"  {k}: report {e!r}, page {g!r}")
        sys.exit(f"FAIL: {what}: {len(bad)} cells differ, {len(extra)} cells only on the page")
    return len(expected)


base_dir = report("baseline", tmp / "base")
base_page = base_dir / "explore.html"
data = json.loads(html.unescape(re.search(r'<script type="application/json" id="explore-data">(.*?)</script>',
                                          base_page.read_text(), re.S).group(1).replace("<\\/", "</")))
quantities = data["quantities"]
input_keys = sorted(k for k, q in quantities.items() if q.get("input"))

# The page unchanged shows the report's own tables.
baseline_cells = table_cells(base_dir / "tables.json")
n = compare("baseline", baseline_cells, page("dump")["cells"])
print(f"baseline: {n} cells identical")


def perturbed(v, d, rng):
    x = v * rng.uniform(0.5, 1.5) if v != 0 else rng.uniform(0, 2)
    if d["bounded_above"]:
        x = min(x, d["upper"] * (0.99 if d["upper_open"] else 1))
    x = float(f"{x:.6g}")
    return x if (x > d["lower"] if d["lower_open"] else x >= d["lower"]) else v


def scenario_yaml(changes):
    lines = ["scenario: verkenning", "extends: baseline", 'title: "differentiële test"',
             'description: "Willekeurige wijzigingen van de invoer."', "parameters:"]
    for key, (lo, hi) in sorted(changes.items()):
        lines.append(f"  {key}:")
        lines += [f"    min: {lo!r}", f"    max: {hi!r}"] if quantities[key]["ranged"] else [f"    value: {lo!r}"]
        lines.append('    assumption: "differentiële test"')
    return "\n".join(lines) + "\n"


rng = random.Random(14)
for i in range(PERTURBATIONS):
    changes = {}
    for key in rng.sample(input_keys, rng.randint(1, 4)):
        q = quantities[key]
        if q["ranged"]:
            lo, hi = sorted((perturbed(q["min"], q["domain"], rng), perturbed(q["max"], q["domain"], rng)))
            if lo == hi:
                continue
            changes[key] = (lo, hi)
        else:
            changes[key] = (perturbed(q["min"], q["domain"], rng),) * 2
    url = "set=" + ";".join(f"{k}@min:{lo!r};{k}@max:{hi!r}" if quantities[k]["ranged"] else f"{k}:{lo!r}"
                            for k, (lo, hi) in sorted(changes.items())) + "&dump"
    (inputs / "scenarios" / "verkenning.yaml").write_text(scenario_yaml(changes))
    expected = table_cells(report("verkenning", tmp / f"out{i}") / "tables.json")
    shown = page(url)
    if shown["problems"]:
        sys.exit(f"FAIL: perturbation {i}: the page refused {shown['problems']}")
    changed = sum(1 for k in expected if expected[k] != baseline_cells.get(k))
    n = compare(f"perturbation {i} ({url})", expected, shown["cells"])
    print(f"perturbation {i}: {len(changes)} inputs changed, {changed} cells differ from the baseline, all {n} identical")
    if i < ROUND_TRIPS:
        (inputs / "scenarios" / "verkenning.yaml").write_text(shown["yaml"])
        again = table_cells(report("verkenning", tmp / f"rt{i}") / "tables.json")
        compare(f"round trip {i}", again, shown["cells"])
        print(f"round trip {i}: the exported scenario gives the page's tables")

# Out of the domain: refused with a message, the tables stay as they were.
share = next(k for k in input_keys
             if quantities[k]["domain"]["bounded_above"] and quantities[k]["domain"]["upper"] == 1 and not quantities[k]["ranged"])
shown = page(f"set={share}:1.5&dump")
if not shown["problems"]:
    sys.exit(f"FAIL: {share} = 1.5 was not refused")
compare("refused edit", baseline_cells, shown["cells"])
print(f"{share} = 1.5 refused: {shown['problems'][0]}")

# Above a realistic ceiling (zorgcap refuses 200 hours a week when it loads the inputs): refused too.
shown = page("set=uren_per_week:200&dump")
if not shown["problems"]:
    sys.exit("FAIL: uren_per_week = 200 was not refused")
compare("refused edit", baseline_cells, shown["cells"])
print(f"uren_per_week = 200 refused: {shown['problems'][0]}")
shutil.rmtree(tmp)
print("PASS")
