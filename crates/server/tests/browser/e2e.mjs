#!/usr/bin/env node
// Browser end-to-end test of the statecraft web page, against a running
// server, in headless Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core. It makes no request outside BASE_URL and fails if the
// page does.
//
//   PLAYWRIGHT_MODULES=$(scripts/browser-env target/browser) \
//   BASE_URL=http://127.0.0.1:PORT TOKEN=the-write-token \
//   SEED_PATH=examples/south-korea-syria-2025-02-11.txt OUT_DIR=target/screenshots \
//   node crates/server/tests/browser/e2e.mjs
//
// Environment:
//   BASE_URL            the server, e.g. http://127.0.0.1:8080 (required)
//   TOKEN               the server's write token (required)
//   SEED_PATH           a story as pasted: headline, "Published: 11 Feb. 2025, ...", "-", paragraphs (required)
//   OUT_DIR             where screenshots go (default target/screenshots)
//   PLAYWRIGHT_MODULES  a node_modules directory holding playwright-core (what
//                       scripts/browser-env prints); an .mjs import ignores
//                       NODE_PATH, so the module is loaded from here (NODE_PATH's
//                       first entry is tried when this is unset)
//   CHROMIUM            the browser (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS      per-wait timeout (default 20000)
//
// Steps: open the home page; paste and code the seed story (>= 8 events,
// paste.png); store it with the token; look up South Korea as of 2025-02-11
// through the picker (Syria under missing ties, North Korea under special
// cases only, state-KOR.png); open the KOR–SYR timeline from Syria's link
// (>= 6 events), open the first event's evidence with the keyboard
// (timeline-KOR-SYR.png). Exits 0 when all pass; otherwise prints what
// failed, saves failure.png and exits 1 (2 for a bad setup).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const t0 = Date.now();
const log = (...a) => console.log('e2e:', ...a);

function setupError(msg) {
  console.error(`e2e: setup error: ${msg}`);
  process.exit(2);
}

const need = (k) => {
  const v = process.env[k];
  if (!v) setupError(`${k} is not set (see the usage at the top of ${path.basename(new URL(import.meta.url).pathname)})`);
  return v;
};
const BASE_URL = need('BASE_URL').replace(/\/+$/, '');
const TOKEN = need('TOKEN');
const SEED_PATH = need('SEED_PATH');
const OUT_DIR = process.env.OUT_DIR || 'target/screenshots';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 20000);

if (!/^https?:\/\/[^/]+$/.test(BASE_URL)) setupError(`BASE_URL must look like http://127.0.0.1:8080, not ${BASE_URL}`);
if (!fs.existsSync(CHROMIUM)) setupError(`no browser at ${CHROMIUM}; run scripts/browser-env first`);
let seed;
try { seed = fs.readFileSync(SEED_PATH, 'utf8'); } catch (e) { setupError(`cannot read SEED_PATH ${SEED_PATH}: ${e.message}`); }
const headline = seed.replace(/^\ufeff/, '').split(/\r?\n/).find((l) => l.trim())?.trim() || '';

function loadPlaywright() {
  const dirs = [process.env.PLAYWRIGHT_MODULES, ...(process.env.NODE_PATH || '').split(path.delimiter)].filter(Boolean);
  for (const dir of dirs) {
    try { return createRequire(path.join(path.resolve(dir), 'noop.js'))('playwright-core'); } catch { /* next */ }
  }
  try { return createRequire(import.meta.url)('playwright-core'); } catch { /* below */ }
  return setupError('cannot load playwright-core: set PLAYWRIGHT_MODULES=$(scripts/browser-env target/browser)');
}
const { chromium } = loadPlaywright();

fs.mkdirSync(OUT_DIR, { recursive: true });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-e2e-'));

// Every request the browser makes, and those that leave BASE_URL.
const requests = [];
const outside = [];
const allowed = (url) => url === BASE_URL || url.startsWith(`${BASE_URL}/`) || /^(data|blob|about):/.test(url);
const consoleErrors = [];
const pageErrors = [];

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1360, height: 900 },
  locale: 'en-GB',
  timezoneId: 'UTC',
  serviceWorkers: 'block',
});
context.setDefaultTimeout(TIMEOUT);
context.on('request', (req) => {
  const url = req.url();
  requests.push(`${req.method()} ${url}`);
  if (!allowed(url)) outside.push(`${req.method()} ${url}`);
});
// Nothing may leave the server: such requests are recorded above and cut here.
await context.route((url) => !allowed(url.href), (route) => route.abort('blockedbyclient'));

const page = context.pages()[0] || await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => pageErrors.push(e.message));

const steps = [];
let passed = 0;
let current = '';

class Failure extends Error {}
function check(cond, msg) { if (!cond) throw new Failure(msg); }

async function step(name, fn) {
  current = name;
  const s = Date.now();
  await fn();
  passed += 1;
  steps.push(name);
  log(`ok ${passed} - ${name} (${Date.now() - s} ms)`);
}

const tid = (id) => page.getByTestId(id);
const shot = async (name) => {
  const file = path.join(OUT_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
};
const waitApi = (pred) => page.waitForResponse((r) => r.url().startsWith(`${BASE_URL}/v1/`) && pred(r));

async function main() {
  await step('home page loads from BASE_URL', async () => {
    const res = await page.goto(`${BASE_URL}/`);
    check(res && res.ok(), `GET ${BASE_URL}/ answered ${res && res.status()}`);
    await page.locator('h1').first().waitFor();
    await tid('quick-paste').waitFor();
    check((await page.title()).includes('statecraft'), `unexpected page title ${await page.title()}`);
  });

  await step('paste view codes the seed story (>= 8 events)', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Paste a story' }).click();
    await tid('paste-form').waitFor();
    check(page.url().endsWith('#/paste'), `expected #/paste, at ${page.url()}`);
    await tid('story-id').fill('seed');
    await tid('story-date').fill('2025-02-11');
    await tid('story-text').fill(seed);
    const [res] = await Promise.all([
      waitApi((r) => r.url().endsWith('/v1/code') && r.request().method() === 'POST'),
      tid('code-button').click(),
    ]);
    check(res.status() === 200, `POST /v1/code answered ${res.status()}: ${await res.text()}`);
    const body = res.request().postDataJSON();
    check(body.id === 'seed' && body.date === '2025-02-11', `POST /v1/code sent id ${body.id}, date ${body.date}`);
    check(!/^Published:/m.test(body.text), 'the headline and Published line were sent as story text');
    check(body.title === headline, `title sent was ${JSON.stringify(body.title)}, expected the headline`);
    await tid('event-count').waitFor();
    const n = await tid('coded-event').count();
    const declared = Number(await tid('event-count').innerText());
    check(n >= 8, `expected at least 8 coded events, the page lists ${n}`);
    check(declared === n, `the count says ${declared} but ${n} events are listed`);
    const marks = await tid('coded-sentence').count();
    check(marks >= 1, 'no coded sentence is highlighted in the story text');
    await tid('coded-event').first().click();
    await tid('evidence-sentence').waitFor();
    await shot('paste.png');
    log(`  ${n} events, ${marks} highlighted sentences`);
  });

  await step('store the story with the write token', async () => {
    await tid('token-input').fill(TOKEN);
    const [res] = await Promise.all([
      waitApi((r) => r.url().endsWith('/v1/stories') && r.request().method() === 'POST'),
      tid('store-button').click(),
    ]);
    const auth = res.request().headers().authorization;
    check(auth === `Bearer ${TOKEN}`, 'the Store request did not carry the bearer token');
    check([200, 201].includes(res.status()), `POST /v1/stories answered ${res.status()}: ${await res.text()}`);
    const result = page.locator('[data-testid="store-result"][data-state="ok"], [data-testid="store-result"][data-state="error"]');
    await result.waitFor();
    const text = (await result.innerText()).replace(/\s+/g, ' ').trim();
    check(await result.getAttribute('data-state') === 'ok', `store failed: ${text}`);
    check(/^(Stored|Replaced|Unchanged): story seed with \d+ events?\./.test(text), `unexpected store message: ${text}`);
    const token = await page.evaluate(() => sessionStorage.getItem('statecraft.writeToken'));
    check(token === TOKEN, 'the token is not kept in sessionStorage');
    const persisted = await page.evaluate(() => Object.keys(localStorage).length);
    check(persisted === 0, 'something was written to localStorage');
    log(`  ${text}`);
  });

  await step('South Korea as of 2025-02-11 via the picker', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'States' }).click();
    await tid('state-form').waitFor();
    await tid('state-input').fill('South Korea');
    await tid('asof-input').fill('2025-02-11');
    const [res] = await Promise.all([
      waitApi((r) => r.url().includes('/v1/ties/KOR?') && r.url().includes('missing=true')),
      tid('state-submit').click(),
    ]);
    check(res.status() === 200, `GET missing ties answered ${res.status()}`);
    check(page.url().endsWith('#/state/KOR?as_of=2025-02-11'), `expected #/state/KOR?as_of=2025-02-11, at ${page.url()}`);
    const missing = tid('missing-list');
    const special = tid('special-list');
    await missing.waitFor();
    await special.waitFor();
    const missingText = await missing.innerText();
    const specialText = await special.innerText();
    check(await missing.locator('[data-partner="SYR"]').count() === 1 && missingText.includes('Syria'),
      `Syria is not listed under missing ties: ${missingText.slice(0, 300)}`);
    check(await special.locator('[data-partner="PRK"]').count() === 1 && specialText.includes('North Korea'),
      `North Korea is not listed under special cases: ${specialText.slice(0, 300)}`);
    // (Syria's source may mention North Korea; only listed partners count.)
    const missingNames = await missing.getByTestId('partner-link').allInnerTexts();
    check(await missing.locator('[data-partner="PRK"]').count() === 0 && !missingNames.includes('North Korea'),
      `North Korea is listed under missing ties (${missingNames.join(', ')})`);
    const label = await tid('network-svg').getAttribute('aria-label');
    check(/Syria/.test(label) && /North Korea/.test(label), `the network picture's label does not name Syria and North Korea: ${label}`);
    check(await tid('partner-row').count() > 100, 'the partners table has fewer than 100 rows');
    // Where Korea's events happened: Havana (the embassy) among the places.
    const places = tid('state-places').getByTestId('place-list');
    await places.waitFor();
    check(/Havana, Cuba/.test(await places.innerText()), `the state's places lack Havana: ${await places.innerText()}`);
    await tid('state-places').locator('[data-testid="map-mark"][data-place="Havana"] circle').waitFor();
    await shot('state-KOR.png');
  });

  await step('KOR–SYR timeline from Syria’s link; evidence by keyboard', async () => {
    const [res] = await Promise.all([
      waitApi((r) => r.url().includes('/v1/timeline/KOR/SYR')),
      tid('missing-list').getByRole('link', { name: 'Syria' }).click(),
    ]);
    check(res.status() === 200, `GET timeline answered ${res.status()}`);
    check(page.url().includes('#/dyad/KOR/SYR'), `expected #/dyad/KOR/SYR, at ${page.url()}`);
    await tid('event-list').waitFor();
    const n = await tid('event-item').count();
    check(n >= 6, `expected at least 6 KOR–SYR events, the page lists ${n}`);
    check(await tid('event-mark').count() === n, 'the chart does not have one mark per listed event');

    const first = tid('event-item').first();
    await first.focus();
    await page.keyboard.press('Enter');
    check(await first.getAttribute('aria-current') === 'true', 'Enter on the first event did not select it');
    const sentence = tid('evidence-sentence');
    await sentence.waitFor();
    const parts = {};
    for (const role of ['source', 'target', 'verb']) {
      const el = sentence.locator(`[data-testid~="hl-${role}"]`);
      check(await el.count() >= 1, `the evidence does not highlight the ${role}`);
      parts[role] = (await el.first().innerText()).trim();
      check(parts[role].length > 0, `the ${role} highlight is empty`);
    }
    const evidenceText = await tid('evidence').innerText();
    check(/Goldstein/.test(evidenceText) && /Sentence/.test(evidenceText) && /Modality/.test(evidenceText),
      'the evidence lacks Goldstein, modality or sentence number');

    // The chart's marks work from the keyboard too: Tab stop, arrows, Enter.
    const mark = tid('event-mark').first();
    await mark.focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    check(focused === '1', `ArrowRight on the first mark focused mark ${focused}`);
    await page.keyboard.press('Enter');
    check(await tid('event-item').nth(1).getAttribute('aria-current') === 'true', 'Enter on a chart mark did not select its event');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="event-item"][aria-current="true"]').first().waitFor();
    await shot('timeline-KOR-SYR.png');
    log(`  ${n} events; first: source “${parts.source}”, verb “${parts.verb}”, target “${parts.target}”`);
  });

  await step('KOR–SYR places on the map: Damascus a point, by keyboard', async () => {
    const map = tid('places-map');
    await map.waitFor();
    await tid('map-svg').waitFor();
    const damascus = map.locator('[data-testid="map-mark"][data-place="Damascus"]');
    check(await damascus.count() === 1, 'the map has no single mark for Damascus');
    check(await damascus.locator('circle').count() === 1, 'Damascus is not drawn as a point');
    const label = await damascus.getAttribute('aria-label');
    check(/Damascus, Syria: \d+ event/.test(label || ''), `Damascus's mark is labelled ${label}`);
    check(/Damascus, Syria/.test(await tid('place-list').innerText()), 'the list of places lacks Damascus');
    // Tab reaches the first mark; arrows move; Enter shows that place's event.
    const marks = map.locator('[data-testid="map-mark"]');
    const count = await marks.count();
    await marks.first().focus();
    if (count > 1) {
      await page.keyboard.press('ArrowRight');
      const place = await page.evaluate(() => document.activeElement?.getAttribute('data-place'));
      check(place === await marks.nth(1).getAttribute('data-place'), `ArrowRight moved to ${place}`);
    }
    await damascus.focus();
    await page.keyboard.press('Enter');
    const sentence = await tid('evidence-sentence').innerText();
    check(/Damascus/.test(sentence), `Enter on Damascus showed: ${sentence}`);
    await map.scrollIntoViewIfNeeded();
    await shot('map-KOR-SYR.png');
    log(`  ${count} places on the map`);
  });

  await step('no request left BASE_URL, no script error', async () => {
    check(outside.length === 0, `requests outside ${BASE_URL}:\n  ${outside.join('\n  ')}`);
    check(pageErrors.length === 0, `uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
    check(consoleErrors.length === 0, `console errors:\n  ${consoleErrors.join('\n  ')}`);
  });
}

let code = 0;
try {
  await main();
  log(`${requests.length} requests, all to ${BASE_URL}`);
} catch (e) {
  code = 1;
  const msg = e instanceof Failure ? e.message : (e && e.stack) || String(e);
  console.error(`e2e: FAILED at “${current}”: ${msg}`);
  if (outside.length) console.error(`e2e: requests outside ${BASE_URL}:\n  ${outside.join('\n  ')}`);
  if (pageErrors.length) console.error(`e2e: page errors:\n  ${pageErrors.join('\n  ')}`);
  if (consoleErrors.length) console.error(`e2e: console errors:\n  ${consoleErrors.join('\n  ')}`);
  try {
    const file = path.join(OUT_DIR, 'failure.png');
    await page.screenshot({ path: file, fullPage: true });
    console.error(`e2e: screenshot ${file} (page at ${page.url()})`);
  } catch (err) {
    console.error(`e2e: no failure screenshot: ${err.message}`);
  }
} finally {
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
log(`took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
log(`${passed} passed, ${code ? 1 : 0} failed`);
process.exit(code);
