// policykg page: entity search, cards, the neighbourhood graph, queries.
// Plain JavaScript, no libraries; every value from the server is written
// with textContent, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem("policykg-token") || "", entity: null, rows: null };

// el builds an element with attributes and children (strings become text).
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "on") for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k);
  return e;
}

function status(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

// api fetches a path with the token, asking for one on 401.
async function api(path, opts = {}) {
  const headers = Object.assign({}, opts.headers);
  if (state.token) headers.Authorization = "Bearer " + state.token;
  const resp = await fetch(path, Object.assign({}, opts, { headers }));
  if (resp.status === 401 && await askToken()) return api(path, opts);
  return resp;
}

async function json(path, opts) {
  const resp = await api(path, opts);
  const text = await resp.text();
  let body;
  try { body = JSON.parse(text); } catch (e) { body = { error: text }; }
  if (!resp.ok || (body && body.error)) throw new Error(body.error || resp.statusText);
  return body;
}

function askToken() {
  return new Promise((resolve) => {
    const d = $("token-dialog");
    d.onclose = () => {
      state.token = $("token").value.trim();
      sessionStorage.setItem("policykg-token", state.token);
      resolve(state.token !== "");
    };
    d.showModal();
  });
}

// ---- search with suggestions ----
let searchTimer = 0, suggestions = [], active = -1;

function showSuggestions(list) {
  const ul = $("suggestions");
  suggestions = list;
  active = list.length ? 0 : -1;
  ul.replaceChildren(...list.map((h, i) => el("li", {
    role: "option", id: "sugg-" + i, "aria-selected": i === active ? "true" : "false",
    on: { mousedown: (ev) => { ev.preventDefault(); choose(i); } },
  }, el("span", {}, h.label, h.match !== h.label ? el("small", { class: "type" }, " (" + h.match + ")") : null),
     el("span", { class: "type" }, h.type || ""))));
  ul.hidden = list.length === 0;
  $("q").setAttribute("aria-expanded", list.length ? "true" : "false");
}

function moveActive(d) {
  if (!suggestions.length) return;
  active = (active + d + suggestions.length) % suggestions.length;
  [...$("suggestions").children].forEach((li, i) => li.setAttribute("aria-selected", i === active ? "true" : "false"));
}

function choose(i) {
  const h = suggestions[i];
  if (!h) return;
  $("q").value = h.label;
  showSuggestions([]);
  openEntity(h.id);
}

async function suggest() {
  const q = $("q").value.trim();
  if (!q) return showSuggestions([]);
  try {
    const body = await json("/api/entities?limit=10&q=" + encodeURIComponent(q));
    if ($("q").value.trim() === q) showSuggestions(body.result);
  } catch (e) { status(e.message, true); }
}

$("q").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(suggest, 120); });
$("q").addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown") { moveActive(1); ev.preventDefault(); }
  else if (ev.key === "ArrowUp") { moveActive(-1); ev.preventDefault(); }
  else if (ev.key === "Enter") { ev.preventDefault(); active >= 0 ? choose(active) : suggest(); }
  else if (ev.key === "Escape") showSuggestions([]);
});
$("q").addEventListener("blur", () => setTimeout(() => showSuggestions([]), 150));

// ---- entity card ----
function entityLink(ref) {
  const name = ref.label || ref.iri;
  if (!ref.id) return el("span", {}, name);
  return el("a", { href: "#entity/" + encodeURIComponent(ref.id), "data-entity": ref.id }, name);
}

function supportQuote(s) {
  const where = [s.title || s.document, s.date, s.sentence ? "sentence " + s.sentence : "", s.rule ? "rule " + s.rule : ""]
    .filter(Boolean).join(" · ");
  return el("blockquote", { class: "evidence" }, s.text, el("cite", {}, where));
}

function renderCard(c) {
  $("card-empty").hidden = true;
  $("card").hidden = false;
  $("card-label").textContent = c.label || c.iri;
  const meta = [c.type, (c.aliases || []).length ? "also " + c.aliases.join(", ") : "", (c.codes || []).length ? "code " + c.codes.join(", ") : ""];
  $("card-meta").textContent = meta.filter(Boolean).join(" · ");
  const chain = $("card-parents");
  chain.replaceChildren();
  if ((c.parents || []).length) {
    chain.append("Part of ");
    c.parents.forEach((p, i) => { if (i) chain.append(" › "); chain.append(el("span", { class: "parent" }, entityLink(p))); });
  }
  $("card-relations").replaceChildren(...(c.relations || []).map((r) => el("div", { class: "rel" },
    el("span", { class: "pred" }, (r.incoming ? "← " : "") + (r.label || r.predicate)),
    el("ul", {}, r.links.map((l) => el("li", {}, entityLink(l), (l.support || []).map(supportQuote)))))));
  if (!(c.relations || []).length) $("card-relations").append(el("p", { class: "meta" }, "No relations."));
  $("card-figures").replaceChildren(...(c.figures || []).map((f) => el("div", { class: "fig" },
    el("span", { class: "num" }, f.text), f.year ? " (" + f.year + ")" : "",
    (f.support || []).map(supportQuote))));
  if (!(c.figures || []).length) $("card-figures").append(el("p", { class: "meta" }, "No figures."));
  $("card-documents").replaceChildren(...(c.documents || []).map((d) => el("li", {}, d.title || d.id, d.date ? " (" + d.date + ")" : "")));
}

async function openEntity(id) {
  state.entity = id;
  if (location.hash !== "#entity/" + encodeURIComponent(id)) history.pushState(null, "", "#entity/" + encodeURIComponent(id));
  status("Loading " + id + "…");
  try {
    renderCard(await json("/api/entities/" + encodeURIComponent(id)));
    status("");
    drawGraph();
  } catch (e) { status(e.message, true); }
}

let graphURL = "";
async function drawGraph() {
  const id = state.entity;
  if (!id) return;
  const q = "focus=" + encodeURIComponent(id) + "&depth=" + $("depth").value;
  $("export-links").replaceChildren(...["svg", "dot", "nquads", "jsonld"].map((f) =>
    el("a", { href: "/api/export/" + f + "?" + q, download: id + "." + f }, f.toUpperCase())));
  const img = $("graph-img");
  try {
    const resp = await api("/api/export/svg?" + q);
    if (!resp.ok) throw new Error((await resp.text()) || resp.statusText);
    const blob = await resp.blob();
    if (graphURL) URL.revokeObjectURL(graphURL);
    graphURL = URL.createObjectURL(blob);
    img.src = graphURL;
    img.dataset.focus = id;
  } catch (e) { img.removeAttribute("src"); img.alt = "No drawing: " + e.message; }
}
$("depth").addEventListener("change", drawGraph);

document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-entity]");
  if (a) { ev.preventDefault(); openEntity(a.dataset.entity); }
});
window.addEventListener("popstate", route);
function route() {
  const m = location.hash.match(/^#entity\/(.+)$/);
  if (m) openEntity(decodeURIComponent(m[1]));
}

// ---- results: table and JSON ----
function cell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    const m = v.match(/^<https:\/\/policykg\.org\/id\/([^>]+)>$/);
    if (m) return el("a", { href: "#entity/" + m[1], "data-entity": m[1] }, m[1]);
    return v.replace(/^<(.*)>$/, "$1").replace("https://policykg.org/vocab#", "pkv:");
  }
  if (typeof v === "object") return el("small", {}, JSON.stringify(v));
  return String(v);
}

function showRows(rows, raw) {
  state.rows = rows;
  $("result-json").textContent = JSON.stringify(raw, null, 2);
  const list = Array.isArray(rows) ? rows : [rows];
  $("result-count").textContent = list.length + (list.length === 1 ? " result" : " results");
  const cols = [];
  for (const r of list) if (r && typeof r === "object" && !Array.isArray(r)) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  cols.sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : a.localeCompare(b)));
  const box = $("result-table");
  if (!cols.length) { box.replaceChildren(el("pre", {}, JSON.stringify(raw, null, 2))); return; }
  box.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, cols.map((c) => el("th", {}, c)))),
    el("tbody", {}, list.map((r) => el("tr", {}, cols.map((c) => el("td", {}, cell(r && r[c]))))))));
}

function showError(msg) {
  $("result-count").textContent = "";
  $("result-table").replaceChildren(el("p", { class: "error-box" }, msg));
  $("result-json").textContent = msg;
}

function tab(which) {
  $("tab-table").setAttribute("aria-selected", which === "table");
  $("tab-json").setAttribute("aria-selected", which === "json");
  $("result-table").hidden = which !== "table";
  $("result-json").hidden = which !== "json";
}
$("tab-table").addEventListener("click", () => tab("table"));
$("tab-json").addEventListener("click", () => tab("json"));

async function runQuery(ev) {
  if (ev) ev.preventDefault();
  const lang = $("lang").value;
  status("Running…");
  try {
    const body = await json("/api/v2/query?lang=" + lang, { method: "POST", body: $("query").value });
    if (lang === "graphql") {
      if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("\n"));
      showRows(body.data, body);
    } else showRows(body.result || [], body);
    status("");
  } catch (e) { showError(e.message); status("Query failed", true); }
}
$("query-form").addEventListener("submit", runQuery);
$("query").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runQuery(ev); });

// ---- canned questions ----
let current = null;
async function loadCanned() {
  try {
    const body = await json("/api/queries");
    $("canned").replaceChildren(...body.result.map((q) => el("li", {},
      el("button", { type: "button", "data-query": q.name, title: q.description || "", on: { click: () => pickCanned(q) } }, q.title || q.name))));
  } catch (e) { $("canned").replaceChildren(el("li", { class: "meta" }, "No canned questions: " + e.message)); }
}

function pickCanned(q) {
  current = q;
  document.querySelectorAll("#canned button").forEach((b) => b.setAttribute("aria-current", b.dataset.query === q.name));
  $("canned-form").hidden = false;
  $("canned-name").textContent = q.title || q.name;
  $("canned-question").textContent = q.description || "";
  $("canned-params").replaceChildren(...(q.params || []).map((p) => el("label", {}, p.name,
    el("input", { name: p.name, value: p.default || "", placeholder: p.description || "" }))));
  if (q.text) { $("lang").value = q.lang; $("query").value = q.text; }
  runCanned();
}

async function runCanned(ev) {
  if (ev) ev.preventDefault();
  if (!current) return;
  const params = new URLSearchParams();
  for (const input of $("canned-params").querySelectorAll("input")) if (input.value.trim()) params.set(input.name, input.value.trim());
  status("Asking…");
  try {
    const body = await json("/api/queries/" + encodeURIComponent(current.name) + "?" + params);
    showRows(body.result, body);
    status("");
  } catch (e) { showError(e.message); status("Question failed", true); }
}
$("canned-form").addEventListener("submit", runCanned);

loadCanned();
route();
