// The operator console: plain JavaScript, no build step, no dependencies. State comes from /console/api/state,
// live changes from the server-sent events at /console/api/events.
'use strict';

const API = '/console/api';
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
let csrf = null;
let tools = [];
let selected = null;

const $ = (selector) => document.querySelector(selector);

/** Builds an element: el('td', {class: 'x'}, 'text', child...). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers);
  if (options.method && options.method !== 'GET') headers['X-Console-Csrf'] = csrf;
  const response = await fetch(API + path, Object.assign({}, options, {headers, credentials: 'same-origin'}));
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  return {status: response.status, body};
}

async function loadState() {
  const {status, body} = await api('/state');
  if (status !== 200) {
    $('#summary').textContent = status === 401 ? 'not signed in: open /console?token=<token>' : 'unavailable';
    return;
  }
  csrf = body.csrf;
  tools = body.tools;
  renderPlugins(body.plugins);
  renderTools();
  renderSessions(body.sessions);
  renderAudit(body.audit);
  const broken = body.plugins.filter((p) => p.problem).length;
  $('#summary').textContent = `${body.plugins.length} plugin files, ${tools.length} tools, ` +
      `${body.sessions.length} sessions` + (broken ? `, ${broken} not serving` : '');
}

function renderPlugins(plugins) {
  $('#plugins tbody').replaceChildren(...plugins.map((p) => el('tr', {'data-file': p.file},
      el('td', {class: 'mono'}, p.file),
      el('td', {class: 'state state-' + p.state}, p.state),
      el('td', {}, p.symbolicName || ''),
      el('td', {}, p.version || ''),
      el('td', {class: 'mono'}, p.namespace || ''),
      el('td', {class: 'mono', title: p.sha256 || ''}, (p.sha256 || '').slice(0, 12)),
      el('td', {}, p.serves.length ? el('details', {}, el('summary', {}, `${p.serves.length} features`),
          el('div', {class: 'mono'}, p.serves.join(', '))) : ''),
      el('td', {class: 'problem'}, [p.problem, ...Object.entries(p.refused || {}).map(([k, v]) => `${k}: ${v}`),
        p.health && p.health.state !== 'UP' ? `health ${p.health.state}` : null].filter(Boolean).join('; ')),
      el('td', {}, el('button', {class: 'remove', 'data-file': p.file, type: 'button'}, 'Remove')))));
}

function renderTools() {
  const words = $('#tool-search').value.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = tools.filter((t) => {
    const text = [t.name, t.title, t.description, ...t.tags].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  $('#tools').replaceChildren(...matching.map((t) => el('li',
      {'data-tool': t.name, class: selected === t.name ? 'selected' : null},
      el('span', {class: 'mono'}, t.name), ' ', t.tags.map((tag) => el('span', {class: 'tag'}, tag)))));
  if (selected && !tools.some((t) => t.name === selected)) {
    selected = null;
    $('#tool-detail').replaceChildren(el('p', {class: 'hint'}, 'The tool is no longer served.'));
  }
}

function showTool(name) {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return;
  selected = name;
  renderTools();
  const form = toolForm(tool);
  $('#tool-detail').replaceChildren(
      el('h3', {}, tool.title || tool.name),
      el('p', {}, tool.description || ''),
      el('p', {}, `plugin ${tool.plugin}, namespace ${tool.namespace}`, ' ',
          tool.tags.map((tag) => el('span', {class: 'tag'}, tag)),
          Object.entries(tool.hints || {}).filter(([, v]) => v).map(([k]) => el('span', {class: 'tag'}, k))),
      form,
      el('div', {id: 'tool-result'}),
      el('details', {}, el('summary', {}, 'input schema'), el('pre', {}, JSON.stringify(tool.inputSchema, null, 2))),
      tool.outputSchema ? el('details', {}, el('summary', {}, 'output schema'),
          el('pre', {}, JSON.stringify(tool.outputSchema, null, 2))) : '');
}

/** A form with one field per property of the tool's input schema. */
function toolForm(tool) {
  const schema = tool.inputSchema || {};
  const required = new Set(schema.required || []);
  const fields = Object.entries(schema.properties || {}).map(([name, property]) => {
    const label = `${name}${required.has(name) ? ' *' : ''}` + (property.description ? ` (${property.description})` : '');
    return el('label', {}, label, field(name, property, required.has(name)));
  });
  const form = el('form', {class: 'tool-form', id: 'tool-form'}, fields, el('button', {type: 'submit'}, 'Call'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    callTool(tool, form);
  });
  return form;
}

function field(name, property, required) {
  const common = {name, 'data-type': property.type || 'json', required};
  if (Array.isArray(property.enum)) {
    return el('select', common, required ? [] : [el('option', {value: ''}, '')],
        property.enum.map((v) => el('option', {value: v, selected: v === property.default}, v)));
  }
  switch (property.type) {
    case 'boolean': return el('input', Object.assign(common, {type: 'checkbox', checked: property.default === true}));
    case 'integer':
    case 'number': return el('input', Object.assign(common, {type: 'number', step: property.type === 'integer' ? 1 : 'any',
      min: property.minimum, max: property.maximum, value: property.default}));
    case 'string': return el('input', Object.assign(common, {type: 'text', value: property.default}));
    default: return el('textarea', Object.assign(common, {rows: 3, placeholder: 'JSON'}),
        property.default !== undefined ? JSON.stringify(property.default) : '');
  }
}

/** The arguments the form says, or throws with the field that is not valid JSON. */
function argumentsOf(form) {
  const args = {};
  for (const input of form.querySelectorAll('[name]')) {
    const type = input.dataset.type;
    if (type === 'boolean') {
      args[input.name] = input.checked;
    } else if (input.value !== '') {
      if (type === 'integer' || type === 'number') args[input.name] = Number(input.value);
      else if (type === 'string' || input.tagName === 'SELECT') args[input.name] = input.value;
      else {
        try { args[input.name] = JSON.parse(input.value); } catch (e) { throw new Error(`${input.name} is not valid JSON`); }
      }
    }
  }
  return args;
}

async function callTool(tool, form) {
  const out = $('#tool-result');
  let args;
  try { args = argumentsOf(form); } catch (e) { out.replaceChildren(el('p', {class: 'refused'}, e.message)); return; }
  out.replaceChildren(el('p', {class: 'hint'}, 'calling…'));
  const {status, body} = await api('/call', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name: tool.name, arguments: args})});
  if (status !== 200) {
    out.replaceChildren(el('p', {class: 'refused'}, (body && body.error) || `failed (${status})`));
    return;
  }
  out.replaceChildren(el('p', {class: body.isError ? 'refused' : 'ok'}, body.isError ? 'error result' : 'result'),
      el('pre', {class: 'result'}, JSON.stringify(body, null, 2)));
}

function renderAudit(entries) {
  const list = (values) => (values || []).join(', ');
  $('#audit tbody').replaceChildren(...entries.map((e) => el('tr', {},
      el('td', {class: 'mono'}, new Date(e.at).toLocaleTimeString()), el('td', {}, e.action), el('td', {}, e.plugin),
      el('td', {}, e.version), el('td', {class: 'mono'}, e.jar), el('td', {class: 'mono'}, list(e.added)),
      el('td', {class: 'mono'}, list(e.removed)), el('td', {class: 'mono'}, list(Object.keys(e.refused || {}))))));
}

/** The open MCP sessions, newest first; a session's id is shortened, its whole id is the cell's title. */
function renderSessions(sessions) {
  const time = (at) => new Date(at).toLocaleTimeString();
  $('#sessions tbody').replaceChildren(...sessions.map((s) => el('tr', {'data-session': s.id},
      el('td', {class: 'mono', title: s.id}, s.id.slice(0, 8)), el('td', {}, s.transport),
      el('td', {}, s.clientName ? `${s.clientName} ${s.clientVersion || ''}` : 'not initialized'),
      el('td', {class: 'mono'}, s.protocolVersion || ''), el('td', {class: 'mono'}, time(s.opened)),
      el('td', {class: 'mono'}, time(s.lastActive)), el('td', {}, String(s.runningCalls)))));
}

function renderActivity(activity) {
  $('#running tbody').replaceChildren(...activity.running.map((call) => el('tr', {},
      el('td', {class: 'mono'}, call.tool), el('td', {}, `${(call.millis / 1000).toFixed(1)} s`))));
  renderSessions(activity.sessions);
  const series = activity.history.tools;
  chart($('#rate-chart'), series.map((s) => s.callsPerSecond));
  chart($('#latency-chart'), series.map((s) => s.latencyMillis));
  $('#legend').replaceChildren(...series.map((s, i) => {
    const entry = el('span', {}, `■ ${s.tool}`);
    entry.style.color = COLORS[i % COLORS.length]; // through the DOM: the page's CSP forbids inline styles
    return entry;
  }));
}

/** One line per series, scaled to the largest value; a null is a gap. */
function chart(svg, lines) {
  const width = 600;
  const height = 160;
  const max = Math.max(1e-9, ...lines.flat().filter((v) => v !== null));
  const ns = 'http://www.w3.org/2000/svg';
  const paths = lines.map((values, i) => {
    const step = width / Math.max(1, values.length - 1);
    let d = '';
    let pen = 'M';
    values.forEach((v, x) => {
      if (v === null) { pen = 'M'; return; }
      d += `${pen}${(x * step).toFixed(1)},${(height - 4 - (v / max) * (height - 20)).toFixed(1)} `;
      pen = 'L';
    });
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d.trim());
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', COLORS[i % COLORS.length]);
    path.setAttribute('stroke-width', '1.5');
    return path;
  });
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', '4');
  label.setAttribute('y', '12');
  label.setAttribute('font-size', '10');
  label.textContent = `max ${max < 10 ? max.toFixed(2) : Math.round(max)}`;
  svg.replaceChildren(label, ...paths);
}

async function upload(event) {
  event.preventDefault();
  const file = $('#upload-file').files[0];
  const out = $('#upload-result');
  if (!file) { out.textContent = 'choose a jar first'; return; }
  out.className = 'hint';
  out.textContent = `uploading ${file.name}…`;
  const {status, body} = await api(`/plugins?file=${encodeURIComponent(file.name)}`,
      {method: 'POST', headers: {'Content-Type': 'application/java-archive'}, body: file});
  if (body && body.outcome === 'refused') {
    out.className = 'refused';
    out.textContent = `${file.name} refused: ${body.plugin.problem}`;
  } else if (status === 200) {
    out.className = 'ok';
    out.textContent = body.outcome === 'served' ? `${file.name} installed` : `${file.name} written, not serving yet`;
  } else {
    out.className = 'refused';
    out.textContent = (body && body.error) || `upload failed (${status})`;
  }
}

async function remove(file) {
  if (!window.confirm(`Remove ${file} from the plugins folder?`)) return;
  const {status, body} = await api(`/plugins?file=${encodeURIComponent(file)}`, {method: 'DELETE'});
  $('#upload-result').className = status === 200 ? 'ok' : 'refused';
  $('#upload-result').textContent = status === 200 ? `${file} removed` : (body && body.error) || `failed (${status})`;
}

function listen() {
  const events = new EventSource(API + '/events');
  events.addEventListener('open', () => {
    $('#live').textContent = 'live';
    $('#live').className = 'badge';
    loadState(); // whatever changed while no stream was open
  });
  events.addEventListener('error', () => {
    $('#live').textContent = 'reconnecting';
    $('#live').className = 'badge off';
  });
  events.addEventListener('change', loadState);
  events.addEventListener('activity', (event) => renderActivity(JSON.parse(event.data)));
}

document.addEventListener('DOMContentLoaded', () => {
  $('#tool-search').addEventListener('input', renderTools);
  $('#tools').addEventListener('click', (event) => {
    const item = event.target.closest('li[data-tool]');
    if (item) showTool(item.dataset.tool);
  });
  $('#plugins').addEventListener('click', (event) => {
    const button = event.target.closest('button.remove');
    if (button) remove(button.dataset.file);
  });
  $('#upload').addEventListener('submit', upload);
  loadState();
  listen();
});
