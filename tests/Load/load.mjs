// Measures one portal node: (a) prerendered back-office pages under concurrent officers (autocannon),
// (b) server memory per open idle circuit, (c) server CPU per grid change over a circuit (Debian's
// Chromium through playwright-core), (push) pushed OCPI EVSE status PATCHes from many CPO connections
// (autocannon), checked against the status events stored. Run by hand, see README.md; nothing here is
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
    parties: { type: 'string', default: '20' },
    locations: { type: 'string', default: '50' },
    'push-connections': { type: 'string', default: '40' },
    'push-duration': { type: 'string', default: '60' },
    'push-rate': { type: 'string', default: '0' },
    database: { type: 'string' },
    dll: { type: 'string' },
  },
});
const parts = new Set(options.only.split(','));
const number = name => {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && name !== 'push-rate')) throw new Error(`--${name} must be a positive number`);
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
  const dll = options.dll ?? join(repository, 'src', 'Portal', 'bin', 'Release', 'net10.0', 'Portal.dll');
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
    sqlite: join(data, 'portal.db'),
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
// (push) Pushed EVSE status PATCHes from many CPO connections.
//
// Each CPO connection is made the way a municipality makes one: the administrator issues a token A on
// /admin/ocpi (here through the browser), the CPO registers with it (credentials POST) and pushes with
// the token C it gets back. Every party PUTs its locations (two EVSEs each) first, then autocannon sends
// PATCHes of one EVSE's status, each a change, spread over every party and EVSE. Afterwards the status
// events in the database are counted: every accepted PATCH must be one new event.

const Statuses = ['AVAILABLE', 'CHARGING', 'BLOCKED', 'RESERVED', 'OUTOFORDER', 'INOPERATIVE'];
const ocpiToken = token => `Token ${Buffer.from(token, 'utf8').toString('base64')}`;

/** Three characters, upper-case: a run's own parties, so a database measured before keeps its connections apart. */
function partyIds(count) {
  const run = String.fromCharCode(65 + Math.floor(Math.random() * 26)) + String.fromCharCode(65 + Math.floor(Math.random() * 26));
  if (count > 36) throw new Error('--parties: at most 36');
  return Array.from({ length: count }, (_, i) => `${run[0]}${run[1]}${i.toString(36).toUpperCase()}`);
}

async function issueTokensA(browser, base, parties) {
  const context = await browserContext(browser, base, await signIn(base, Admin));
  const page = await context.newPage();
  await page.goto('/admin/ocpi');
  await circuitUp(page);
  const tokens = [];
  for (const party of parties) {
    await page.getByRole('button', { name: 'Token A uitgeven' }).first().click();
    const dialog = page.locator('.mud-dialog');
    await dialog.locator('#issue-country').fill('NL');
    await dialog.locator('#issue-party').fill(party);
    await dialog.locator('#issue-name').fill(`Laadtest ${party}`);
    await dialog.getByRole('button', { name: 'Token A uitgeven' }).click();
    const token = dialog.locator('[data-testid="token-a"]');
    await Promise.race([
      token.waitFor(),
      dialog.locator('[role="alert"]').waitFor().then(async () => { throw new Error(`Issuing token A for NL*${party}: ${await dialog.locator('[role="alert"]').textContent()}`); }),
    ]);
    tokens.push((await token.textContent()).trim());
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await closeCircuit(page);
  return tokens;
}

async function ocpi(base, method, path, token, body) {
  const response = await fetch(`${base}/ocpi${path}`, {
    method,
    headers: { authorization: ocpiToken(token), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = await response.json().catch(() => null);
  if (!response.ok || envelope?.status_code !== 1000)
    throw new Error(`${method} ${path}: HTTP ${response.status}, ${JSON.stringify(envelope)}`);
  return envelope;
}

/** The CPO registers with its token A and gets token C (the portal does not call the versions URL back). */
async function register(base, party, tokenA) {
  const envelope = await ocpi(base, 'POST', '/2.2.1/credentials', tokenA, {
    token: `cpo-token-${party}-${Math.random().toString(36).slice(2)}`,
    url: `http://127.0.0.1:9/${party}/versions`,
    roles: [{ role: 'CPO', party_id: party, country_code: 'NL', business_details: { name: `Laadtest ${party}` } }],
  });
  return envelope.data.token;
}

/** A location in the middle of Arnhem (the demo's municipality) with two EVSEs. */
function location(party, index, stamp) {
  const id = `LOAD-${String(index).padStart(4, '0')}`;
  const evse = n => ({
    uid: `${id}-${n}`,
    evse_id: `NL*${party}*E${String(index).padStart(4, '0')}${n}`,
    status: 'AVAILABLE',
    connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 16, last_updated: stamp }],
    last_updated: stamp,
  });
  return {
    country_code: 'NL',
    party_id: party,
    id,
    publish: true,
    name: `Laadtest ${party} ${index}`,
    address: `Teststraat ${index + 1}`,
    city: 'Arnhem',
    postal_code: '6811 AA',
    country: 'NLD',
    coordinates: { latitude: (51.975 + (index % 20) * 0.0008).toFixed(6), longitude: (5.885 + Math.floor(index / 20) * 0.002).toFixed(6) },
    parking_type: 'ON_STREET',
    evses: [evse(1), evse(2)],
    time_zone: 'Europe/Amsterdam',
    last_updated: stamp,
  };
}

async function inBatches(items, size, act) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(act));
}

async function countEvents(database, parties) {
  if (!database) return null;
  const sql = `SELECT COUNT(*) FROM "EvseStatusEvents" WHERE substr("LocationSourceId", 1, 7) IN (${parties.map(p => `'NL*${p}*'`).join(', ')});`;
  const { stdout } = database.postgres
    ? await run('psql', [database.postgres, '-tAc', sql])
    : await run('sqlite3', [database.sqlite, sql]);
  return Number(stdout.trim());
}

async function measurePush(portal, browser) {
  const { base, pid } = portal;
  const count = number('parties');
  const perParty = number('locations');
  const connections = number('push-connections');
  const seconds = number('push-duration');
  const rate = number('push-rate');
  if (connections % count !== 0) throw new Error('--push-connections must be a multiple of --parties (each connection pushes for one party)');
  if (!portal.database) console.log('  (no --database: the status events are not counted)');

  const parties = partyIds(count);
  const started = performance.now();
  const tokensA = await issueTokensA(browser, base, parties);
  const tokens = [];
  for (let i = 0; i < count; i++) tokens.push(await register(base, parties[i], tokensA[i]));
  const stamp = new Date(Date.now() - 3_600_000).toISOString();
  await inBatches(parties.flatMap((party, p) => Array.from({ length: perParty }, (_, i) => ({ party, token: tokens[p], i }))), 8,
    ({ party, token, i }) => ocpi(base, 'PUT', `/2.2.1/locations/NL/${party}/${location(party, i, stamp).id}`, token, location(party, i, stamp)));
  console.log(`\n(push) ${count} CPO connections registered through token A, ${count * perParty} locations with ${count * perParty * 2} EVSEs PUT in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Each connection pushes for one party and owns every (connections/parties)-th location of it, so no two
  // connections patch the same location at once; every PATCH changes its EVSE's status. autocannon clears a
  // request's context each time it loops over its request list (here: every request), so each connection is
  // an autocannon instance of its own whose state is kept here.
  const perConnection = connections / count;
  const state = new Map();
  const sent = { total: 0 };
  const answers = { ok: 0, http: new Map(), ocpi: new Map(), examples: [] };
  const clients = Array.from({ length: connections }, (_, client) => ({ party: client % count, slot: Math.floor(client / count) % perConnection, step: 0 }));
  const patch = context => {
    const party = parties[context.party];
    const owned = Math.ceil((perParty - context.slot) / perConnection);
    const step = context.step++;
    const index = context.slot + perConnection * (Math.floor(step / 2) % owned);
    const uid = `LOAD-${String(index).padStart(4, '0')}-${(step % 2) + 1}`;
    const key = `${party}/${uid}`;
    const last = state.get(key) ?? { status: 0, at: 0 };
    const next = { status: (last.status + 1) % Statuses.length, at: Math.max(Date.now(), last.at + 1) };
    state.set(key, next);
    sent.total++;
    return {
      method: 'PATCH',
      path: `/ocpi/2.2.1/locations/NL/${party}/LOAD-${String(index).padStart(4, '0')}/${uid}`,
      headers: { authorization: ocpiToken(tokens[context.party]), 'content-type': 'application/json' },
      body: JSON.stringify({ status: Statuses[next.status], last_updated: new Date(next.at).toISOString() }),
    };
  };
  const onResponse = (status, body) => {
    if (status !== 200) {
      answers.http.set(status, (answers.http.get(status) ?? 0) + 1);
      if (answers.examples.length < 3) answers.examples.push(`${status} ${body}`);
      return;
    }
    const code = JSON.parse(body).status_code;
    if (code === 1000) {
      answers.ok++;
      return;
    }
    answers.ocpi.set(code, (answers.ocpi.get(code) ?? 0) + 1);
    if (answers.examples.length < 3) answers.examples.push(body);
  };

  const eventsBefore = await countEvents(portal.database, parties);
  const times = [];
  const cpuBefore = pid ? await cpuSeconds(pid) : null;
  const results = await Promise.all(clients.map(client => new Promise((resolve, reject) => {
    const instance = autocannon({
      url: base,
      connections: 1,
      duration: seconds,
      ...(rate > 0 ? { overallRate: rate / connections } : {}),
      requests: [{ setupRequest: request => ({ ...request, ...patch(client) }), onResponse }],
    }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  })));
  const result = { errors: results.reduce((sum, r) => sum + r.errors, 0), timeouts: results.reduce((sum, r) => sum + r.timeouts, 0) };
  const cpuAfter = pid ? await cpuSeconds(pid) : null;
  // A request in flight when autocannon stopped may still be stored: its answer is not counted above.
  await new Promise(resolve => setTimeout(resolve, 2000));
  const eventsAfter = await countEvents(portal.database, parties);

  times.sort((a, b) => a - b);
  const answered = times.length;
  const inFlight = sent.total - answered;
  const line = {
    rps: answered / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
    cpu: pid ? ((cpuAfter - cpuBefore) * 1000) / answered : null,
  };
  const events = eventsAfter == null ? null : eventsAfter - eventsBefore;
  const lost = events == null ? null : answers.ok - events;
  const map = m => (m.size === 0 ? '0' : [...m].map(([k, v]) => `${v}× ${k}`).join(', '));
  console.log(`(push) ${connections} connections over ${count} parties, ${seconds} s, ${rate > 0 ? `${rate} PATCHes/s offered` : 'as fast as answered'}  [load ${loadavg()[0].toFixed(1)}]`);
  console.log('| PATCHes answered | per second | p50 | p95 | p99 | max | non-200 | OCPI errors | accepted | new status events | server CPU per PATCH |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ${answered} | ${line.rps.toFixed(0)} | ${ms(line.p50)} | ${ms(line.p95)} | ${ms(line.p99)} | ${ms(line.max)} | ${map(answers.http)} | ${map(answers.ocpi)} | ${answers.ok} | ${events ?? '–'} | ${line.cpu == null ? '–' : `${line.cpu.toFixed(2)} ms`} |`);
  console.log(`  ${inFlight} PATCHes were in flight when the run stopped (stored or not, their answer was not counted); errors: ${result.errors}, timeouts: ${result.timeouts}`);
  if (events != null) {
    if (events < answers.ok) console.log(`  LOST: ${lost} accepted PATCHes have no status event`);
    else if (events > answers.ok + inFlight) console.log(`  warning: ${events - answers.ok - inFlight} more events than accepted and in-flight PATCHes`);
    else console.log(`  none lost: every accepted PATCH is a status event (${events - answers.ok} more from PATCHes in flight at the stop)`);
  }
  for (const example of answers.examples) console.log(`  example of a refused PATCH: ${example.slice(0, 300)}`);
}

// ---------------------------------------------------------------------------------------------------

const portal = options.url ? { base: options.url.replace(/\/$/, ''), pid: options.pid ? Number(options.pid) : null, stop: async () => {} } : await startPortal();
portal.database = options.database ? { postgres: options.database } : portal.sqlite ? { sqlite: portal.sqlite } : null;
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
  if (parts.has('memory') || parts.has('cpu') || parts.has('push')) {
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
  if (parts.has('push')) await measurePush(portal, browser);
} finally {
  await browser?.close();
  await portal.stop();
}
