// apigw_mock's state viewer: polls /_apigw_mock/state and /_apigw_mock/calls and renders them (read-only).
// Plain DOM, no framework; every value is inserted as text, never as HTML.
"use strict";

const POLL_MS = 1000;
const closed = new Set(); // REST API ids whose panel the user folded
let lastState = "";
let lastCalls = "";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  return append(node, children);
}

function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function byKey(object) {
  return Object.entries(object || {}).sort(([a], [b]) => a.localeCompare(b));
}

// ---- REST APIs -----------------------------------------------------------------------------------------------

function renderState(state) {
  const root = document.getElementById("backends");
  const backends = (state.backends || []).filter((backend) => Object.keys(backend.restApis || {}).length);
  document.getElementById("no-apis").hidden = backends.length > 0;
  root.replaceChildren(
    ...backends.map((backend) =>
      el(
        "div",
        { class: "backend", "data-account": backend.accountId, "data-region": backend.region },
        el("p", { class: "where" }, "account ", el("b", { text: backend.accountId }), " · region ",
          el("b", { text: backend.region })),
        Object.values(backend.restApis).map(renderApi),
      ),
    ),
  );
}

function renderApi(graph) {
  const api = graph.api;
  const details = el("details", { class: "api", "data-api-id": api.id });
  details.open = !closed.has(api.id);
  details.addEventListener("toggle", () => (details.open ? closed.delete(api.id) : closed.add(api.id)));
  append(details,
    el("summary", {},
      el("span", { class: "api-name", text: api.name }),
      el("span", { class: "api-id", text: api.id }),
      api.description ? el("p", { class: "api-desc", text: api.description }) : null),
    el("h3", { text: "Resources" }),
    renderTree(graph.resources || {}, api.rootResourceId),
    renderStages(graph.stages || {}),
    renderDeployments(graph.deployments || {}, graph.stages || {}),
  );
  return details;
}

function renderTree(resources, rootId) {
  const children = {};
  for (const resource of Object.values(resources)) {
    (children[resource.parentId || ""] ||= []).push(resource);
  }
  const branch = (resource) =>
    el("li", { class: "resource", "data-path": resource.path },
      el("span", { class: "path", text: resource.pathPart ? "/" + resource.pathPart : resource.path }),
      byKey(resource.resourceMethods).map(([verb, method]) => renderMethod(verb, method)),
      (children[resource.id] || []).length
        ? el("ul", {}, children[resource.id].sort((a, b) => a.path.localeCompare(b.path)).map(branch))
        : null);
  const root = resources[rootId] || Object.values(resources).find((resource) => resource.path === "/");
  return el("ul", { class: "tree" }, root ? branch(root) : []);
}

function renderMethod(verb, method) {
  const integration = method.methodIntegration;
  const auth = method.authorizationType && method.authorizationType !== "NONE" ? method.authorizationType : null;
  return el("div", { class: "method", "data-method": verb },
    el("span", { class: "verb " + verb, text: verb }),
    el("div", { class: "integration" },
      integration
        ? [el("span", { class: "type", text: integration.type }),
          integration.httpMethod ? " " + integration.httpMethod : "",
          integration.uri ? el("div", { class: "uri", text: integration.uri }) : null]
        : el("span", { class: "empty", text: "no integration" }),
      auth ? el("span", { class: "label", text: " · auth " + auth }) : null,
      method.apiKeyRequired ? el("span", { class: "label", text: " · API key" }) : null,
      el("div", { class: "chips" },
        integration && Object.keys(integration.integrationResponses || {}).length
          ? el("span", { class: "label", text: "integration responses" }) : null,
        byKey(integration && integration.integrationResponses).map(([status, response]) =>
          el("span", {
            class: "chip",
            "data-integration-response": status,
            title: "selection pattern: " + (response.selectionPattern || "(default)"),
            text: status + (response.selectionPattern ? " ← " + response.selectionPattern : " · default"),
          })),
        Object.keys(method.methodResponses || {}).length
          ? el("span", { class: "label", text: "method responses" }) : null,
        byKey(method.methodResponses).map(([status]) =>
          el("span", { class: "chip method-response", "data-method-response": status, text: status })))));
}

function renderStages(stages) {
  const rows = byKey(stages);
  if (!rows.length) return el("p", { class: "empty", text: "No stages." });
  return [
    el("h3", { text: "Stages" }),
    el("table", { class: "stages" },
      el("tr", {}, ["stage", "deployment", "variables", "updated"].map((name) => el("th", { text: name }))),
      rows.map(([name, stage]) =>
        el("tr", { "data-stage": name },
          el("td", { class: "mono", text: name }),
          el("td", { class: "mono", text: stage.deploymentId || "" }),
          el("td", { class: "mono", text: byKey(stage.variables).map(([k, v]) => k + "=" + v).join(", ") }),
          el("td", { class: "time", text: shortTime(stage.lastUpdatedDate || stage.createdDate) })))),
  ];
}

function renderDeployments(deployments, stages) {
  const rows = Object.values(deployments).map((entry) => entry.deployment || entry);
  if (!rows.length) return null;
  const serving = (id) => byKey(stages).filter(([, stage]) => stage.deploymentId === id).map(([name]) => name);
  rows.sort((a, b) => String(b.createdDate).localeCompare(String(a.createdDate)));
  return [
    el("h3", { text: "Deployments" }),
    el("table", { class: "deployments" },
      el("tr", {}, ["id", "created", "description", "serving"].map((name) => el("th", { text: name }))),
      rows.map((deployment) =>
        el("tr", { "data-deployment": deployment.id },
          el("td", { class: "mono", text: deployment.id }),
          el("td", { class: "time", text: shortTime(deployment.createdDate) }),
          el("td", { text: deployment.description || "" }),
          el("td", { class: "mono", text: serving(deployment.id).join(", ") })))),
  ];
}

// ---- history -----------------------------------------------------------------------------------------------------

const PARAMS_SHOWN = ["restApiId", "resourceId", "httpMethod", "statusCode", "stageName", "name", "pathPart"];

function renderCalls(document_) {
  const calls = document_.calls || [];
  document.getElementById("no-history").hidden = calls.length > 0;
  document.getElementById("history-count").textContent = calls.length ? "(" + calls.length + ")" : "";
  document.getElementById("history").replaceChildren(...calls.slice().reverse().map(renderCall));
}

function renderCall(entry) {
  const status = entry.status === null ? "—" : String(entry.status);
  let what;
  if (entry.kind === "invocation") {
    const query = Object.entries(entry.query || {}).map(([k, v]) => k + "=" + v).join("&");
    what = [el("span", { class: "kind", text: "invoke" }),
      el("span", { class: "mono", text: entry.method + " /" + entry.stage + entry.path + (query ? "?" + query : "") }),
      el("span", { class: "detail", text: [entry.apiId, entry.gatewayResponse, entry.fault].filter(Boolean).join(" · ") })];
  } else {
    const params = PARAMS_SHOWN.filter((key) => entry.params && key in entry.params)
      .map((key) => key + "=" + entry.params[key]).join(" ");
    const error = entry.error ? entry.error.code + ": " + entry.error.message : "";
    what = [el("span", { class: "kind", text: "call" }), el("span", { text: entry.operation }),
      el("span", { class: "detail", text: [params, error].filter(Boolean).join(" · ") })];
  }
  return el("li", { "data-kind": entry.kind, "data-ok": String(entry.ok) },
    el("span", { class: "time", text: shortTime(entry.time) }),
    el("span", { class: "code " + (entry.ok ? "ok" : "bad"), text: status }),
    el("span", { class: "what" }, what));
}

function shortTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toISOString().slice(11, 19);
}

// ---- polling -----------------------------------------------------------------------------------------------------

async function fetchText(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.text();
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const [state, calls] = await Promise.all([fetchText("/_apigw_mock/state"), fetchText("/_apigw_mock/calls")]);
    if (state !== lastState) renderState(JSON.parse(state));
    if (calls !== lastCalls) renderCalls(JSON.parse(calls));
    lastState = state;
    lastCalls = calls;
    status.dataset.state = "live";
    document.getElementById("updated").textContent = "live · updated " + new Date().toLocaleTimeString();
  } catch (error) {
    status.dataset.state = "error";
    document.getElementById("updated").textContent = "cannot reach the server: " + error.message;
  } finally {
    setTimeout(refresh, POLL_MS);
  }
}

refresh();
