/**
 * npx tsx bench/ready-trace.ts [--build DIR] [--port N] [--runs 3] [--out DIR]
 *                              [--pages floor,home,explore] [--no-samples]
 *
 * Where the CPU goes between navigation and `cooperare:engine-ready`: cold loads of the
 * floor page, `/` and `/explore?ds=crim_off_cat`, taken in turns, each under a Chrome trace.
 * For every load it prints, per thread of the browser's processes (the page's main thread,
 * DuckDB's worker, V8's background threads where the wasm compiles, the compositor, the
 * network service…), the CPU time of the thread's top-level tasks inside that window, how long
 * the page's JavaScript threads were not idle in V8's samples, and when DuckDB's worker
 * fetched and instantiated its wasm. The build must already hold the bench
 * pages (`npm run bench` puts them there; BENCH_BUILD_DIR as for the bench). Figures only.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../tests/e2e/browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const BUILD_DIR = option('build') ?? process.env.BENCH_BUILD_DIR ?? '/tmp/cooperare-bench-build';
const PORT = Number(option('port') ?? 4262);
const RUNS = Number(option('runs') ?? 3);
const OUT = option('out');
const PAGES = (option('pages') ?? 'floor,home,explore').split(',');

// Few categories on purpose: with V8's compile events or the net log, Chrome's trace buffer
// fills during the wasm download and drops the page's own events.
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8.wasm',
  // V8's sampling profiler: what a worker runs between its task events (see sampledBusy).
  ...(argv.includes('--no-samples') ? [] : ['disabled-by-default-v8.cpu_profiler'])
];

interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  ph: string;
  name: string;
  cat: string;
  args?: Record<string, unknown>;
}

/** Thread names as the trace's metadata gives them, keyed `pid:tid`. */
function threadNames(events: TraceEvent[]): Map<string, string> {
  const processes = new Map<number, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'process_name')
      processes.set(e.pid, String((e.args as { name: string }).name));
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(
        `${e.pid}:${e.tid}`,
        `${processes.get(e.pid) ?? e.pid}/${String((e.args as { name: string }).name)}`
      );
  return names;
}

/** A user-timing mark's trace time (µs), the first with that name. */
function markTs(events: TraceEvent[], name: string): number | undefined {
  return events
    .filter((e) => e.name === name && e.cat.includes('blink.user_timing'))
    .sort((a, b) => a.ts - b.ts)[0]?.ts;
}

/**
 * CPU (thread time where the trace has it, else wall time) of each thread's outermost
 * complete events inside [from, to], in ms. Only outermost: nested events would count twice.
 */
function cpuByThread(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (e.ts + e.dur < from || e.ts > to) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const cpu = new Map<string, number>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    let sum = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      end = e.ts + e.dur!;
      const inside = Math.min(end, to) - Math.max(e.ts, from);
      const share = e.dur! > 0 ? inside / e.dur! : 1;
      sum += (e.tdur ?? e.dur!) * share;
    }
    cpu.set(key, sum / 1000);
  }
  return cpu;
}

/** Sum of the named events' wall time per thread inside the window, in ms. */
function eventTime(events: TraceEvent[], match: RegExp, from: number, to: number) {
  const sums = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !match.test(e.name) || e.ts > to || e.ts + (e.dur ?? 0) < from) continue;
    const key = `${e.pid}:${e.tid}|${e.name}`;
    const s = sums.get(key) ?? { ms: 0, count: 0 };
    s.ms += (e.tdur ?? e.dur ?? 0) / 1000;
    s.count += 1;
    sums.set(key, s);
  }
  return sums;
}

/**
 * Groups a thread into the kinds compared between pages. `key` is `pid:tid`; the page's own
 * renderer is `pagePid`: Chrome's own pages (its WebUI) run in renderers of their own.
 */
function kind(name: string, key: string, pagePid: number): string {
  if (/Renderer\//.test(name) && !key.startsWith(`${pagePid}:`))
    return "other renderers (Chrome's)";
  if (/Renderer\/CrRendererMain/.test(name)) return 'renderer: main thread';
  if (/Renderer\/DedicatedWorker/.test(name)) return 'renderer: dedicated workers';
  if (/Renderer\/(ThreadPool|V8 ?Default|.*Worker)/i.test(name))
    return 'renderer: thread pool (V8 compile, GC)';
  if (/Renderer\/Compositor/.test(name)) return 'renderer: compositor';
  if (/Renderer\/Chrome_ChildIOThread/.test(name)) return 'renderer: IO';
  if (/Renderer\//.test(name)) return 'renderer: other';
  if (/Network|network/.test(name)) return 'network service';
  if (/Browser\//.test(name)) return 'browser process';
  if (/GPU|Gpu|Viz/.test(name)) return 'gpu/viz';
  return 'other';
}

/**
 * Time each JavaScript thread of the renderer `pid` was not idle inside [from, to], in ms, from
 * V8's sampling profiler: wall time, so a thread in the middle of its work but waiting for a
 * core counts. The task events miss what a worker runs between them: DuckDB's
 * worker looked idle in them for the last 500 ms before it was ready, while its samples were not.
 */
function sampledBusy(events: TraceEvent[], pid: number, from: number, to: number) {
  interface Profile {
    tid: number;
    time: number;
    idle: Set<number>;
    samples: number[];
    deltas: number[];
  }
  const profiles = new Map<unknown, Profile>();
  for (const e of events)
    if (e.name === 'Profile' && e.pid === pid)
      profiles.set((e as unknown as { id: unknown }).id, {
        tid: e.tid,
        time: (e.args as { data: { startTime: number } }).data.startTime,
        idle: new Set(),
        samples: [],
        deltas: []
      });
  for (const e of events) {
    const profile = profiles.get((e as unknown as { id: unknown }).id);
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !profile) continue;
    const data = (e.args as { data: ChunkData }).data;
    for (const node of data.cpuProfile?.nodes ?? [])
      if (node.callFrame.functionName === '(idle)') profile.idle.add(node.id);
    profile.samples.push(...(data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(data.timeDeltas ?? []));
  }
  const busy = new Map<number, number>();
  for (const profile of profiles.values()) {
    let time = profile.time;
    let sum = 0;
    profile.samples.forEach((sample, i) => {
      const delta = profile.deltas[i] ?? 0;
      time += delta;
      if (i > 0 && time > from && time <= to && !profile.idle.has(sample)) sum += delta;
    });
    busy.set(profile.tid, (busy.get(profile.tid) ?? 0) + sum / 1000);
  }
  return busy;
}

interface ChunkData {
  cpuProfile?: {
    nodes?: { id: number; callFrame: { functionName: string } }[];
    samples?: number[];
  };
  timeDeltas?: number[];
}

interface LoadTrace {
  page: string;
  engineReadyMs: number;
  chartDrawnMs: number;
  byKind: Record<string, number>;
  byThread: Record<string, number>;
  /** Ms the page's main thread and its workers were not idle, from the sampling profiler. */
  sampled: Record<string, number>;
  wasm: Record<string, { ms: number; count: number }>;
  requests: { url: string; start: number; end: number }[];
  /** DuckDB's wasm as the trace saw it: request sent, response, last byte, instantiated (ms). */
  wasmTimeline: Record<string, number>;
}

/** When DuckDB's wasm was asked for, answered, finished and instantiated, in ms from `nav`. */
function wasmTimeline(events: TraceEvent[], nav: number): Record<string, number> {
  const at: Record<string, number> = {};
  let id: unknown;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const data = (e.args?.data ?? {}) as { url?: string; requestId?: unknown };
    const ms = Math.round((e.ts - nav) / 1000);
    if (e.name === 'ResourceSendRequest' && /duckdb-eh.*\.wasm/.test(data.url ?? '')) {
      id = data.requestId;
      at['wasm requested'] = ms;
    } else if (id !== undefined && data.requestId === id) {
      if (e.name === 'ResourceReceiveResponse') at['wasm response'] = ms;
      if (e.name === 'ResourceFinish') at['wasm last byte'] = ms;
    } else if (e.name === 'wasm.AsyncInstantiate' && e.dur !== undefined) {
      at['instantiate start'] = ms;
      at['instantiate end'] = Math.round((e.ts + e.dur - nav) / 1000);
    }
  }
  return at;
}

async function tracedLoad(browser: Browser, page: string, url: string): Promise<LoadTrace> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await browser.startTracing(tab, { categories: CATEGORIES });
    await tab.goto(url);
    await tab.waitForFunction(
      (names) => names.some((name) => performance.getEntriesByName(name).length > 0),
      ['cooperare:chart-drawn', 'cooperare:failed'],
      { timeout: 120_000 }
    );
    const marks = await tab.evaluate(() => {
      // No named helper here: tsx would wrap it in a `__name` call the page does not have.
      const [engineReady, chartDrawn] = ['cooperare:engine-ready', 'cooperare:chart-drawn'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN
      );
      const requests = performance.getEntriesByType('resource').map((r) => ({
        url: new URL(r.name).pathname.split('/').pop() ?? '',
        start: Math.round(r.startTime),
        end: Math.round((r as PerformanceResourceTiming).responseEnd)
      }));
      return { engineReady, chartDrawn, requests };
    });
    const trace = await browser.stopTracing();
    if (OUT) await writeFile(path.join(OUT, `${page}-${Date.now()}.json`), trace);
    const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const names = threadNames(events);
    const ready = markTs(events, 'cooperare:engine-ready');
    const readyPid = events.find(
      (e) => e.name === 'cooperare:engine-ready' && e.cat.includes('blink.user_timing')
    )?.pid;
    // The page's own navigation: Chrome's own pages (its WebUI renderer) navigate too.
    const nav = events
      .filter(
        (e) =>
          e.name === 'navigationStart' &&
          e.cat.includes('blink.user_timing') &&
          e.pid === readyPid &&
          ready !== undefined &&
          e.ts < ready
      )
      .sort((a, b) => b.ts - a.ts)[0]?.ts;
    if (nav === undefined || ready === undefined)
      throw new Error(`${page}: the trace has no navigationStart or engine-ready mark.`);
    const cpu = cpuByThread(events, nav, ready);
    const byKind: Record<string, number> = {};
    const byThread: Record<string, number> = {};
    for (const [key, ms] of cpu) {
      const name = names.get(key) ?? key;
      const k = kind(name, key, readyPid!);
      byKind[k] = (byKind[k] ?? 0) + ms;
      byThread[`${name.slice(-60)} (${key.split(':')[1]})`] = ms;
    }
    const sampled: Record<string, number> = {};
    for (const [tid, ms] of sampledBusy(events, readyPid!, nav, ready)) {
      const k = kind(names.get(`${readyPid}:${tid}`) ?? '', `${readyPid}:${tid}`, readyPid!);
      sampled[k] = (sampled[k] ?? 0) + ms;
    }
    const wasm: Record<string, { ms: number; count: number }> = {};
    for (const [key, s] of eventTime(events, /wasm|Wasm|WebAssembly/, nav, ready)) {
      const [thread, name] = key.split('|');
      const label = `${kind(names.get(thread) ?? thread, thread, readyPid!)} · ${name}`;
      const t = (wasm[label] ??= { ms: 0, count: 0 });
      t.ms += s.ms;
      t.count += s.count;
    }
    return {
      page,
      engineReadyMs: marks.engineReady,
      chartDrawnMs: marks.chartDrawn,
      byKind,
      byThread,
      sampled,
      wasm,
      requests: marks.requests,
      wasmTimeline: wasmTimeline(events, nav)
    };
  } finally {
    await context.close();
  }
}

async function builtAsset(stem: string, ext: string): Promise<string> {
  const dir = path.join(BUILD_DIR, '_app', 'immutable', 'assets');
  const found = (await readdir(dir)).find((f) => f.startsWith(`${stem}.`) && f.endsWith(ext));
  if (!found) throw new Error(`The build has no ${stem}…${ext} in ${dir}.`);
  return `/_app/immutable/assets/${found}`;
}

const fmt = (n: number) => n.toFixed(0).padStart(6);

function summary(traces: LoadTrace[]): string[] {
  const pages = [...new Set(traces.map((t) => t.page))];
  const kinds = [...new Set(traces.flatMap((t) => Object.keys(t.byKind)))].sort();
  const med = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
  };
  /** Median of the page's loads, with the lowest and highest. */
  const cell = (values: number[]) =>
    `${med(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`.padStart(
      18
    );
  const row = (label: string, of: (t: LoadTrace) => number) =>
    `${label.padEnd(42)}${pages.map((p) => cell(traces.filter((t) => t.page === p).map(of))).join('')}`;
  const lines = [
    'CPU ms from navigation to engine-ready, median (lowest–highest) of the loads (per page: ' +
      pages.map((p) => `${p} ${traces.filter((t) => t.page === p).length}`).join(', ') +
      ')',
    `${'thread'.padEnd(42)}${pages.map((p) => p.padStart(18)).join('')}`
  ];
  for (const k of kinds) lines.push(row(k, (t) => t.byKind[k] ?? 0));
  lines.push(row('all', (t) => Object.values(t.byKind).reduce((a, b) => a + b, 0)));
  for (const k of [...new Set(traces.flatMap((t) => Object.keys(t.sampled)))].sort())
    lines.push(row(`${k}, not idle in V8's samples`, (t) => t.sampled[k] ?? 0));
  lines.push(row('engine-ready (wall ms)', (t) => t.engineReadyMs));
  lines.push(row('chart-drawn (wall ms)', (t) => t.chartDrawnMs));
  for (const name of ['wasm requested', 'wasm last byte', 'instantiate start', 'instantiate end'])
    lines.push(row(`${name} (wall ms)`, (t) => t.wasmTimeline[name] ?? NaN));
  return lines;
}

function detail(t: LoadTrace): string[] {
  const lines = [
    `— ${t.page}: engine-ready ${fmt(t.engineReadyMs)} ms, chart-drawn ${fmt(t.chartDrawnMs)} ms`
  ];
  const threads = Object.entries(t.byThread)
    .filter(([, ms]) => ms >= 5)
    .sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of threads) lines.push(`   ${fmt(ms)} ms  ${name}`);
  const wasm = Object.entries(t.wasm).sort((a, b) => b[1].ms - a[1].ms);
  for (const [name, s] of wasm.slice(0, 12))
    lines.push(`   wasm ${fmt(s.ms)} ms ×${s.count}  ${name}`);
  lines.push(
    `   ${Object.entries(t.wasmTimeline)
      .map(([name, ms]) => `${name} ${ms}`)
      .join(' · ')}`
  );
  const requests = t.requests.filter((r) => r.start <= t.engineReadyMs);
  lines.push(`   requests before engine-ready: ${requests.length}`);
  for (const r of requests.filter((r) => /duckdb|\.arrow|\.json/.test(r.url)))
    lines.push(`     ${fmt(r.start)} → ${fmt(r.end)}  ${r.url}`);
  return lines;
}

async function main(): Promise<void> {
  if (OUT) await mkdir(OUT, { recursive: true });
  const server = spawn('node', ['scripts/serve.js', BUILD_DIR, '--port', String(PORT)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
  });
  const origin = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const [wasm, worker, data] = await Promise.all([
      builtAsset('duckdb-eh', '.wasm'),
      builtAsset('duckdb-browser-eh.worker', '.js'),
      builtAsset('crim_off_cat', '.arrow')
    ]);
    const urls: Record<string, string> = {
      floor: `${origin}/bench/floor.html?${new URLSearchParams({ wasm, worker, data })}`,
      home: `${origin}/`,
      explore: `${origin}/explore?ds=crim_off_cat`
    };
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const traces: LoadTrace[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const page of PAGES) {
        const t = await tracedLoad(browser, page, urls[page]);
        traces.push(t);
        console.log(detail(t).join('\n'));
      }
    console.log(
      `\n${BUILD_DIR} · load ${load} at the start, ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end`
    );
    console.log(summary(traces).join('\n'));
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
