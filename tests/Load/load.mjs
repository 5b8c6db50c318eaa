// Measures the back office of one portal node: (a) prerendered back-office pages under concurrent
// officers (autocannon), (b) server memory per open idle circuit, (c) server CPU per grid change over
// a circuit (Debian's Chromium through playwright-core). Run by hand, see README.md; nothing here is
// asserted, it prints numbers for docs/PERFORMANCE.md.
//
// Without --url it starts the Release build itself (SQLite, demo data, a temporary data folder) on a
// free loopback port and stops it at the end. With --url it measures a running portal; give its
// --pid for the memory and CPU parts (they read /proc/<pid> and use the .NET diagnostic tools).
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..');
const run = promisify(execFile);

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    pid: { type: 'string' },
    password: { type: 'string', default: process.env.PORTAL_DEMO_PASSWORD ?? 'Laadpaal-Demo-2026' },
    only: { type: 'string', default: 'pages,memory,cpu' },
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    circuits: { type: 'string', default: '40' },
    changes: { type: 'string', default: '200' },
    idle: { type: 'string', default: '10' },
    chromium: { type: 'string', default: process.env.PORTAL_CHROMIUM || '/usr/bin/chromium' },
  },
});
const parts = new Set(options.only.split(','));
const number = name => {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};

const Officer = 'ambtenaar@demo.example';
const Admin = 'beheerder@demo.example';
/** The prerendered back-office pages, each signed in as a role that may see it. */
const Pages = [
  { path: '/beheer', as: Officer },
  { path: '/beheer/aanvragen', as: Officer },
  { path: '/beheer/plekken', as: Officer },
  { path: '/beheer/laadpunten', as: Officer },
  { path: '/admin/gebruikers', as: Admin },
  { path: '/admin/gemeenten', as: Admin },
];
/** Reference points in the same run: a static file and a static front-office page (no circuit, no sign-in). */
const Baselines = [
  { path: '/css/backoffice.css', as: null },
  { path: '/over', as: null },
];
/** The interactive grid for the circuit parts: the queue with every status (30 demo applications, 25 on a page). */
const GridPage = '/beheer/aanvragen?status=alle';
/** Idle circuits: the heaviest grid page, and the lightest (one municipality), whose difference is the rows' share. */
const CircuitPages = [
  { path: GridPage, as: Officer, rows: '25 rows' },
  { path: '/admin/gemeenten', as: Admin, rows: '1 row' },
];

// ---------------------------------------------------------------------------------------------------
// The portal: started here, or the one at --url.

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(base, portal) {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (portal?.exitCode != null) throw new Error(`the portal stopped with exit code ${portal.exitCode}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/health did not answer within three minutes`);
}

async function startPortal() {
  const dll = join(repository, 'src', 'Portal', 'bin', 'Release', 'net10.0', 'Portal.dll');
  try {
    await access(dll);
  } catch {
    throw new Error(`No Release build at ${dll}: run 'dotnet build Portal.sln -c Release' first.`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const data = await mkdtemp(join(tmpdir(), 'portal-load-'));
  // Production, as a municipality runs it (no developer pages, warning-level framework logs), with the demo data.
  const portal = spawn('dotnet', [dll], {
    cwd: join(repository, 'src', 'Portal'),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      urls: base,
      App__PublicUrl: base,
      AllowedHosts: '127.0.0.1',
      App__DataDirectory: data,
      Demo__Enabled: 'true',
      Demo__Password: options.password,
      Theme__MunicipalityName: 'Gemeente Arnhem',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(base, portal);
  return {
    base,
    pid: portal.pid,
    async stop() {
      if (portal.exitCode == null) {
        const exited = new Promise(resolve => portal.once('exit', resolve));
        portal.kill('SIGTERM');
        await exited;
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading the server process: CPU time from /proc/<pid>/stat, resident memory from /proc/<pid>/status,
// and the live GC heap through dotnet-gcdump (which forces a full, blocking collection first), whose
// report also counts the circuits the server holds (CircuitHost objects).

const ticksPerSecond = Number((await run('getconf', ['CLK_TCK'])).stdout.trim()) || 100;

async function cpuSeconds(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

async function residentBytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

async function dotnetTool(...args) {
  return (await run('dotnet', ['tool', 'run', ...args], { cwd: here, maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Forces a full collection in the server and returns what is still reachable (GC heap bytes), the circuits among it, and the RSS after it. */
async function settledMemory(pid) {
  const folder = await mkdtemp(join(tmpdir(), 'portal-gcdump-'));
  try {
    const file = join(folder, 'heap.gcdump');
    await dotnetTool('dotnet-gcdump', 'collect', '-p', String(pid), '-o', file);
    const report = await dotnetTool('dotnet-gcdump', 'report', file);
    const heap = Number(/([\d,]+)\s+GC Heap bytes/.exec(report)[1].replaceAll(',', ''));
    // Each line gives a type's object size and count; arrays are listed per size class ("(Bytes > 10K)"), added up here.
    const types = new Map();
    for (const [, size, count, type] of report.matchAll(/^\s*([\d,]+)\s+([\d,]+)\s+(.+?)(?:\s+\(Bytes > [^)]*\))?\s+\[[^\]]*\]\s*$/gm)) {
      const objects = Number(count.replaceAll(',', ''));
      const known = types.get(type) ?? { bytes: 0, objects: 0 };
      types.set(type, { bytes: known.bytes + Number(size.replaceAll(',', '')) * objects, objects: known.objects + objects });
    }
    const circuits = types.get('Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost')?.objects ?? 0;
    return { heap, circuits, types, rss: await residentBytes(pid) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Signing in over HTTP (for autocannon) and in the browser.

function htmlDecode(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

const cookiesOf = response => response.headers.getSetCookie().map(cookie => cookie.split(';')[0]);

/** Signs in through the log-in form and returns the sign-in cookie(s) as one Cookie header value. */
async function signIn(base, email) {
  const form = await fetch(`${base}/account/inloggen`, { redirect: 'manual' });
  const html = await form.text();
  const token = /name="__RequestVerificationToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The log-in page has no antiforgery token.');
  const post = await fetch(`${base}/account/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookiesOf(form).join('; ') },
    body: new URLSearchParams({
      _handler: 'login',
      __RequestVerificationToken: htmlDecode(token),
      'Form.Email': email,
      'Form.Password': options.password,
    }),
  });
  const auth = cookiesOf(post).filter(cookie => cookie.startsWith('portal.auth'));
  if (post.status !== 302 || auth.length === 0) throw new Error(`Signing in as ${email} failed (HTTP ${post.status}): is --password the portal's Demo:Password?`);
  return auth.join('; ');
}

async function browserContext(browser, base, cookie) {
  const context = await browser.newContext({ baseURL: base, locale: 'nl-NL' });
  await context.addCookies(cookie.split('; ').map(pair => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  }));
  return context;
}

const circuitUp = page => page.waitForFunction(() => document.body.classList.contains('portal-circuit-up'), null, { timeout: 120_000 });

/** Leaves the interactive page for a static one: Blazor tells the server on the way out, which ends the circuit at once. */
async function closeCircuit(page) {
  await page.goto('/over');
  await page.context().close();
}

// ---------------------------------------------------------------------------------------------------
// Statistics.

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const ms = value => `${value.toFixed(1)} ms`;
const mb = bytes => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = bytes => `${(bytes / 1024).toFixed(0)} KB`;
const range = values => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return { low, high };
};

// ---------------------------------------------------------------------------------------------------
// (a) Prerendered pages under concurrent officers.

function cannon(url, cookie, seconds) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon({
      url,
      connections: number('connections'),
      duration: seconds,
      headers: cookie ? { cookie } : {},
    }, (error, result) => (error ? reject(error) : resolve({ result, times })));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function measurePages(base, pid) {
  const cookies = { [Officer]: await signIn(base, Officer), [Admin]: await signIn(base, Admin) };
  const targets = [...Baselines, ...Pages];
  for (const target of targets) {
    // The page itself, not the log-in page or a 403: the page's own title must be in it.
    const response = await fetch(base + target.path, { redirect: 'manual', headers: target.as ? { cookie: cookies[target.as] } : {} });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
    target.bytes = Buffer.byteLength(body);
  }

  const rounds = number('rounds');
  const results = new Map(targets.map(t => [t.path, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const cookie = target.as ? cookies[target.as] : null;
      await cannon(base + target.path, cookie, number('warmup'));
      const cpuBefore = pid ? await cpuSeconds(pid) : null;
      const { result, times } = await cannon(base + target.path, cookie, number('duration'));
      const cpuAfter = pid ? await cpuSeconds(pid) : null;
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) throw new Error(`${target.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
      times.sort((a, b) => a - b);
      const line = {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        rps: result.requests.total / number('duration'),
        requests: result.requests.total,
        cpuPerRequest: pid ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total : null,
      };
      results.get(target.path).push(line);
      console.log(`  round ${round} ${target.path.padEnd(22)} p50 ${ms(line.p50)}  p95 ${ms(line.p95)}  p99 ${ms(line.p99)}  ${line.rps.toFixed(0)} req/s`
        + (pid ? `  server CPU ${line.cpuPerRequest.toFixed(2)} ms/req` : '') + `  [load ${loadavg()[0].toFixed(1)}]`);
    }
  }

  console.log(`\n(a) ${number('connections')} connections, ${number('duration')} s per page per round (after ${number('warmup')} s warm-up), ${rounds} rounds: range over the rounds`);
  console.log('| page | signed in as | size | p50 | p95 | p99 | requests/s | server CPU per request |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const target of targets) {
    const lines = results.get(target.path);
    const show = (key, format) => {
      const { low, high } = range(lines.map(l => l[key]));
      return low === high ? format(low) : `${format(low)}–${format(high)}`;
    };
    console.log(`| \`${target.path}\` | ${target.as ?? '–'} | ${kb(target.bytes)} | ${show('p50', v => v.toFixed(0))} ms | ${show('p95', v => v.toFixed(0))} ms | ${show('p99', v => v.toFixed(0))} ms | ${show('rps', v => v.toFixed(0))} | `
      + (pid ? `${show('cpuPerRequest', v => v.toFixed(1))} ms |` : '– |'));
  }
}

// ---------------------------------------------------------------------------------------------------
// (b) Server memory per open idle circuit.

async function openCircuit(browser, base, cookie, path) {
  const context = await browserContext(browser, base, cookie);
  const page = await context.newPage();
  await page.goto(path);
  await circuitUp(page);
  await page.locator('.mud-table-body tr').first().waitFor();
  return page;
}

async function measureMemory(base, pid, browser, target) {
  const cookie = await signIn(base, target.as);
  const count = number('circuits');
  // Warm-up: the first circuits compile and cache what every circuit needs; they are closed before measuring.
  for (const page of await Promise.all([1, 2, 3].map(() => openCircuit(browser, base, cookie, target.path))))
    await closeCircuit(page);

  // The server ends a closed page's circuit when Blazor's goodbye arrives, a moment later: read until they are gone.
  let before = await settledMemory(pid);
  for (let tries = 0; before.circuits > 0 && tries < 5; tries++)
    before = await settledMemory(pid);
  const pages = [];
  // Five at a time, so the server's two cores are not the thing measured.
  for (let i = 0; i < count; i += 5)
    pages.push(...await Promise.all(Array.from({ length: Math.min(5, count - i) }, () => openCircuit(browser, base, cookie, target.path))));
  const after = await settledMemory(pid);
  for (const page of pages)
    await closeCircuit(page);
  const released = await settledMemory(pid);

  // Per circuit the server gained (normally all of them; see the warning below).
  const gained = after.circuits - before.circuits > 0 ? after.circuits - before.circuits : count;
  const heapPer = (after.heap - before.heap) / gained;
  const rssPer = (after.rss - before.rss) / gained;
  console.log(`\n(b) ${count} idle circuits on ${target.path} (${target.rows}), signed in as ${target.as}, each page in its own Chromium context  [load ${loadavg()[0].toFixed(1)}]`);
  console.log('| reading | before | with the circuits | per circuit | after closing them |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| circuits held by the server (CircuitHost objects) | ${before.circuits} | ${after.circuits} | | ${released.circuits} |`);
  console.log(`| live GC heap (after a forced full GC) | ${mb(before.heap)} | ${mb(after.heap)} | ${kb(heapPer)} | ${mb(released.heap)} |`);
  console.log(`| process RSS (/proc status, after that GC) | ${mb(before.rss)} | ${mb(after.rss)} | ${kb(rssPer)} | ${mb(released.rss)} |`);
  if (after.circuits - before.circuits !== count)
    console.log(`  warning: the server holds ${after.circuits - before.circuits} more circuits, not ${count}: a circuit of another browser came or went`);
  // Where a circuit's bytes are: the types that grew most, per circuit.
  const growth = [...after.types].map(([type, { bytes, objects }]) => {
    const known = before.types.get(type) ?? { bytes: 0, objects: 0 };
    return { type, bytes: (bytes - known.bytes) / gained, objects: (objects - known.objects) / gained };
  }).sort((a, b) => b.bytes - a.bytes).slice(0, 12);
  console.log('  the types that grew most, per circuit (estimates: dotnet-gcdump samples a large heap):');
  for (const { type, bytes, objects } of growth)
    console.log(`  ${kb(bytes).padStart(8)} ${objects.toFixed(0).padStart(7)} objects  ${type}`);
  const components = (after.types.get('Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState')?.objects ?? 0)
    - (before.types.get('Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState')?.objects ?? 0);
  console.log(`  components per circuit: ${(components / gained).toFixed(0)}`);
}

// ---------------------------------------------------------------------------------------------------
// (c) Server CPU per interactive grid change.

async function measureCpu(base, pid, browser) {
  const cookie = await signIn(base, Officer);
  const page = await openCircuit(browser, base, cookie, `${GridPage}&per=50`);
  const references = page.locator('.mud-table-body a[data-reference]');
  const caption = page.locator('.mud-table-pagination-caption').last();
  // Every reference, for the first row of each sort direction (references are ASCII, so the database's order is JavaScript's).
  const total = Number(/van (\d+)/.exec(await caption.textContent())[1]);
  if (total <= 25) throw new Error(`The queue has ${total} applications; paging needs more than one page of 25.`);
  await page.waitForFunction(count => document.querySelectorAll('.mud-table-body a[data-reference]').length === count, total);
  const all = (await references.evaluateAll(links => links.map(a => a.dataset.reference))).sort();
  const first = { true: all[0], false: all.at(-1) };
  await page.goto(GridPage);
  await circuitUp(page);

  // Clicking the reference column's header sorts ascending, then descending, and so on: each change waits for its own first row.
  const sortByReference = page.locator('.mud-table-head .sortable-column-header', { hasText: 'Kenmerk' });
  const sort = async i => {
    const ascending = i % 2 === 0;
    await sortByReference.click();
    await page.locator(`.mud-table-body tr:first-child a[data-reference="${first[ascending]}"]`).waitFor();
  };
  const turnPage = async i => {
    const next = i % 2 === 0;
    await page.locator(`.mud-table-pagination-actions button[aria-label="${next ? 'Next page' : 'Previous page'}"]`).click();
    await caption.filter({ hasText: next ? `26–${total} van ${total}` : `1–25 van ${total}` }).waitFor();
  };

  const changes = number('changes');
  // What the server spends doing nothing (jobs, timers, the circuit's keep-alive), per second: read before and after.
  const idle = async () => {
    const seconds = number('idle');
    const start = await cpuSeconds(pid);
    await page.waitForTimeout(seconds * 1000);
    return (await cpuSeconds(pid) - start) / seconds;
  };
  const measure = async (name, act) => {
    for (let i = 0; i < 10; i++) await act(i);   // warm-up; an even number, so the loop below starts where this one did
    const idleBefore = await idle();
    const start = performance.now();
    const cpuStart = await cpuSeconds(pid);
    for (let i = 0; i < changes; i++) await act(i);
    const cpu = await cpuSeconds(pid) - cpuStart;
    const seconds = (performance.now() - start) / 1000;
    const idleRate = (idleBefore + await idle()) / 2;
    const net = cpu - idleRate * seconds;
    const result = { raw: (cpu * 1000) / changes, net: (net * 1000) / changes, wall: (seconds * 1000) / changes, idle: idleRate * 1000 };
    console.log(`  ${name}: ${changes} changes in ${seconds.toFixed(1)} s; server CPU ${cpu.toFixed(2)} s, idle ${result.idle.toFixed(1)} ms/s `
      + `→ ${result.raw.toFixed(2)} ms per change (${result.net.toFixed(2)} ms net of idle); ${result.wall.toFixed(0)} ms per change seen in the browser  [load ${loadavg()[0].toFixed(1)}]`);
    return result;
  };

  console.log(`\n(c) server CPU per grid change over one circuit on ${GridPage} (${total} applications)`);
  await measure('sort by reference, ascending ↔ descending (25 rows each)', sort);
  await measure('next ↔ previous page (5 and 25 rows)', turnPage);
  await closeCircuit(page);
}

// ---------------------------------------------------------------------------------------------------

const portal = options.url ? { base: options.url.replace(/\/$/, ''), pid: options.pid ? Number(options.pid) : null, stop: async () => {} } : await startPortal();
let browser;
try {
  const cpu = cpus();
  console.log(`# ${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model} · ${(totalmem() / 1024 ** 3).toFixed(0)} GiB · Node ${process.version} · load ${loadavg().map(l => l.toFixed(1)).join(' ')}`);
  console.log(`# portal ${portal.base}${portal.pid ? ` (pid ${portal.pid})` : ''}`);
  if (parts.has('pages')) {
    console.log('\n(a) prerendered back-office pages');
    await measurePages(portal.base, portal.pid);
  }
  if ((parts.has('memory') || parts.has('cpu')) && !portal.pid) throw new Error('The memory and CPU parts need --pid of the portal given by --url.');
  if (parts.has('memory') || parts.has('cpu')) {
    browser = await chromium.launch({
      executablePath: options.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
  if (parts.has('memory')) {
    for (const target of CircuitPages)
      await measureMemory(portal.base, portal.pid, browser, target);
  }
  if (parts.has('cpu')) await measureCpu(portal.base, portal.pid, browser);
} finally {
  await browser?.close();
  await portal.stop();
}
