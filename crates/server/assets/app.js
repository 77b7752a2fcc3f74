// statecraft web page: a state's ties, a dyad's event timeline, and a paste
// box that codes a story. Vanilla JS, no build step, no external requests:
// everything comes from this server's /v1 JSON API.
//
// Routes (hash):
//   #/                         home
//   #/state/KOR?as_of=DATE     a state's ties on a date
//   #/dyad/KOR/SYR?from=&to=   the events between two states
//   #/paste                    code (and store) a pasted story

const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOKEN_KEY = 'statecraft.writeToken';

// CAMEO root categories (the two-digit roots); finer names are not served.
const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate',
  '04': 'Consult', '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation',
  '07': 'Provide aid', '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove',
  '12': 'Reject', '13': 'Threaten', '14': 'Protest', '15': 'Exhibit military posture',
  '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault', '19': 'Fight',
  '20': 'Use unconventional mass violence',
};
const QUAD_CLASSES = {
  1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict',
};
const STATUS_TEXT = {
  established: 'Ties established', restored: 'Ties restored', none: 'No ties',
  severed: 'Ties severed', suspended: 'Ties suspended', special: 'Special relationship',
  unknown: 'No record',
};
const GROUP_TEXT = {
  ties: 'Ties', missing: 'UN member without ties', noties: 'No ties (not a UN member)',
  special: 'Special case',
};

/* ------------------------------------------------------------------ DOM */

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'style' && typeof v === 'object') {
      for (const [p, pv] of Object.entries(v)) el.style.setProperty(p, pv);
    } else if (k === 'value' && 'value' in el) el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  return el;
}

/** Replaces el's children, skipping null/false like h() does. */
function replace(el, ...kids) {
  el.replaceChildren();
  return append(el, kids);
}

/** An HTML element: h('p', {class: 'x'}, 'text', child, [more]). */
function h(tag, attrs, ...kids) {
  return append(setAttrs(document.createElement(tag), attrs), kids);
}

/** An SVG element. */
function s(tag, attrs, ...kids) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), kids);
}

let uid = 0;
const nextId = (p) => `${p}-${++uid}`;

/* ---------------------------------------------------------------- dates */

function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}
function pad2(n) { return String(n).padStart(2, '0'); }
function isIsoDate(v) { return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v); }
function toMs(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}
function fromMs(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
function addDays(iso, n) { return fromMs(toMs(iso) + n * DAY); }

function fmtDate(iso, precision = 'day') {
  if (!isIsoDate(iso)) return iso || '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function fmtRange(a, b, precision = 'day') {
  if (!b || a === b || precision === 'month' || precision === 'year') return fmtDate(a, precision);
  const [ya, ma, da] = a.split('-').map(Number);
  const [yb, mb, db] = b.split('-').map(Number);
  if (ya === yb && ma === mb) return `${da}–${db} ${MONTHS[ma - 1]} ${ya}`;
  if (ya === yb) return `${da} ${MONTHS[ma - 1]} – ${db} ${MONTHS[mb - 1]} ${ya}`;
  return `${fmtDate(a)} – ${fmtDate(b)}`;
}

function timeEl(iso, text) {
  return h('time', { datetime: isIsoDate(iso) ? iso : null }, text ?? fmtDate(iso));
}

/** Dates in a pasted "Published: 11 Feb. 2025, 18:54" line. */
function parseLooseDate(str) {
  const t = str.trim();
  let m = t.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (m) return `${m[1]}-${pad2(m[2])}-${pad2(m[3])}`;
  const month = (w) => {
    const i = MONTHS.findIndex((x) => w.toLowerCase().startsWith(x.toLowerCase()));
    return i < 0 ? null : i + 1;
  };
  m = t.match(/(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/);
  if (m && month(m[2])) return `${m[3]}-${pad2(month(m[2]))}-${pad2(m[1])}`;
  m = t.match(/([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/);
  if (m && month(m[1])) return `${m[3]}-${pad2(month(m[1]))}-${pad2(m[2])}`;
  return null;
}

/* ---------------------------------------------------------------- status */

const statusEl = () => document.getElementById('status');

function setStatus(text, kind = 'info') {
  const el = statusEl();
  if (!el) return;
  el.dataset.kind = kind;
  el.textContent = text || '';
  document.getElementById('main')?.setAttribute('aria-busy', kind === 'busy' ? 'true' : 'false');
}

function errorNotice(err, what) {
  const title = err?.title || 'Something went wrong';
  const detail = err?.detail || err?.message || String(err);
  return h('div', { class: 'notice notice--error', role: 'alert', 'data-testid': 'error' },
    h('p', { class: 'notice__title' }, what ? `${what}: ${title}` : title),
    detail && detail !== title ? h('p', {}, detail) : null,
    err?.status ? h('p', { class: 'muted small' }, `HTTP ${err.status}${err.type && err.type !== 'about:blank' ? ` · ${err.type}` : ''}`) : null);
}

/* ------------------------------------------------------------------- API */

class ApiError extends Error {
  constructor(status, body, fallback) {
    const title = body?.title || fallback || `HTTP ${status}`;
    const detail = body?.detail || '';
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = body?.type;
  }
}

async function api(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'Cannot reach the server', detail: e.message });
  }
  const type = res.headers.get('content-type') || '';
  let data = null;
  if (type.includes('json')) data = await res.json().catch(() => null);
  else data = await res.text().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : null, res.statusText);
  return data;
}

const qs = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, v);
  const str = p.toString();
  return str ? `?${str}` : '';
};

/* ---------------------------------------------------------------- states */

const world = { states: [], byCode: new Map(), byName: new Map(), loaded: false, error: null };

const statesReady = (async () => {
  try {
    const list = await api('/v1/states');
    world.states = (Array.isArray(list) ? list : []).slice().sort((a, b) => a.name.localeCompare(b.name));
    for (const st of world.states) {
      for (const c of [st.cameo, st.iso3, st.cow_abb]) if (c) world.byCode.set(String(c).toUpperCase(), st);
      world.byName.set(st.name.toLowerCase(), st);
      for (const a of aliasesOf(st)) if (!world.byName.has(a.toLowerCase())) world.byName.set(a.toLowerCase(), st);
    }
    world.loaded = true;
    const dl = document.getElementById('state-options') || document.body.appendChild(h('datalist', { id: 'state-options' }));
    dl.replaceChildren(...world.states.map((st) => h('option', { value: st.name }, st.cameo)));
  } catch (e) {
    world.error = e;
  }
})();

function aliasesOf(st) {
  if (Array.isArray(st.aliases)) return st.aliases.filter(Boolean);
  if (typeof st.aliases === 'string') return st.aliases.split('|').filter(Boolean);
  return [];
}

function stateByCode(code) { return code ? world.byCode.get(String(code).toUpperCase()) : undefined; }
function stateName(code) { return stateByCode(code)?.name || code; }
/** The state part of an actor code ("KORGOV" → "KOR"). */
function actorState(actor, explicit) { return explicit || (actor ? actor.slice(0, 3) : ''); }

/** A state from what a person typed: a code, a name, an alias, or "Name (CODE)". */
function resolveState(input) {
  const v = (input || '').trim();
  if (!v) return null;
  const paren = v.match(/\(([A-Za-z]{3})\)\s*$/);
  if (paren && stateByCode(paren[1])) return stateByCode(paren[1]);
  if (stateByCode(v)) return stateByCode(v);
  const lower = v.toLowerCase();
  if (world.byName.has(lower)) return world.byName.get(lower);
  const hits = world.states.filter((st) => st.name.toLowerCase().startsWith(lower));
  if (hits.length === 1) return hits[0];
  const inside = world.states.filter((st) => st.name.toLowerCase().includes(lower));
  if (inside.length === 1) return inside[0];
  if (!world.loaded && /^[A-Za-z]{3}$/.test(v)) return { cameo: v.toUpperCase(), name: v.toUpperCase() };
  return null;
}

/* ---------------------------------------------------------------- router */

let renderSeq = 0;
let firstRender = true;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  const { parts, params } = parseHash();
  const seq = ++renderSeq;
  const view = document.getElementById('view');
  const [name = 'home', ...rest] = parts;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  setStatus('');
  const ctx = { seq, view, params, live: () => seq === renderSeq };
  const views = { home: viewHome, state: viewState, dyad: viewDyad, paste: viewPaste };
  const fn = views[name] || viewNotFound;
  view.replaceChildren();
  view.dataset.view = views[name] ? name : 'not-found';
  Promise.resolve(fn(ctx, ...rest)).catch((e) => {
    if (!ctx.live()) return;
    view.append(errorNotice(e));
    setStatus(e.message || String(e), 'error');
  });
  if (!firstRender) {
    const h1 = view.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }
  firstRender = false;
}

function setTitle(t) { document.title = t ? `${t} · statecraft` : 'statecraft'; }

/* ------------------------------------------------------------ components */

function field(label, control, hint) {
  const id = control.id || (control.id = nextId('f'));
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'field__hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  return h('div', { class: 'field' }, h('label', { for: id, class: 'field__label' }, label), control, hintEl);
}

function fieldError(control, message) {
  const wrap = control.closest('.field');
  wrap.querySelector('.field__error')?.remove();
  const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-err'));
  if (message) {
    const errId = `${control.id}-err`;
    wrap.append(h('p', { class: 'field__error', id: errId }, message));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [...ids, errId].join(' '));
  } else {
    control.removeAttribute('aria-invalid');
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

function stateInput(value, testid, label = 'State') {
  const input = h('input', {
    type: 'text', list: 'state-options', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Code or name, e.g. KOR', value: value || '', 'data-testid': testid,
  });
  return { input, el: field(label, input) };
}

function stateLabel(code) {
  const st = stateByCode(code);
  return st ? `${st.name} (${st.cameo})` : code || '';
}

function goldsteinColor(g) {
  if (g === null || g === undefined || Number.isNaN(Number(g))) return '#8d949e';
  const t = Math.max(-1, Math.min(1, Number(g) / 10));
  const mid = [141, 148, 158];
  const end = t < 0 ? [190, 30, 45] : [24, 96, 178];
  const k = Math.pow(Math.abs(t), 0.75);
  const c = mid.map((m, i) => Math.round(m + (end[i] - m) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function fmtGoldstein(g) {
  if (g === null || g === undefined) return 'n/a';
  const v = Math.round(Number(g) * 10) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;
}

function goldsteinChip(g) {
  return h('span', { class: 'gs', style: { '--gs': goldsteinColor(g) }, title: 'Goldstein score' },
    h('span', { class: 'gs__dot', 'aria-hidden': 'true' }), h('span', { class: 'sr-only' }, 'Goldstein '), fmtGoldstein(g));
}

function goldsteinLegend() {
  const stops = [];
  for (let g = -10; g <= 10; g += 2.5) stops.push(`${goldsteinColor(g)} ${((g + 10) / 20) * 100}%`);
  return h('div', { class: 'gs-legend', 'data-testid': 'goldstein-legend' },
    h('span', { class: 'gs-legend__title' }, 'Goldstein score'),
    h('span', { class: 'gs-legend__bar-wrap' },
      h('span', { class: 'gs-legend__bar', style: { background: `linear-gradient(90deg, ${stops.join(', ')})` }, 'aria-hidden': 'true' }),
      h('span', { class: 'gs-legend__ticks' },
        h('span', {}, '−10 conflict'), h('span', {}, '0'), h('span', {}, '+10 cooperation'))));
}

function eventCodeText(e) {
  const parts = [e.cameo];
  if (e.cameo_name) parts.push(e.cameo_name);
  else if (e.root && CAMEO_ROOTS[e.root]) parts.push(CAMEO_ROOTS[e.root]);
  return parts.join(' · ');
}

function eventDateText(e) {
  if (e.date_precision === 'month' || e.date_precision === 'year') return fmtDate(e.date, e.date_precision);
  return fmtRange(e.date, e.date_end);
}

function sortEvents(events) {
  return events.slice().sort((a, b) =>
    (a.date || '').localeCompare(b.date || '') || (a.date_end || '').localeCompare(b.date_end || '') ||
    (a.story_date || '').localeCompare(b.story_date || '') || (a.story_id || '').localeCompare(b.story_id || '') ||
    (a.sentence ?? 0) - (b.sentence ?? 0) || (a.id ?? 0) - (b.id ?? 0));
}

/* ----------------------------------------------------------- evidence */

const ROLES = [
  { key: 'source', label: 'source', long: 'Source actor', style: 'solid underline' },
  { key: 'target', label: 'target', long: 'Target actor', style: 'double underline' },
  { key: 'verb', label: 'verb', long: 'Verb', style: 'wavy underline' },
];

/** The sentence with its spans (code-point offsets) marked. */
function highlightSentence(text, spans) {
  const cps = Array.from(text || '');
  const marks = [];
  for (const r of ROLES) {
    const sp = spans?.[r.key];
    if (!Array.isArray(sp) || sp.length !== 2) continue;
    const a = Math.max(0, Math.min(cps.length, sp[0] | 0));
    const b = Math.max(0, Math.min(cps.length, sp[1] | 0));
    if (b > a) marks.push({ ...r, a, b });
  }
  const cuts = [...new Set([0, cps.length, ...marks.flatMap((m) => [m.a, m.b])])].sort((x, y) => x - y);
  const out = h('span', { class: 'sentence' });
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i], b = cuts[i + 1];
    const piece = cps.slice(a, b).join('');
    for (const m of marks) {
      if (m.a === a) out.append(h('span', { class: `hl-tag hl-tag--${m.key}` }, m.label));
    }
    const active = marks.filter((m) => m.a <= a && b <= m.b);
    if (!active.length) { out.append(piece); continue; }
    out.append(h('mark', {
      class: ['hl', ...active.map((m) => `hl--${m.key}`)].join(' '),
      'data-testid': active.map((m) => `hl-${m.key}`).join(' '),
      'data-role': active.map((m) => m.key).join(' '),
    }, piece));
  }
  return out;
}

function highlightLegend() {
  return h('ul', { class: 'hl-legend', 'aria-label': 'Highlight key' },
    ROLES.map((r) => h('li', {},
      h('span', { class: `hl-tag hl-tag--${r.key}` }, r.label),
      h('mark', { class: `hl hl--${r.key}` }, r.long), h('span', { class: 'muted small' }, `(${r.style})`))));
}

function actorCell(code, stateCode, origin) {
  const st = actorState(code, stateCode);
  const name = stateName(st);
  return h('span', { class: 'actor' },
    h('code', {}, code || '—'),
    name && name !== code ? h('span', { class: 'muted' }, ` ${name}`) : null,
    origin?.evidence ? h('span', { class: 'actor__inferred' },
      ` — inferred from “${origin.evidence.text}” (sentence ${origin.evidence.sentence})`) : null);
}

function evidencePanel(id, level = 'h2') {
  const panel = h('section', { class: 'evidence card', id, 'data-testid': 'evidence', 'aria-labelledby': `${id}-h` },
    h(level, { id: `${id}-h`, class: 'card__title' }, 'Evidence'),
    h('p', { class: 'muted evidence__empty' }, 'Choose an event to see the sentence it was coded from.'));
  panel.show = (e) => {
    showEvidence(panel, id, e, level);
    // In the one-column layout the panel may be far below the list.
    const r = panel.getBoundingClientRect();
    if (r.top > window.innerHeight - 80 || r.bottom < 80) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      panel.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
  };
  return panel;
}

function showEvidence(panel, id, e, level) {
  const rows = [
    ['Source → target', h('span', {}, actorCell(e.source, e.source_state, e.source_actor), h('span', { class: 'arrow', 'aria-label': 'to' }, ' → '),
      actorCell(e.target, e.target_state, e.target_actor))],
    ['Event code', h('span', {}, h('code', { 'data-testid': 'evidence-code' }, e.cameo),
      e.cameo_name ? ` ${e.cameo_name}` : e.root && CAMEO_ROOTS[e.root] ? h('span', { class: 'muted' }, ` root ${e.root}: ${CAMEO_ROOTS[e.root]}`) : null)],
    e.plover ? ['PLOVER', e.plover] : null,
    e.quad_class ? ['Quad class', `${e.quad_class} · ${QUAD_CLASSES[e.quad_class] || ''}`] : null,
    ['Goldstein', goldsteinChip(e.goldstein)],
    ['Date', h('span', {}, timeEl(e.date, e.date_end && e.date_end !== e.date ? fmtRange(e.date, e.date_end) : fmtDate(e.date, e.date_precision)),
      e.date_text ? h('span', { class: 'muted' }, ` — the text says “${e.date_text}”`) : null,
      e.date_precision === 'story' ? h('span', { class: 'muted' }, ' (story date: the text gives none)') : null)],
    ['Modality', e.modality ? h('span', { class: 'pill pill--modal' }, e.modality) : h('span', { class: 'muted' }, 'reported as happened')],
    ['Story', h('span', {}, h('code', {}, e.story_id || '—'), e.story_date ? h('span', { class: 'muted' }, ` published ${fmtDate(e.story_date)}`) : null)],
    ['Sentence', h('span', {}, String(e.sentence ?? '—'), h('span', { class: 'muted' }, ' (counting from 0)'))],
    e.pattern ? ['Pattern', h('code', {}, e.pattern)] : null,
  ].filter(Boolean);
  replace(panel,
    h(level, { id: `${id}-h`, class: 'card__title' }, 'Evidence'),
    h('blockquote', { class: 'evidence__sentence', 'data-testid': 'evidence-sentence' }, highlightSentence(e.text, e.spans)),
    highlightLegend(),
    h('dl', { class: 'facts' }, rows.map(([k, v]) => h('div', { class: 'facts__row' }, h('dt', {}, k), h('dd', {}, v)))));
}

/** A list of event buttons that drive an evidence panel. */
function eventButton(e, i, { onSelect, testid }) {
  const snippet = e.text && e.text.length > 150 ? `${e.text.slice(0, 147)}…` : e.text;
  return h('button', {
    type: 'button', class: 'event', 'data-testid': testid, 'data-index': i,
    'aria-controls': 'evidence', onclick: () => onSelect(i),
  },
  h('span', { class: 'event__top' },
    h('span', { class: 'event__date' }, timeEl(e.date, eventDateText(e))),
    goldsteinChip(e.goldstein),
    e.modality ? h('span', { class: 'pill pill--modal' }, e.modality) : null),
  h('span', { class: 'event__dyad' }, h('code', {}, e.source), h('span', { class: 'arrow' }, ' → '), h('code', {}, e.target),
    h('span', { class: 'event__code' }, ` ${eventCodeText(e)}`),
    e.plover && e.plover.toLowerCase() !== (CAMEO_ROOTS[e.root] || '').toLowerCase() ? h('span', { class: 'muted small' }, ` · PLOVER ${e.plover}`) : null),
  snippet ? h('span', { class: 'event__text' }, snippet) : null);
}

/* ---------------------------------------------------------------- home */

async function viewHome({ view }) {
  setTitle('');
  const form = stateFormCard({ code: '', asOf: isoToday(), compact: true });
  view.append(
    h('section', { class: 'hero' },
      h('div', { class: 'hero__text' },
        h('h1', {}, 'Who has ties with whom — and since when'),
        h('p', { class: 'lead' },
          'statecraft reads international news, codes who-did-what-to-whom as CAMEO events with the sentence behind each one, ',
          'and keeps a dated record of diplomatic ties between states. Look up a state on any date, follow two states over time, ',
          'or paste a story to see how it is coded.')),
      h('ul', { class: 'quick', 'aria-label': 'Quick actions' },
        quickCard('#/state/KOR?as_of=2025-02-11', 'South Korea as of 11 Feb 2025', 'Its partners on that date, and the UN members it has no ties with.', 'quick-state', 'net'),
        quickCard('#/dyad/KOR/SYR', 'South Korea – Syria timeline', 'Every coded event between Seoul and Damascus, with its evidence.', 'quick-dyad', 'time'),
        quickCard('#/paste', 'Paste a story', 'Code a news story and see each event highlighted in the text.', 'quick-paste', 'paste'))),
    h('div', { class: 'home-grid' },
      form,
      h('section', { class: 'card steps', 'aria-labelledby': 'how-h' },
        h('h2', { id: 'how-h', class: 'card__title' }, 'How it works'),
        h('ol', {},
          h('li', {}, h('strong', {}, 'Code. '), 'Each sentence is read for a source, a verb and a target; actors are resolved as of the event’s date.'),
          h('li', {}, h('strong', {}, 'Store. '), 'Stories and their events go into the database with a write token.'),
          h('li', {}, h('strong', {}, 'Explore. '), 'Ties are resolved on any date from reference data and coded events, with their sources.')))));
}

function quickCard(href, title, text, testid, icon) {
  const icons = {
    net: [s('circle', { cx: 20, cy: 20, r: 5 }), s('circle', { cx: 7, cy: 9, r: 3 }), s('circle', { cx: 33, cy: 9, r: 3 }),
      s('circle', { cx: 33, cy: 31, r: 3 }), s('circle', { cx: 7, cy: 31, r: 3, class: 'hollow' })],
    time: [s('line', { x1: 3, y1: 30, x2: 37, y2: 30 }), s('rect', { x: 6, y: 18, width: 12, height: 6, rx: 3 }),
      s('circle', { cx: 26, cy: 21, r: 3.5 }), s('rect', { x: 14, y: 9, width: 18, height: 6, rx: 3 })],
    paste: [s('rect', { x: 8, y: 5, width: 24, height: 30, rx: 3, class: 'hollow' }), s('line', { x1: 13, y1: 13, x2: 27, y2: 13 }),
      s('line', { x1: 13, y1: 19, x2: 27, y2: 19 }), s('line', { x1: 13, y1: 25, x2: 22, y2: 25 })],
  };
  return h('li', {}, h('a', { class: 'quick__card', href, 'data-testid': testid },
    s('svg', { class: 'quick__icon', viewBox: '0 0 40 40', 'aria-hidden': 'true', focusable: 'false' }, icons[icon]),
    h('span', { class: 'quick__title' }, title), h('span', { class: 'quick__text' }, text)));
}

function viewNotFound({ view }) {
  setTitle('Not found');
  view.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is nothing at this address. ', h('a', { href: '#/' }, 'Go home'), '.'));
}

/* --------------------------------------------------------------- state */

function stateFormCard({ code, asOf, compact }) {
  const { input, el: stateField } = stateInput(code ? stateLabel(code) : '', 'state-input');
  const date = h('input', { type: 'date', value: asOf || isoToday(), required: true, 'data-testid': 'asof-input' });
  const form = h('form', {
    class: `card picker${compact ? ' picker--compact' : ''}`, role: 'search', 'aria-label': 'Choose a state and date',
    'data-testid': 'state-form', novalidate: true,
  },
  compact ? h('h2', { class: 'card__title' }, 'Open a state') : null,
  h('div', { class: 'picker__row' },
    stateField,
    field('As of', date),
    h('div', { class: 'field field--action' }, h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'state-submit' }, 'Show ties'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    await statesReady;
    const st = resolveState(input.value);
    fieldError(input, st ? null : input.value.trim() ? `No state matches “${input.value.trim()}”. Type a code such as KOR or a name from the list.` : 'Type a state code or name.');
    fieldError(date, isIsoDate(date.value) ? null : 'Choose a date.');
    if (!st) { input.focus(); return; }
    if (!isIsoDate(date.value)) { date.focus(); return; }
    go(`#/state/${encodeURIComponent(st.cameo)}${qs({ as_of: date.value })}`);
  });
  statesReady.then(() => { if (code && input.value === code) input.value = stateLabel(code); });
  return form;
}

async function viewState(ctx, rawCode) {
  const { view, params } = ctx;
  const asOf = isIsoDate(params.get('as_of')) ? params.get('as_of') : isoToday();
  await statesReady;
  if (!ctx.live()) return;
  // A name or alias in the address works too: #/state/South%20Korea.
  const code = rawCode ? (stateByCode(rawCode) || resolveState(rawCode) || { cameo: rawCode.toUpperCase() }).cameo : '';
  const st = stateByCode(code);
  const name = st?.name || code;
  setTitle(code ? `${name} as of ${fmtDate(asOf)}` : 'States');
  const head = h('div', { class: 'page-head' },
    h('p', { class: 'eyebrow' }, 'State'),
    h('h1', {}, code ? name : 'Choose a state'),
    code ? h('p', { class: 'page-head__sub' }, `Diplomatic ties as of ${fmtDate(asOf)}`, st?.capital ? ` · capital ${st.capital}` : '',
      st?.un_admission ? ` · UN member since ${fmtDate(st.un_admission)}` : st ? ' · not a UN member' : '') : null);
  view.append(head, stateFormCard({ code, asOf }));
  if (!code) {
    view.append(h('p', { class: 'muted empty' }, 'Type a state’s code (KOR) or name (South Korea) and a date, then choose “Show ties”.'));
    return;
  }
  const body = h('div', { class: 'loading-block', 'aria-hidden': 'true' }, h('span', { class: 'spinner' }), 'Loading ties…');
  view.append(body);
  setStatus(`Loading the ties of ${name} as of ${fmtDate(asOf)}…`, 'busy');
  const c = encodeURIComponent(code);
  let ties, missing;
  try {
    [ties, missing] = await Promise.all([
      api(`/v1/ties/${c}${qs({ as_of: asOf })}`),
      api(`/v1/ties/${c}${qs({ as_of: asOf, missing: 'true' })}`),
    ]);
  } catch (e) {
    if (!ctx.live()) return;
    body.replaceWith(errorNotice(e, `Could not load the ties of ${name}`));
    setStatus(`Could not load the ties of ${name}: ${e.message}`, 'error');
    return;
  }
  if (!ctx.live()) return;
  const model = stateModel(code, asOf, ties, missing);
  body.replaceWith(stateBody(model));
  setStatus(`${name} as of ${fmtDate(asOf)}: ties with ${model.withTies} of ${model.unMembers} UN members; ` +
    `${model.missingList.length} without ties; ${model.special.length} shown apart.`);
  loadRecent(ctx, model);
  loadStatePlaces(ctx, model);
}

function stateModel(code, asOf, ties, missing) {
  const missingCodes = new Set((missing?.missing || []).map((m) => m.partner));
  const partners = new Map();
  for (const t of ties?.ties || []) {
    const group = t.status === 'special' ? 'special'
      : t.status === 'established' || t.status === 'restored' ? 'ties'
        : missingCodes.has(t.partner) ? 'missing' : 'noties';
    partners.set(t.partner, { ...t, group });
  }
  for (const m of missing?.missing || []) {
    if (partners.has(m.partner)) { partners.get(m.partner).group = 'missing'; continue; }
    const t = m.known ? { ...m.known } : { partner: m.partner, name: m.name, status: 'unknown', from: null, start: null, provenance: null, conflicts: [] };
    partners.set(m.partner, { ...t, group: 'missing' });
  }
  for (const sp of missing?.special || []) {
    if (!partners.has(sp.partner)) partners.set(sp.partner, { ...sp, group: 'special' });
    else partners.get(sp.partner).group = 'special';
  }
  const list = [...partners.values()].sort((a, b) => (a.name || a.partner).localeCompare(b.name || b.partner));
  const missingList = list.filter((p) => p.group === 'missing');
  const special = list.filter((p) => p.group === 'special');
  const unMembers = missing?.un_members ?? list.length;
  return {
    code, asOf, name: stateName(code), list, missingList, special,
    unMembers, withTies: Math.max(0, unMembers - missingList.length - (missing?.special || []).length),
    counts: { ties: list.filter((p) => p.group === 'ties').length, missing: missingList.length, noties: list.filter((p) => p.group === 'noties').length, special: special.length },
    embassies: Array.isArray(ties?.embassies) ? ties.embassies : null,
  };
}

function dyadHref(a, b, asOf) { return `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}${qs({ to: asOf })}`; }

function whenText(p) {
  if (!p.from) return '—';
  const d = fmtDate(p.from.date, p.from.precision);
  return p.start === 'since' ? `since ${d}` : p.start === 'as_of' ? `as of ${d}` : d;
}

function provenanceNode(pv) {
  if (!pv) return h('span', { class: 'muted' }, 'no source has a record');
  if (pv.kind === 'event') {
    return h('span', {}, 'Coded event ', h('code', {}, pv.cameo), ' in story ', h('code', {}, pv.story_id), ` (sentence ${pv.sentence})`,
      pv.text ? h('span', { class: 'source__quote' }, `“${pv.text}”`) : null);
  }
  return h('span', {}, pv.source || pv.kind, pv.record ? h('span', { class: 'source__record' }, pv.record) : null);
}

function statusBadge(p) {
  const st = p.status || 'unknown';
  return h('span', { class: `badge badge--${p.group}`, 'data-status': st },
    h('span', { class: 'badge__dot', 'aria-hidden': 'true' }), STATUS_TEXT[st] || st);
}

function conflictsNode(p) {
  if (!p.conflicts?.length) return null;
  return h('details', { class: 'conflicts' },
    h('summary', {}, `${p.conflicts.length} disagreeing source${p.conflicts.length > 1 ? 's' : ''}`),
    h('ul', {}, p.conflicts.map((c) => h('li', {}, `${STATUS_TEXT[c.status] || c.status} ${whenText(c)} — `, provenanceNode(c.provenance)))));
}

function stateBody(m) {
  const wrap = h('div', { class: 'state-body' });
  const stats = h('ul', { class: 'stats', 'aria-label': 'Summary' },
    stat(`${m.withTies} / ${m.unMembers}`, 'UN members with ties', 'ties'),
    stat(String(m.missingList.length), 'UN members without ties', 'missing'),
    stat(String(m.special.length), 'special cases, shown apart', 'special'),
    stat(String(m.list.length), 'partners on record', 'all'));
  const { svg, highlight } = networkSvg(m);
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    legendItem('ties', 'Ties: established or restored', m.counts.ties),
    legendItem('missing', 'UN member without ties', m.counts.missing),
    m.counts.noties ? legendItem('noties', 'No ties, not a UN member', m.counts.noties) : null,
    legendItem('special', 'Special case, shown apart', m.counts.special));
  const figure = h('figure', { class: 'card network' },
    h('h2', { class: 'card__title' }, 'Network'),
    svg, legend,
    h('figcaption', { class: 'muted small' }, 'Partners sit on the ring in alphabetical order, clockwise from the top. ',
      'Hover a dot, or a row in the lists, to name it; the lists are the same data in text.'));

  const missingSection = h('section', { class: 'card', 'aria-labelledby': 'missing-h' },
    h('h2', { id: 'missing-h', class: 'card__title' }, 'Missing ties ', h('span', { class: 'muted' }, '(UN members without ties)')),
    m.missingList.length
      ? h('ul', { class: 'plist plist--missing', 'data-testid': 'missing-list' }, m.missingList.map((p) => partnerItem(m, p)))
      : h('p', { class: 'muted', 'data-testid': 'missing-list' }, `${m.name} has ties with every UN member on this date.`));
  const specialSection = h('section', { class: 'card', 'aria-labelledby': 'special-h' },
    h('h2', { id: 'special-h', class: 'card__title' }, 'Special cases, shown apart'),
    m.special.length
      ? h('ul', { class: 'plist plist--special', 'data-testid': 'special-list' }, m.special.map((p) => partnerItem(m, p)))
      : h('p', { class: 'muted', 'data-testid': 'special-list' }, 'None.'));

  const table = partnersTable(m);
  const side = h('div', { class: 'state-side' }, missingSection, specialSection);
  const recent = h('section', { class: 'card recent', 'aria-labelledby': 'recent-h', 'data-testid': 'recent' },
    h('h2', { id: 'recent-h', class: 'card__title' }, 'Coded events, last 12 months'),
    h('p', { class: 'muted' }, 'Loading…'));
  side.append(table, recent);
  if (m.embassies?.length) side.append(embassiesCard(m));
  const places = h('div', { class: 'state-places', 'data-testid': 'state-places' },
    h('section', { class: 'card' }, h('h2', { class: 'card__title' }, 'Where its events happened'), h('p', { class: 'muted' }, 'Loading…')));
  wrap.append(stats, h('div', { class: 'state-grid' }, figure, side), places);

  // Hovering or focusing a partner anywhere names it in the picture.
  const hot = (ev) => {
    const el = ev.target.closest?.('[data-partner]');
    highlight(el && wrap.contains(el) && !el.closest('svg') ? el.dataset.partner : null);
  };
  for (const t of ['mouseover', 'focusin']) wrap.addEventListener(t, hot);
  wrap.addEventListener('mouseleave', () => highlight(null));
  return wrap;
}

function stat(value, label, kind) {
  return h('li', { class: `stat stat--${kind}` }, h('span', { class: 'stat__value' }, value), h('span', { class: 'stat__label' }, label));
}

function swatch(group) {
  const shapes = {
    ties: s('circle', { cx: 8, cy: 8, r: 4.5, class: 'node__dot node--ties' }),
    missing: [s('circle', { cx: 8, cy: 8, r: 7, class: 'node__halo' }), s('circle', { cx: 8, cy: 8, r: 4.5, class: 'node__dot node--missing' })],
    noties: s('circle', { cx: 8, cy: 8, r: 4, class: 'node__dot node--noties' }),
    special: s('rect', { x: 3.5, y: 3.5, width: 9, height: 9, transform: 'rotate(45 8 8)', class: 'node__dot node--special' }),
  };
  return s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, class: `swatch group--${group}`, 'aria-hidden': 'true', focusable: 'false' }, shapes[group]);
}

function legendItem(group, text, n) {
  return h('li', { class: `legend__item group--${group}` }, swatch(group), h('span', {}, text), h('span', { class: 'legend__n' }, String(n)));
}

function partnerItem(m, p) {
  return h('li', { class: 'plist__item', 'data-partner': p.partner, 'data-testid': `partner-${p.partner}` },
    h('div', { class: 'plist__main' },
      h('a', { href: dyadHref(m.code, p.partner, m.asOf), 'data-testid': 'partner-link', class: 'plist__name' }, p.name || p.partner),
      h('code', { class: 'muted' }, p.partner), statusBadge(p), h('span', { class: 'muted small' }, whenText(p))),
    h('p', { class: 'plist__source small' }, provenanceNode(p.provenance)),
    conflictsNode(p));
}

function partnersTable(m) {
  const filter = h('input', { type: 'search', placeholder: 'Name or code', 'data-testid': 'partner-filter' });
  const groupSel = h('select', { 'data-testid': 'partner-group' },
    h('option', { value: '' }, 'All partners'), h('option', { value: 'ties' }, 'With ties'),
    h('option', { value: 'without' }, 'Without ties'), h('option', { value: 'special' }, 'Special cases'));
  const count = h('p', { class: 'muted small table-count', 'aria-live': 'polite' });
  const tbody = h('tbody', {});
  // Sources repeat across rows: number them once, as notes under the table.
  const sources = new Map();
  const sourceCell = (pv) => {
    if (!pv || pv.kind !== 'reference') return provenanceNode(pv);
    if (!sources.has(pv.source)) sources.set(pv.source, sources.size + 1);
    const n = sources.get(pv.source);
    return h('span', { title: `${pv.source}${pv.record ? ` (${pv.record})` : ''}` }, h('span', { class: 'note-ref' }, `[${n}]`), ' ',
      pv.record ? h('code', { class: 'muted' }, pv.record.split('/').pop()) : null);
  };
  const rows = m.list.map((p) => {
    const row = h('tr', { 'data-partner': p.partner, 'data-group': p.group, 'data-testid': 'partner-row' },
      h('th', { scope: 'row' }, h('a', { href: dyadHref(m.code, p.partner, m.asOf), title: `Timeline: ${m.name} – ${p.name}` }, p.name || p.partner),
        ' ', h('code', { class: 'muted' }, p.partner)),
      h('td', {}, statusBadge(p), h('span', { class: 'cell-when' }, p.from ? timeEl(p.from.date, whenText(p)) : '—'), conflictsNode(p)),
      h('td', { class: 'source' }, sourceCell(p.provenance)));
    row._key = `${p.name} ${p.partner}`.toLowerCase();
    return row;
  });
  tbody.append(...rows);
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    const g = groupSel.value;
    let n = 0;
    for (const r of rows) {
      const grp = r.dataset.group;
      const okG = !g || (g === 'without' ? grp === 'missing' || grp === 'noties' : grp === g);
      const ok = okG && (!q || r._key.includes(q));
      r.hidden = !ok;
      if (ok) n++;
    }
    count.textContent = `Showing ${n} of ${rows.length} partners`;
  };
  filter.addEventListener('input', apply);
  groupSel.addEventListener('change', apply);
  apply();
  return h('section', { class: 'card partners', 'aria-labelledby': 'partners-h' },
    h('div', { class: 'partners__head' },
      h('h2', { id: 'partners-h', class: 'card__title' }, 'Partners'),
      h('div', { class: 'partners__filters' }, field('Filter', filter), field('Show', groupSel))),
    count,
    h('div', { class: 'table-wrap table-wrap--scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'partners-h' },
      h('table', { class: 'table', 'data-testid': 'partners-table' },
        h('caption', { class: 'sr-only' }, `Partners of ${m.name} as of ${fmtDate(m.asOf)}, with status, date and source; each name links to the pair’s timeline`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Status, since / as of'),
          h('th', { scope: 'col' }, 'Source'))),
        tbody)),
    sources.size ? h('div', { class: 'notes' }, h('h3', { class: 'subhead' }, 'Sources'),
      h('ol', { class: 'notes__list' }, [...sources.keys()].map((src) => h('li', {}, src)))) : null);
}

function embassiesCard(m) {
  // EmbassyFact: {sender, host, open, from, provenance}
  const item = (e) => h('li', { 'data-partner': e.sender === m.code ? e.host : e.sender },
    e.sender === m.code ? `In ${stateName(e.host)}` : `${stateName(e.sender)}’s, in ${stateName(e.host)}`,
    ' ', h('span', { class: `pill pill--${e.open ? 'gained' : 'lost'}` }, e.open ? 'open' : 'closed'),
    e.from ? h('span', { class: 'muted small' }, ` ${e.open ? 'since' : 'from'} ${fmtDate(e.from.date, e.from.precision)}`) : null,
    e.provenance ? h('span', { class: 'plist__source small' }, provenanceNode(e.provenance)) : null);
  const sends = m.embassies.filter((e) => e.sender === m.code);
  const hosts = m.embassies.filter((e) => e.sender !== m.code);
  const group = (title, list) => {
    if (!list.length) return null;
    const ul = h('ul', { class: 'simple-list' }, list.map(item));
    return list.length > 6
      ? h('details', { class: 'emb-group' }, h('summary', {}, title), ul)
      : [h('h3', { class: 'subhead' }, title), ul];
  };
  return h('section', { class: 'card', 'aria-labelledby': 'emb-h', 'data-testid': 'embassies' },
    h('h2', { id: 'emb-h', class: 'card__title' }, 'Embassies'),
    group(`${m.name}’s embassies abroad (${sends.length})`, sends),
    group(`Embassies in ${m.name} (${hosts.length})`, hosts));
}

/** The state's stored events (as source or target, at most 1,000 each) on
 * the places map, with an evidence panel for the chosen one. */
async function loadStatePlaces(ctx, m) {
  const holder = document.querySelector('[data-testid="state-places"]');
  if (!holder) return;
  let pages;
  try {
    pages = await Promise.all([
      api(`/v1/events${qs({ source: m.code, to: m.asOf, limit: 1000 })}`),
      api(`/v1/events${qs({ target: m.code, to: m.asOf, limit: 1000 })}`),
    ]);
  } catch (e) {
    if (!ctx.live()) return;
    replace(holder, h('p', { class: 'muted' }, `No map of places: ${e.message}`));
    return;
  }
  if (!ctx.live()) return;
  const seen = new Set();
  const events = sortEvents(pages.flatMap((p) => p?.events || []).filter((e) => !seen.has(e.id) && seen.add(e.id)));
  const panel = evidencePanel('state-evidence');
  replace(holder, h('div', { class: 'split' },
    placesMap(events, (i) => panel.show(events[i]), `Where ${m.name}’s events happened`, 'state-evidence'),
    h('div', { class: 'split__side' }, panel)));
}

async function loadRecent(ctx, m) {
  const card = document.querySelector('[data-testid="recent"]');
  if (!card) return;
  const from = addDays(m.asOf, -365);
  let n;
  try {
    n = await api(`/v1/network/${encodeURIComponent(m.code)}${qs({ from, to: m.asOf })}`);
  } catch (e) {
    if (!ctx.live()) return;
    replace(card, card.firstChild, h('p', { class: 'muted' }, `No event summary: ${e.message}`));
    return;
  }
  if (!ctx.live()) return;
  const balance = (n.balance || []).slice().sort((a, b) => b.events - a.events || Math.abs(b.net) - Math.abs(a.net)).slice(0, 8);
  // A change whose fact says when it began ("since") is a real change; an
  // "as of" fact first observed in the window only says ties were seen then.
  const all = [...(n.gained || []).map((t) => ['gained', t]), ...(n.lost || []).map((t) => ['lost', t])];
  const changes = all.filter(([, t]) => t.start !== 'as_of');
  const observed = all.length - changes.length;
  const changeItem = ([k, t]) => h('li', { 'data-partner': t.partner }, h('span', { class: `pill pill--${k}` }, k), ' ',
    h('a', { href: dyadHref(m.code, t.partner, m.asOf) }, t.name || t.partner), ` ${STATUS_TEXT[t.status] || t.status} ${whenText(t)}`);
  replace(card, card.firstChild,
    h('p', { class: 'muted small' }, `${fmtDate(n.from || from)} – ${fmtDate(n.to || m.asOf)}`,
      typeof n.net_balance === 'number' ? [' · net Goldstein ', goldsteinChip(n.net_balance)] : null),
    changes.length ? h('h3', { class: 'subhead' }, `Ties gained or lost (${changes.length})`) : null,
    changes.length ? h('ul', { class: 'simple-list' }, changes.slice(0, 6).map(changeItem)) : null,
    changes.length > 6 ? h('details', { class: 'emb-group' }, h('summary', {}, `${changes.length - 6} more`),
      h('ul', { class: 'simple-list' }, changes.slice(6).map(changeItem))) : null,
    observed ? h('p', { class: 'muted small' }, `${observed} tie${observed > 1 ? 's were' : ' was'} first recorded in this period by a source that observed ${observed > 1 ? 'them' : 'it'}, without saying when ${observed > 1 ? 'they' : 'it'} began.`) : null,
    balance.length
      ? h('table', { class: 'table table--compact' },
        h('caption', { class: 'sr-only' }, 'Coded events by partner'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col', class: 'num' }, 'Events'), h('th', { scope: 'col', class: 'num' }, 'Net Goldstein'))),
        h('tbody', {}, balance.map((b) => h('tr', { 'data-partner': b.partner },
          h('th', { scope: 'row' }, h('a', { href: dyadHref(m.code, b.partner, m.asOf) }, b.name || b.partner)),
          h('td', { class: 'num' }, String(b.events)), h('td', { class: 'num' }, goldsteinChip(b.net))))))
      : h('p', { class: 'muted' }, 'No coded events with another state in this period.'));
}

/* --------------------------------------------------------- network SVG */

function networkSvg(m) {
  const W = 760, H = 640, cx = W / 2, cy = H / 2;
  const R1 = 226, R2 = 244, RS = 112;
  const ring = m.list.filter((p) => p.group !== 'special');
  const n = Math.max(ring.length, 1);
  const nodes = new Map();
  const angleOf = (i) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  ring.forEach((p, i) => {
    const a = angleOf(i);
    const r = p.group === 'ties' ? (i % 2 ? R2 : R1) : (R1 + R2) / 2;
    nodes.set(p.partner, { p, a, r, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
  });
  m.special.forEach((p, i) => {
    const a = -Math.PI / 4 + i * (Math.PI / 7);
    nodes.set(p.partner, { p, a, r: RS, x: cx + RS * Math.cos(a), y: cy + RS * Math.sin(a) });
  });

  const lines = s('g', { class: 'net__lines' });
  const dots = s('g', { class: 'net__nodes' });
  const labels = s('g', { class: 'net__labels' });
  const hover = s('g', { class: 'net__hover' });
  for (const nd of nodes.values()) {
    const { p } = nd;
    if (p.group === 'ties') lines.append(s('line', { x1: cx, y1: cy, x2: nd.x, y2: nd.y, class: 'net__line' }));
    if (p.group === 'special') lines.append(s('line', { x1: cx, y1: cy, x2: nd.x, y2: nd.y, class: 'net__line net__line--special' }));
    const g = s('g', { class: `node group--${p.group}`, 'data-node': p.partner });
    if (p.group === 'missing') g.append(s('circle', { cx: nd.x, cy: nd.y, r: 11, class: 'node__halo' }));
    if (p.group === 'special') {
      g.append(s('rect', { x: nd.x - 7, y: nd.y - 7, width: 14, height: 14, transform: `rotate(45 ${nd.x} ${nd.y})`, class: 'node__dot node--special' }));
    } else {
      g.append(s('circle', { cx: nd.x, cy: nd.y, r: p.group === 'missing' ? 6 : p.group === 'noties' ? 4 : 3.6, class: `node__dot node--${p.group}` }));
    }
    g.append(s('circle', { cx: nd.x, cy: nd.y, r: 9, class: 'node__hit' }));
    g.append(s('title', {}, `${p.name} (${p.partner}): ${STATUS_TEXT[p.status] || p.status}${p.group === 'missing' ? ', UN member' : ''}`));
    g.addEventListener('mouseenter', () => highlight(p.partner));
    g.addEventListener('mouseleave', () => highlight(null));
    g.addEventListener('click', () => go(dyadHref(m.code, p.partner, m.asOf)));
    dots.append(g);
    nd.el = g;
  }

  // Fixed labels for the notable partners, nudged outwards when they collide.
  const placed = [];
  const labelFor = (nd, cls, extra = 0) => {
    const { p, a } = nd;
    const cos = Math.cos(a), sin = Math.sin(a);
    const anchor = nd.p.group === 'special' ? 'start' : cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
    const text = p.name || p.partner;
    const w = text.length * 7.2 + 4, hgt = 15;
    for (const bump of [0, 16, 32, 48, 64]) {
      const r = (p.group === 'special' ? nd.r + 14 : R2 + 16) + bump + extra;
      let x = cx + r * cos, y = cy + r * sin;
      if (p.group === 'special') { x = nd.x + 14; y = nd.y; }
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box = { x0, x1: x0 + w, y0: y - hgt / 2, y1: y + hgt / 2 };
      if (box.x0 < 2 || box.x1 > W - 2 || box.y0 < 2 || box.y1 > H - 2) continue;
      if (cls !== 'hot' && placed.some((b) => !(box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1))) continue;
      if (cls !== 'hot') placed.push(box);
      const t = s('text', { x, y, 'text-anchor': anchor, 'dominant-baseline': 'central', class: `net__label net__label--${cls}` }, text);
      const lead = bump > 0 && p.group !== 'special'
        ? s('line', { x1: nd.x + (R2 + 6 - nd.r) * cos, y1: nd.y + (R2 + 6 - nd.r) * sin, x2: cx + (r - 4) * cos, y2: cy + (r - 4) * sin, class: 'net__leader' })
        : null;
      return [lead, t];
    }
    return null;
  };
  const notable = [...nodes.values()].filter((nd) => nd.p.group === 'missing' || nd.p.group === 'special');
  const fixed = new Set();
  if (notable.length <= 40) {
    for (const nd of notable) {
      const lab = labelFor(nd, nd.p.group);
      if (lab) { labels.append(...lab.filter(Boolean)); fixed.add(nd.p.partner); }
    }
  }

  const centre = s('g', { class: 'net__centre' },
    s('circle', { cx, cy, r: 34, class: 'net__centre-dot' }),
    s('text', { x: cx, y: cy, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'net__centre-code' }, m.code),
    s('text', { x: cx, y: cy + 52, 'text-anchor': 'middle', class: 'net__centre-name' }, m.name));

  const summary = `Network of ${m.name}’s diplomatic ties as of ${fmtDate(m.asOf)}: ties with ${m.withTies} of ${m.unMembers} UN members. ` +
    (m.missingList.length ? `UN members without ties (${m.missingList.length}): ${m.missingList.map((p) => p.name).join(', ')}. ` : 'No UN member without ties. ') +
    (m.special.length ? `Shown apart as special cases: ${m.special.map((p) => p.name).join(', ')}.` : '');
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'net', role: 'img', 'aria-label': summary, 'data-testid': 'network-svg',
  },
  s('circle', { cx, cy, r: (R1 + R2) / 2, class: 'net__track' }),
  m.special.length ? s('circle', { cx, cy, r: RS, class: 'net__track net__track--inner' }) : null,
  lines, centre, dots, labels, hover);

  let current = null;
  function highlight(code) {
    if (code === current) return;
    current = code;
    hover.replaceChildren();
    dots.querySelectorAll('.node--hot').forEach((el) => el.classList.remove('node--hot'));
    const nd = code && nodes.get(code);
    if (!nd) return;
    nd.el.classList.add('node--hot');
    hover.append(s('circle', { cx: nd.x, cy: nd.y, r: 10, class: 'net__ring' }));
    if (!fixed.has(code)) {
      const lab = labelFor(nd, 'hot', 0);
      if (lab) hover.append(...lab.filter(Boolean));
    }
    hover.append(s('line', { x1: cx, y1: cy, x2: nd.x, y2: nd.y, class: 'net__line net__line--hot' }));
  }
  return { svg, highlight };
}

/* ---------------------------------------------------------------- dyad */

async function viewDyad(ctx, rawA, rawB) {
  const { view, params } = ctx;
  await statesReady;
  if (!ctx.live()) return;
  const norm = (raw) => (raw ? (stateByCode(raw) || resolveState(raw) || { cameo: raw.toUpperCase() }).cameo : '');
  const a = norm(rawA), b = norm(rawB);
  const from = isIsoDate(params.get('from')) ? params.get('from') : '';
  const to = isIsoDate(params.get('to')) ? params.get('to') : '';
  const nameA = stateName(a), nameB = stateName(b);
  setTitle(a && b ? `${nameA} – ${nameB}` : 'Timelines');
  view.append(
    h('div', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, 'Timeline'),
      h('h1', {}, a && b ? `${nameA} – ${nameB}` : 'Choose two states'),
      a && b ? h('p', { class: 'page-head__sub' }, 'Coded events between the two, ',
        from || to ? `${from ? `from ${fmtDate(from)}` : ''}${from && to ? ' ' : ''}${to ? `up to ${fmtDate(to)}` : ''}` : 'all dates',
        ' · ', h('a', { href: `#/state/${encodeURIComponent(a)}${qs({ as_of: to })}` }, `${nameA}’s ties`),
        ' · ', h('a', { href: `#/state/${encodeURIComponent(b)}${qs({ as_of: to })}` }, `${nameB}’s ties`)) : null),
    dyadForm(a, b, from, to));
  if (!a || !b) {
    view.append(h('p', { class: 'muted empty' }, 'Pick two states, and optionally a period, then choose “Show timeline”.'));
    return;
  }
  const holder = h('div', { class: 'loading-block', 'aria-hidden': 'true' }, h('span', { class: 'spinner' }), 'Loading events…');
  view.append(holder);
  setStatus(`Loading events between ${nameA} and ${nameB}…`, 'busy');
  let data;
  try {
    data = await api(`/v1/timeline/${encodeURIComponent(a)}/${encodeURIComponent(b)}${qs({ from, to })}`);
  } catch (e) {
    if (!ctx.live()) return;
    holder.replaceWith(errorNotice(e, 'Could not load the timeline'));
    setStatus(`Could not load the timeline: ${e.message}`, 'error');
    return;
  }
  if (!ctx.live()) return;
  const events = sortEvents(data?.events || []);
  if (!events.length) {
    holder.replaceWith(h('div', { class: 'card empty-state', 'data-testid': 'timeline-empty' },
      h('h2', { class: 'card__title' }, 'No coded events'),
      h('p', {}, `No stored story has an event between ${nameA} and ${nameB}${from || to ? ' in this period' : ''}. `,
        h('a', { href: '#/paste' }, 'Paste a story'), ' to add some.')));
    setStatus(`No events between ${nameA} and ${nameB}.`);
    return;
  }
  holder.replaceWith(dyadBody(a, b, events));
  setStatus(`${events.length} event${events.length > 1 ? 's' : ''} between ${nameA} and ${nameB}, ${fmtDate(events[0].date)} to ${fmtDate(events.at(-1).date_end || events.at(-1).date)}.`);
}

function dyadForm(a, b, from, to) {
  const A = stateInput(a ? stateLabel(a) : '', 'dyad-a', 'First state');
  const B = stateInput(b ? stateLabel(b) : '', 'dyad-b', 'Second state');
  const fromI = h('input', { type: 'date', value: from, 'data-testid': 'dyad-from' });
  const toI = h('input', { type: 'date', value: to, 'data-testid': 'dyad-to' });
  const swap = h('button', { type: 'button', class: 'btn', 'data-testid': 'dyad-swap', title: 'Swap the two states' }, '⇄ Swap');
  swap.addEventListener('click', () => { const t = A.input.value; A.input.value = B.input.value; B.input.value = t; });
  const form = h('form', { class: 'card picker', role: 'search', 'aria-label': 'Choose two states and a period', novalidate: true, 'data-testid': 'dyad-form' },
    h('div', { class: 'picker__row' }, A.el, B.el, field('From', fromI), field('To', toI),
      h('div', { class: 'field field--action' }, h('div', { class: 'btn-row' },
        h('button', { type: 'submit', class: 'btn btn--primary' }, 'Show timeline'), swap))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    await statesReady;
    const sa = resolveState(A.input.value), sb = resolveState(B.input.value);
    fieldError(A.input, sa ? null : 'Type a state code or name.');
    fieldError(B.input, sb ? null : 'Type a state code or name.');
    if (!sa) return A.input.focus();
    if (!sb) return B.input.focus();
    go(`#/dyad/${encodeURIComponent(sa.cameo)}/${encodeURIComponent(sb.cameo)}${qs({ from: fromI.value, to: toI.value })}`);
  });
  return form;
}

function dyadBody(a, b, events) {
  const gs = events.map((e) => e.goldstein).filter((g) => typeof g === 'number');
  const mean = gs.length ? gs.reduce((x, y) => x + y, 0) / gs.length : null;
  const coop = gs.filter((g) => g > 0).length, confl = gs.filter((g) => g < 0).length;
  const stories = new Set(events.map((e) => e.story_id)).size;
  const panel = evidencePanel('evidence');
  const listButtons = [];
  const select = (i, { focusMark = false } = {}) => {
    panel.show(events[i]);
    listButtons.forEach((btn, j) => btn.setAttribute('aria-current', j === i ? 'true' : 'false'));
    chart.select(i, focusMark);
    const e = events[i];
    setStatus(`Evidence for ${e.source} → ${e.target}, ${e.cameo}, ${eventDateText(e)}.`);
  };
  const chart = timelineSvg(events, (i) => select(i));
  const list = h('ol', { class: 'events', 'data-testid': 'event-list', 'aria-label': 'Events in date order' },
    events.map((e, i) => {
      const btn = eventButton(e, i, { onSelect: (j) => select(j), testid: 'event-item' });
      listButtons.push(btn);
      return h('li', {}, btn);
    }));
  return h('div', { class: 'dyad-body' },
    h('ul', { class: 'stats', 'aria-label': 'Summary' },
      stat(String(events.length), `event${events.length > 1 ? 's' : ''} in ${stories} stor${stories > 1 ? 'ies' : 'y'}`, 'all'),
      stat(mean === null ? 'n/a' : fmtGoldstein(mean), 'mean Goldstein', 'gs'),
      stat(String(coop), 'cooperative', 'ties'),
      stat(String(confl), 'conflictual', 'missing')),
    h('figure', { class: 'card chart' },
      h('h2', { class: 'card__title' }, 'Events over time'),
      chart.el,
      h('div', { class: 'chart__legend' }, goldsteinLegend(),
        h('ul', { class: 'legend legend--inline', 'aria-label': 'Mark shapes' },
          h('li', { class: 'legend__item' }, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('circle', { cx: 8, cy: 8, r: 6, fill: '#5d6673' })), 'one day'),
          h('li', { class: 'legend__item' }, s('svg', { viewBox: '0 0 28 16', width: 28, height: 16, 'aria-hidden': 'true' }, s('rect', { x: 1, y: 3, width: 26, height: 10, rx: 5, fill: '#5d6673' })), 'a date range'),
          h('li', { class: 'legend__item' }, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('circle', { cx: 8, cy: 8, r: 5.5, fill: '#fff', stroke: '#5d6673', 'stroke-width': 2.2, 'stroke-dasharray': '3 2' })), 'intended, hypothetical or negated'))),
      h('figcaption', { class: 'muted small' }, 'Each mark is an event; use Tab to reach the chart, arrow keys to move between marks, Enter to show the evidence.')),
    placesMap(events, (i) => select(i)),
    h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-labelledby': 'events-h' },
        h('h2', { id: 'events-h', class: 'card__title' }, 'Events'), list),
      h('div', { class: 'split__side' }, panel)));
}

/* ------------------------------------------------------------ places map */

// Country outlines (Natural Earth 1:110m, public domain, via world-atlas),
// projected once by scripts/world-map: equirectangular, 1000 x 500.
let worldOutlines = null;
function loadWorld() {
  worldOutlines ||= fetch('/assets/world.json').then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  }).catch((e) => { worldOutlines = null; throw e; });
  return worldOutlines;
}
const MAP_W = 1000, MAP_H = 500;
const mapX = (lon) => (lon + 180) / 360 * MAP_W;
const mapY = (lat) => (90 - lat) / 180 * MAP_H;

/** Events grouped by place: a point for a city or region, a whole country
 * (shaded, never a point) for a country-level place. Most events first. */
function placeGroups(events) {
  const groups = new Map();
  events.forEach((e, i) => {
    const l = e.location;
    if (!l || !l.country) return;
    const point = typeof l.lat === 'number' && typeof l.lon === 'number';
    const key = point ? `p|${l.name}|${l.country}|${l.lat}|${l.lon}` : `c|${l.country}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, point, name: point ? l.name : stateName(l.country), country: l.country, lat: l.lat, lon: l.lon, events: [] };
      groups.set(key, g);
    }
    g.events.push(i);
  });
  return [...groups.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name));
}

function placeText(g) {
  const n = g.events.length;
  return `${g.name}${g.point ? `, ${stateName(g.country)}` : ' (the whole country)'}: ${n} event${n > 1 ? 's' : ''}`;
}

/** A card with the events' places on a world map, and the same as a list.
 * onSelect(i) shows event i; marks take Tab, arrow keys and Enter. */
function placesMap(events, onSelect, title = 'Where', evidenceId = 'evidence') {
  const groups = placeGroups(events);
  const card = h('figure', { class: 'card map', 'data-testid': 'places-map' }, h('h2', { class: 'card__title' }, title));
  if (!groups.length) {
    card.append(h('p', { class: 'muted', 'data-testid': 'map-empty' }, 'No event here names a place.'));
    return card;
  }
  const holder = h('div', { class: 'map__holder' }, h('span', { class: 'muted small' }, 'Loading the map…'));
  card.append(holder,
    h('ul', { class: 'legend legend--inline', 'aria-label': 'Map marks' },
      h('li', { class: 'legend__item' }, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('circle', { cx: 8, cy: 8, r: 5, class: 'map__point' })), 'a city or region'),
      h('li', { class: 'legend__item' }, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('rect', { x: 2, y: 3, width: 12, height: 10, class: 'map__land map__land--event' })), 'a whole country (no point)')),
    h('figcaption', { class: 'muted small' }, 'Use Tab to reach the map, arrow keys to move between places, Enter to show the first event there.'),
    h('ul', { class: 'simple-list', 'data-testid': 'place-list', 'aria-label': 'Places' }, groups.map((g) => h('li', {}, placeText(g)))));
  loadWorld().then((world) => replace(holder, mapSvg(world, groups, onSelect, evidenceId)))
    .catch((e) => replace(holder, h('p', { class: 'muted' }, `No map: ${e.message}`)));
  return card;
}

function mapSvg(world, groups, onSelect, evidenceId) {
  const land = s('g', { class: 'map__lands', 'aria-hidden': 'true' });
  const marks = s('g', { class: 'map__marks' });
  const countryGroups = new Map(groups.filter((g) => !g.point).map((g) => [g.country, g]));
  for (const [code, c] of Object.entries(world)) {
    if (!countryGroups.has(code)) land.append(s('path', { d: c.d, class: 'map__land' }, s('title', {}, c.name)));
  }
  const markEls = groups.map((g, i) => {
    const shape = g.point
      ? s('circle', { cx: mapX(g.lon).toFixed(1), cy: mapY(g.lat).toFixed(1), r: (4 + 2 * Math.sqrt(g.events.length)).toFixed(1), class: 'map__point' })
      : s('path', { d: world[g.country]?.d || '', class: 'map__land map__land--event' });
    const el = s('g', {
      class: 'map__mark', role: 'button', tabindex: i === 0 ? 0 : -1, 'data-testid': 'map-mark',
      'data-place': g.name, 'aria-label': placeText(g), 'aria-controls': evidenceId,
    }, s('title', {}, placeText(g)), shape);
    el.addEventListener('click', () => onSelect(g.events[0]));
    el.addEventListener('keydown', (ev) => {
      const k = ev.key;
      if (k === 'Enter' || k === ' ') { ev.preventDefault(); onSelect(g.events[0]); return; }
      let j = null;
      if (k === 'ArrowRight' || k === 'ArrowDown') j = Math.min(groups.length - 1, i + 1);
      else if (k === 'ArrowLeft' || k === 'ArrowUp') j = Math.max(0, i - 1);
      else if (k === 'Home') j = 0;
      else if (k === 'End') j = groups.length - 1;
      if (j !== null) {
        ev.preventDefault();
        markEls.forEach((m, n) => m.setAttribute('tabindex', n === j ? 0 : -1));
        markEls[j].focus();
      }
    });
    return el;
  });
  // Shaded countries under the points.
  markEls.forEach((el, i) => (groups[i].point ? null : marks.append(el)));
  markEls.forEach((el, i) => (groups[i].point ? marks.append(el) : null));
  return s('svg', {
    viewBox: `0 0 ${MAP_W} ${MAP_H}`, class: 'map__svg', role: 'group', 'data-testid': 'map-svg',
    'aria-label': `World map of ${groups.length} place${groups.length > 1 ? 's' : ''} where the events happened`,
  }, s('rect', { x: 0, y: 0, width: MAP_W, height: MAP_H, class: 'map__sea' }), land, marks);
}

function timelineSvg(events, onSelect) {
  // Drawn at the width it will have, so that its text stays at its set size.
  const avail = (document.getElementById('view')?.clientWidth || 1000) - 44;
  const W = Math.round(Math.max(640, Math.min(1400, avail))), L = 24, R = 24, T = 14, laneH = 30, axisH = 34;
  const starts = events.map((e) => toMs(e.date));
  const ends = events.map((e) => toMs(e.date_end && e.date_end >= e.date ? e.date_end : e.date) + DAY);
  let d0 = Math.min(...starts), d1 = Math.max(...ends);
  const pad = Math.max(DAY, (d1 - d0) * 0.05);
  d0 -= pad; d1 += pad;
  const x = (t) => L + ((t - d0) / (d1 - d0)) * (W - L - R);

  // Lay marks out in lanes so that marks and their labels do not overlap.
  const laneEnds = [];
  const laid = events.map((e, i) => {
    const single = (e.date_end || e.date) === e.date || e.date_precision === 'story';
    const xa = single ? x(starts[i] + DAY / 2) - 7 : x(starts[i]);
    const xb = single ? xa + 14 : Math.max(x(ends[i]), xa + 14);
    const label = `${e.cameo} ${e.source}→${e.target}`;
    const reach = xb + 8 + label.length * 6.6;
    let lane = laneEnds.findIndex((end) => end + 6 < xa);
    if (lane < 0) {
      if (laneEnds.length < 24) { lane = laneEnds.length; laneEnds.push(0); } else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = reach;
    return { e, i, single, xa, xb, lane, label, showLabel: reach < W - 2 };
  });
  const lanes = Math.max(1, laneEnds.length);
  const H = T + lanes * laneH + axisH;
  const axisY = T + lanes * laneH + 6;

  const grid = s('g', { class: 'tl__grid' });
  const axis = s('g', { class: 'tl__axis' }, s('line', { x1: L, x2: W - R, y1: axisY, y2: axisY, class: 'tl__axis-line' }));
  for (const tk of timeTicks(d0, d1)) {
    const tx = x(tk.t);
    if (tx < L || tx > W - R) continue;
    grid.append(s('line', { x1: tx, x2: tx, y1: T - 6, y2: axisY, class: 'tl__gridline' }));
    axis.append(s('line', { x1: tx, x2: tx, y1: axisY, y2: axisY + 5, class: 'tl__tick' }),
      s('text', { x: tx, y: axisY + 19, 'text-anchor': 'middle', class: 'tl__tick-label' }, tk.label));
  }
  const marks = s('g', { class: 'tl__marks' });
  const markEls = laid.map((m) => {
    const { e } = m;
    const y = T + m.lane * laneH + laneH / 2;
    const color = goldsteinColor(e.goldstein);
    const modal = !!e.modality;
    const shape = m.single
      ? s('circle', { cx: m.xa + 7, cy: y, r: 7, class: 'mark__shape' })
      : s('rect', { x: m.xa, y: y - 8, width: m.xb - m.xa, height: 16, rx: 8, class: 'mark__shape' });
    // Presentation attributes, not style="": the server's CSP forbids inline styles.
    if (modal) setAttrs(shape, { fill: '#fff', stroke: color, 'stroke-width': 2.5, 'stroke-dasharray': '4 3' });
    else setAttrs(shape, { fill: color });
    const g = s('g', {
      class: `mark${modal ? ' mark--modal' : ''}`, role: 'button', tabindex: m.i === 0 ? 0 : -1,
      'aria-label': `${eventDateText(e)}: ${e.source} to ${e.target}, ${eventCodeText(e)}, Goldstein ${fmtGoldstein(e.goldstein)}${modal ? `, ${e.modality}` : ''}`,
      'data-testid': 'event-mark', 'data-index': m.i, 'aria-controls': 'evidence',
    },
    s('title', {}, `${eventDateText(e)} · ${e.source} → ${e.target} · ${eventCodeText(e)} · Goldstein ${fmtGoldstein(e.goldstein)}`),
    shape,
    m.showLabel ? s('text', { x: m.xb + 6, y, 'dominant-baseline': 'central', class: 'mark__label' }, m.label) : null);
    g.addEventListener('click', () => onSelect(m.i));
    g.addEventListener('keydown', (ev) => {
      const k = ev.key;
      if (k === 'Enter' || k === ' ') { ev.preventDefault(); onSelect(m.i); return; }
      let j = null;
      if (k === 'ArrowRight' || k === 'ArrowDown') j = Math.min(events.length - 1, m.i + 1);
      else if (k === 'ArrowLeft' || k === 'ArrowUp') j = Math.max(0, m.i - 1);
      else if (k === 'Home') j = 0;
      else if (k === 'End') j = events.length - 1;
      if (j !== null) { ev.preventDefault(); focusMark(j); }
    });
    marks.append(g);
    return g;
  });
  function focusMark(j) {
    markEls.forEach((el, k) => el.setAttribute('tabindex', k === j ? 0 : -1));
    markEls[j].focus();
  }
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'tl', role: 'group', 'data-testid': 'timeline-svg',
    'aria-label': `Timeline of ${events.length} events from ${fmtDate(events[0].date)} to ${fmtDate(fromMs(Math.max(...ends) - DAY))}, coloured by Goldstein score`,
  }, grid, axis, marks);
  return {
    el: h('div', { class: 'tl-wrap' }, svg),
    select(i, focus) {
      markEls.forEach((el, k) => {
        el.classList.toggle('mark--selected', k === i);
        el.setAttribute('aria-pressed', k === i ? 'true' : 'false');
        el.setAttribute('tabindex', k === i ? 0 : -1);
      });
      if (focus) markEls[i].focus();
    },
  };
}

function timeTicks(d0, d1) {
  const spanDays = (d1 - d0) / DAY;
  const steps = [[1, 'd'], [2, 'd'], [7, 'd'], [14, 'd'], [1, 'm'], [2, 'm'], [3, 'm'], [6, 'm'], [1, 'y'], [2, 'y'], [5, 'y'], [10, 'y'], [20, 'y'], [50, 'y']];
  const unitDays = { d: 1, m: 30.44, y: 365.25 };
  const [n, u] = steps.find(([k, unit]) => spanDays / (k * unitDays[unit]) <= 9) || steps.at(-1);
  const out = [];
  const start = new Date(d0);
  let y = start.getUTCFullYear(), mo = start.getUTCMonth();
  if (u === 'd') {
    let t = Date.UTC(y, mo, start.getUTCDate() + 1);
    let first = true;
    for (; t <= d1; t += n * DAY) {
      const d = new Date(t);
      out.push({ t, label: first || (d.getUTCMonth() === 0 && d.getUTCDate() <= n) ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
      first = false;
    }
  } else if (u === 'm') {
    mo += 1;
    while (mo % n) mo += 1;
    for (let t = Date.UTC(y, mo, 1); t <= d1; mo += n, t = Date.UTC(y, mo, 1)) {
      const d = new Date(t);
      out.push({ t, label: d.getUTCMonth() === 0 || !out.length ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()] });
    }
  } else {
    y += 1;
    while (y % n) y += 1;
    for (let t = Date.UTC(y, 0, 1); t <= d1; y += n, t = Date.UTC(y, 0, 1)) out.push({ t, label: String(y) });
  }
  return out;
}

/* --------------------------------------------------------------- paste */

/** Splits a story pasted as copied (headline, "Published:" line, "-",
 *  paragraphs) the way the server's plain-story reader does. */
function splitPlainStory(raw) {
  const text = raw.replace(/^\ufeff/, '');
  let title = null, date = null, dateLine = false;
  const paragraphs = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (const l of lines) {
    const line = l.trim();
    if (!line || /^[-—–*=_]+$/.test(line)) continue;
    if (!dateLine) {
      const m = line.match(/^(published|date|dated|posted|updated|published on)\s*:(.*)$/i);
      if (m && paragraphs.length <= 1) {
        const d = parseLooseDate(m[2]);
        if (d) { date = d; dateLine = true; continue; }
      }
    }
    if (title === null && !paragraphs.length && !dateLine) title = line;
    else paragraphs.push(line);
  }
  if (!dateLine) return null;
  // A headline line seen before the date line is the title.
  return { title, date, text: paragraphs.join('\n') };
}

function viewPaste({ view }) {
  setTitle('Paste a story');
  const idI = h('input', { type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. seoul-damascus-2025-02-11', 'data-testid': 'story-id' });
  const dateI = h('input', { type: 'date', required: true, value: isoToday(), 'data-testid': 'story-date' });
  const titleI = h('input', { type: 'text', autocomplete: 'off', placeholder: 'Optional headline', 'data-testid': 'story-title' });
  const textI = h('textarea', { rows: 14, required: true, spellcheck: 'false', placeholder: 'Paste the story here…', 'data-testid': 'story-text' });
  let dateTouched = false;
  dateI.addEventListener('input', () => { dateTouched = true; });
  const codeBtn = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'code-button' }, 'Code');
  const clearBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'clear-button' }, 'Clear');
  const form = h('form', { class: 'card paste-form', 'aria-labelledby': 'paste-h', novalidate: true, 'data-testid': 'paste-form' },
    h('h2', { id: 'paste-h', class: 'card__title' }, 'Story'),
    h('div', { class: 'grid-3' }, field('Story id', idI), field('Date', dateI), field('Title', titleI)),
    field('Text', textI, 'Paste it as copied: a headline and a “Published: 11 Feb. 2025” line at the top are recognised and moved into Title and Date.'),
    h('div', { class: 'btn-row' }, codeBtn, clearBtn));

  const tokenI = h('input', { type: 'password', autocomplete: 'off', 'data-testid': 'token-input', value: sessionStorage.getItem(TOKEN_KEY) || '' });
  tokenI.addEventListener('input', () => {
    if (tokenI.value) sessionStorage.setItem(TOKEN_KEY, tokenI.value);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  const storeBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'store-button' }, 'Store');
  const storeResult = h('div', { class: 'store-result', 'data-testid': 'store-result', 'aria-live': 'polite' });
  const storeCard = h('section', { class: 'card store', 'aria-labelledby': 'store-h' },
    h('h2', { id: 'store-h', class: 'card__title' }, 'Store in the database'),
    h('div', { class: 'store__row' },
      field('Write token', tokenI, 'Kept in this tab only (session storage).'),
      h('div', { class: 'field field--action' }, storeBtn)),
    storeResult);
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-h', 'data-testid': 'code-results', hidden: true });

  view.append(
    h('div', { class: 'page-head' }, h('p', { class: 'eyebrow' }, 'Code'), h('h1', {}, 'Paste a story'),
      h('p', { class: 'page-head__sub' }, 'Code a news story into events, see the evidence for each, and store it.')),
    h('div', { class: 'paste-grid' }, form, storeCard),
    results);

  const story = () => {
    const split = splitPlainStory(textI.value);
    if (split) {
      textI.value = split.text;
      if (!titleI.value.trim() && split.title) titleI.value = split.title;
      if (!dateTouched && split.date) dateI.value = split.date;
      setStatus(`Recognised the headline${split.date ? ` and the date (${fmtDate(split.date)})` : ''}; the text now holds the story’s paragraphs.`);
    }
    const body = { id: idI.value.trim(), date: dateI.value, text: textI.value.trim() };
    if (titleI.value.trim()) body.title = titleI.value.trim();
    fieldError(idI, body.id ? null : 'Give the story an id.');
    fieldError(dateI, isIsoDate(body.date) ? null : 'Choose the story’s date.');
    fieldError(textI, body.text ? null : 'Paste the story’s text.');
    const bad = !body.id ? idI : !isIsoDate(body.date) ? dateI : !body.text ? textI : null;
    if (bad) { bad.focus(); return null; }
    return body;
  };

  clearBtn.addEventListener('click', () => {
    idI.value = ''; titleI.value = ''; textI.value = ''; dateI.value = isoToday(); dateTouched = false;
    results.hidden = true; replace(results); replace(storeResult); delete storeResult.dataset.state;
    setStatus('Cleared.');
    idI.focus();
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = story();
    if (!body) return;
    codeBtn.disabled = true;
    codeBtn.textContent = 'Coding…';
    setStatus('Coding the story…', 'busy');
    try {
      const res = await api('/v1/code', { method: 'POST', body });
      const events = (res?.events || []).map((e) => ({ ...e, story_id: e.story_id || body.id, story_date: e.story_date || body.date }));
      showCoded(results, body, events);
      setStatus(`Coded ${events.length} event${events.length === 1 ? '' : 's'}.`);
    } catch (e) {
      results.hidden = false;
      replace(results, errorNotice(e, 'Could not code the story'));
      setStatus(`Could not code the story: ${e.message}`, 'error');
    } finally {
      codeBtn.disabled = false;
      codeBtn.textContent = 'Code';
    }
  });

  storeBtn.addEventListener('click', async () => {
    const body = story();
    if (!body) return;
    storeBtn.disabled = true;
    storeResult.dataset.state = 'busy';
    replace(storeResult, h('p', { class: 'muted' }, 'Storing…'));
    setStatus('Storing the story…', 'busy');
    try {
      const res = await api('/v1/stories', { method: 'POST', body, token: tokenI.value.trim() || undefined });
      const n = Array.isArray(res?.events) ? res.events.length : typeof res?.story?.events === 'number' ? res.story.events : 0;
      const word = { stored: 'Stored', replaced: 'Replaced', unchanged: 'Unchanged' }[res?.put] || res?.put || 'Stored';
      const dyads = new Map();
      for (const e of res?.events || []) {
        const sa = actorState(e.source, e.source_state), sb = actorState(e.target, e.target_state);
        if (sa && sb && sa !== sb && stateByCode(sa) && stateByCode(sb)) {
          const key = [sa, sb].sort().join('/');
          if (!dyads.has(key)) dyads.set(key, [sa, sb]);
        }
      }
      storeResult.dataset.state = 'ok';
      replace(storeResult, h('div', { class: 'notice notice--ok' },
        h('p', { class: 'notice__title' }, `${word}: story `, h('code', {}, res?.story?.story_id || body.id), ` with ${n} event${n === 1 ? '' : 's'}.`),
        res?.put === 'unchanged' ? h('p', {}, 'The same text was already stored; nothing changed.') : null,
        res?.story?.hash ? h('p', { class: 'muted small' }, 'Hash ', h('code', {}, res.story.hash.slice(0, 16)), '…') : null,
        dyads.size ? h('p', {}, 'Timelines: ', [...dyads.values()].slice(0, 8).flatMap(([x, y], k) => [k ? ', ' : '', h('a', { href: `#/dyad/${x}/${y}` }, `${stateName(x)} – ${stateName(y)}`)])) : null));
      setStatus(`${word}: story ${body.id}, ${n} events.`);
    } catch (e) {
      storeResult.dataset.state = 'error';
      replace(storeResult, errorNotice(e, e.status === 401 ? 'Not stored — a write token is needed' : 'Not stored'));
      setStatus(`Not stored: ${e.message}`, 'error');
    } finally {
      storeBtn.disabled = false;
    }
  });
}

function showCoded(results, body, events) {
  results.hidden = false;
  const sorted = events.slice().sort((a, b) => (a.sentence ?? 0) - (b.sentence ?? 0));
  if (!sorted.length) {
    replace(results, h('div', { class: 'card empty-state' },
      h('h2', { id: 'results-h', class: 'card__title' }, 'No events'),
      h('p', {}, 'The coder found no who-did-what-to-whom event between states in this text.')));
    return;
  }
  // Find each coded sentence in the text, in order.
  const text = body.text;
  const found = [];
  const lost = [];
  let cursor = 0;
  const bySentence = new Map();
  for (const e of sorted) {
    if (!bySentence.has(e.sentence)) bySentence.set(e.sentence, { text: e.text, events: [] });
    bySentence.get(e.sentence).events.push(e);
  }
  for (const [idx, sInfo] of [...bySentence.entries()].sort((x, y) => x[0] - y[0])) {
    let at = text.indexOf(sInfo.text, cursor);
    if (at < 0) at = text.indexOf(sInfo.text);
    if (at < 0 || !sInfo.text) { lost.push(idx); continue; }
    found.push({ idx, a: at, b: at + sInfo.text.length, n: sInfo.events.length });
    cursor = at + sInfo.text.length;
  }
  found.sort((x, y) => x.a - y.a);
  const article = h('div', { class: 'story-text', 'data-testid': 'story-rendered' });
  let p = h('p', {});
  article.append(p);
  const sentEls = new Map();
  const addText = (str) => {
    const parts = str.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) { p = h('p', {}); article.append(p); }
      if (part) p.append(part);
    });
  };
  let pos = 0;
  for (const f of found) {
    if (f.a < pos) continue;
    addText(text.slice(pos, f.a));
    const mark = h('mark', { class: 'sent', 'data-sentence': f.idx, 'data-testid': 'coded-sentence' },
      h('span', { class: 'sent__n', title: `Sentence ${f.idx}, ${f.n} event${f.n > 1 ? 's' : ''}` },
        h('span', { class: 'sr-only' }, 'Sentence '), String(f.idx), h('span', { class: 'sr-only' }, `, ${f.n} events: `)),
      text.slice(f.a, f.b));
    p.append(mark);
    sentEls.set(f.idx, mark);
    pos = f.b;
  }
  addText(text.slice(pos));

  const panel = evidencePanel('evidence', 'h3');
  const buttons = [];
  const select = (i) => {
    const e = sorted[i];
    panel.show(e);
    buttons.forEach((b, j) => b.setAttribute('aria-current', j === i ? 'true' : 'false'));
    sentEls.forEach((el) => el.classList.remove('sent--current'));
    const el = sentEls.get(e.sentence);
    if (el) { el.classList.add('sent--current'); }
    setStatus(`Evidence for ${e.source} → ${e.target}, ${e.cameo}, sentence ${e.sentence}.`);
  };
  const list = h('ol', { class: 'events events--compact', 'data-testid': 'coded-events', 'aria-label': 'Coded events' },
    sorted.map((e, i) => {
      const btn = eventButton({ ...e, text: null }, i, { onSelect: select, testid: 'coded-event' });
      btn.querySelector('.event__top').append(h('span', { class: 'muted small' }, `sentence ${e.sentence}`));
      buttons.push(btn);
      return h('li', {}, btn);
    }));
  replace(results, 
    h('h2', { id: 'results-h', class: 'section-title' }, `Coded events `, h('span', { class: 'count', 'data-testid': 'event-count' }, String(sorted.length))),
    h('div', { class: 'split split--paste' },
      h('article', { class: 'card', 'aria-labelledby': 'story-h' },
        h('h3', { id: 'story-h', class: 'card__title' }, body.title || body.id, h('span', { class: 'muted small' }, ` · ${fmtDate(body.date)}`)),
        h('p', { class: 'muted small' }, `${found.length} coded sentence${found.length === 1 ? '' : 's'} highlighted; the small number is the sentence’s index.`),
        article,
        lost.length ? h('p', { class: 'muted small' }, `Sentences ${lost.join(', ')} were coded but could not be found verbatim in the text.`) : null),
      h('div', { class: 'split__side' },
        h('section', { class: 'card', 'aria-labelledby': 'coded-h' }, h('h3', { id: 'coded-h', class: 'card__title' }, 'Events'), list),
        panel)));
}

/* ------------------------------------------------------------------ boot */

document.addEventListener('click', (ev) => {
  const skip = ev.target.closest?.('[data-skip]');
  if (!skip) return;
  ev.preventDefault();
  const main = document.getElementById('main');
  main.focus();
  main.scrollIntoView();
});

window.addEventListener('hashchange', () => {
  if (location.hash && !location.hash.startsWith('#/')) return;
  route();
});

statesReady.then(() => {
  if (world.error) setStatus(`Could not load the list of states: ${world.error.message}`, 'error');
});

route();
