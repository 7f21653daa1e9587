import { AREA_TYPES, DEADLINE_KINDS, EDUCATION_LEVELS, EVENT_TYPES, FINAL_STATES, GENDERS, TOP_STATES } from '@charterflow/procedure';
import { ORGANISATION_KINDS } from '@charterflow/organisations';
import { CONSOLE_API_BASE } from '../console.paths';
import {
  AREA_TYPE_LABELS_VI,
  DEADLINE_KIND_LABELS_VI,
  DEADLINE_STATUS_LABELS_VI,
  EDUCATION_LABELS_VI,
  EVENT_LABELS_VI,
  EVENT_TEMPLATES,
  GENDER_LABELS_VI,
  ORGANISATION_KIND_LABELS_VI,
  STATE_LABELS_VI,
  TODAY_PLACEHOLDER,
} from './labels';

/** Ordered [id, Vietnamese label] pairs, in the order of the procedure's own lists. */
function pairs<K extends string>(ids: readonly K[], labels: Readonly<Record<K, string>>): [K, string][] {
  return ids.map((id) => [id, labels[id]]);
}

/** Everything the page needs to know about the procedure, computed once from the typed lists. */
const CONSOLE_DATA = {
  endpoints: {
    cases: `${CONSOLE_API_BASE}/cases`,
    organisations: `${CONSOLE_API_BASE}/organisations`,
    login: `${CONSOLE_API_BASE}/auth/login`,
    logout: `${CONSOLE_API_BASE}/auth/logout`,
    violations: `${CONSOLE_API_BASE}/audit/violations`,
  },
  today: TODAY_PLACEHOLDER,
  states: pairs(TOP_STATES, STATE_LABELS_VI),
  finalStates: FINAL_STATES,
  events: pairs(EVENT_TYPES, EVENT_LABELS_VI),
  templates: EVENT_TEMPLATES,
  deadlineKinds: pairs(DEADLINE_KINDS, DEADLINE_KIND_LABELS_VI),
  deadlineStatuses: Object.entries(DEADLINE_STATUS_LABELS_VI),
  organisationKinds: pairs(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS_VI),
  gender: pairs(GENDERS, GENDER_LABELS_VI),
  education: pairs(EDUCATION_LEVELS, EDUCATION_LABELS_VI),
  areaType: pairs(AREA_TYPES, AREA_TYPE_LABELS_VI),
};

/**
 * The console's script, served at CONSOLE_SCRIPT_URL: plain ES2020, no framework, no build step. It only calls the
 * public JSON API under /api/v1, builds the DOM with textContent (never innerHTML with data), and uses no inline
 * handlers (the Content-Security-Policy has `script-src 'self'` and `script-src-attr 'none'`).
 */
export const CONSOLE_JS = String.raw`/* charterflow staff console */
(function () {
  'use strict';

  var D = ${JSON.stringify(CONSOLE_DATA)};
  var E = D.endpoints;
  var TOKEN_KEY = 'charterflow.accessToken';
  var USER_KEY = 'charterflow.username';

  var labels = {
    state: toMap(D.states),
    event: toMap(D.events),
    deadlineKind: toMap(D.deadlineKinds),
    deadlineStatus: toMap(D.deadlineStatuses),
    organisationKind: toMap(D.organisationKinds),
    gender: toMap(D.gender),
    education: toMap(D.education),
    areaType: toMap(D.areaType)
  };

  var app = {
    organisations: [],
    orgById: {},
    cases: [],
    nextCursor: null,
    current: null,
    editorType: null,
    editorDirty: false,
    pendingEvent: null,
    pendingCreate: null,
    statusTimer: null
  };

  function toMap(list) {
    var m = {};
    list.forEach(function (p) { m[p[0]] = p[1]; });
    return m;
  }

  function $(id) { return document.getElementById(id); }

  /** h('td', { className: 'x' }, child, 'text', [children]) */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'className') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

  /** Vietnamese first, English second. */
  function bi(vi, en) {
    var f = document.createDocumentFragment();
    f.appendChild(document.createTextNode(vi + ' / '));
    f.appendChild(h('span', { lang: 'en', text: en }));
    return f;
  }

  /** A Vietnamese label followed by the English id. */
  function labelled(map, id, className) {
    if (id === undefined || id === null || id === '') return h('span', { text: '—' });
    var vi = map[id];
    return h('span', { className: className || null }, vi ? vi + ' ' : '', h('code', { lang: 'en', text: vi ? '(' + id + ')' : String(id) }));
  }

  function stateBadge(s) {
    if (!s) return h('span', { text: '—' });
    var final = D.finalStates.indexOf(s) >= 0;
    return labelled(labels.state, s, final ? 'state final' : 'state');
  }

  /** Today's date in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  function today() {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    } catch (e) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  /** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      try { return window.crypto.randomUUID(); } catch (e) { /* fall through */ }
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function byName(a, b) { return String(a.name).localeCompare(String(b.name), 'vi'); }

  // ---------------------------------------------------------------- HTTP

  function ApiError(status, body) {
    this.name = 'ApiError';
    this.status = status;
    this.body = body || {};
    this.message = (this.body.code || 'ERROR') + ': ' + (this.body.message || '');
  }
  ApiError.prototype = Object.create(Error.prototype);

  function api(method, url, body, headers) {
    var init = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) init.headers.Authorization = 'Bearer ' + token;
    if (headers) Object.keys(headers).forEach(function (k) { init.headers[k] = headers[k]; });
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!res.ok) {
          // The documented shape is { code, message, ... }; accept { error: { ... } } too.
          var err = data && typeof data === 'object' ? (data.error && typeof data.error === 'object' ? data.error : data) : null;
          if (!err || !err.code) err = { code: 'HTTP_' + res.status, message: text ? text.slice(0, 500) : res.statusText };
          if (res.status === 401) showLogin();
          throw new ApiError(res.status, err);
        }
        return data;
      });
    }, function (e) {
      throw new ApiError(0, { code: 'NETWORK_ERROR', message: 'Không kết nối được máy chủ / Cannot reach the server (' + (e && e.message ? e.message : e) + ')' });
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  // ---------------------------------------------------------------- messages

  function setStatus(message, isError) {
    var el = $('status');
    clearTimeout(app.statusTimer);
    el.className = isError ? 'status is-error' : 'status';
    clear(el);
    append(el, message);
    if (!isError && message) app.statusTimer = setTimeout(function () { clear(el); }, 10000);
  }

  /** Shows an API refusal: code and message first, then whatever details the answer carries. */
  function renderError(container, err, extra) {
    clear(container);
    if (!err) return;
    var body = err.body || { code: 'ERROR', message: String(err.message || err) };
    container.appendChild(h('p', null,
      h('span', { className: 'code', text: body.code || 'ERROR' }),
      err.status ? ' (HTTP ' + err.status + ')' : '',
      ': ', body.message || ''));
    if (body.messageVi) container.appendChild(h('p', { lang: 'vi', text: body.messageVi }));
    var list = h('ul');
    if (body.rule) list.appendChild(h('li', null, bi('Quy tắc', 'Rule'), ': ', h('code', { text: body.rule })));
    if (body.source) list.appendChild(h('li', null, bi('Căn cứ', 'Source'), ': ' + body.source));
    if (body.state) list.appendChild(h('li', null, bi('Trạng thái hiện tại', 'Current state'), ': ', stateBadge(body.state)));
    if (Array.isArray(body.allowedEvents)) {
      list.appendChild(h('li', null, bi('Sự kiện được phép', 'Allowed events'), ': ', body.allowedEvents.length
        ? body.allowedEvents.map(function (e, i) { return [i ? ', ' : '', labelled(labels.event, e)]; })
        : '—'));
    }
    if (Array.isArray(body.fields)) {
      body.fields.forEach(function (f) {
        list.appendChild(h('li', null, h('code', { text: f.field || '?' }), ': ' + (f.message || ''),
          f.messageVi ? h('span', { lang: 'vi', text: ' — ' + f.messageVi }) : null));
      });
    }
    var known = ['code', 'message', 'messageVi', 'rule', 'source', 'state', 'allowedEvents', 'fields'];
    var rest = {};
    var hasRest = false;
    Object.keys(body).forEach(function (k) { if (known.indexOf(k) < 0) { rest[k] = body[k]; hasRest = true; } });
    if (hasRest) list.appendChild(h('li', null, bi('Chi tiết', 'Details'), ': ', h('code', { text: JSON.stringify(rest) })));
    if (list.firstChild) container.appendChild(list);
    if (err.status === 409) {
      container.appendChild(h('p', null, bi('Hồ sơ đã thay đổi kể từ khi bạn mở. Hãy tải lại, kiểm tra rồi ghi nhận lại.',
        'The case changed since you opened it. Reload it, check, then record again.')));
    }
    if (extra) container.appendChild(extra);
  }

  function errorText(err) {
    var b = (err && err.body) || {};
    return (b.code || 'ERROR') + ': ' + (b.message || (err && err.message) || '');
  }

  // ---------------------------------------------------------------- sign-in (every API call needs a token)

  function showLogin() {
    var box = $('login');
    if (!box.hidden) return;
    box.hidden = false;
    sessionStorage.removeItem(TOKEN_KEY);
    renderSession();
    $('login-username').focus();
  }

  function renderSession() {
    var user = sessionStorage.getItem(USER_KEY);
    var signedIn = !!sessionStorage.getItem(TOKEN_KEY);
    $('session').hidden = !signedIn;
    $('session-user').textContent = signedIn ? user || '' : '';
  }

  function onLogin(ev) {
    ev.preventDefault();
    var form = ev.target;
    var errBox = form.querySelector('.form-error');
    var username = form.username.value.trim();
    api('POST', E.login, { username: username, password: form.password.value }).then(function (data) {
      sessionStorage.setItem(TOKEN_KEY, data.accessToken);
      sessionStorage.setItem(USER_KEY, username);
      form.reset();
      clear(errBox);
      $('login').hidden = true;
      renderSession();
      reloadAll();
    }, function (err) { renderError(errBox, err); });
  }

  function onLogout() {
    // End the session on the server too, so the token stops working at once; sign out locally whatever happens.
    if (sessionStorage.getItem(TOKEN_KEY)) api('POST', E.logout).catch(function () { return null; });
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    renderSession();
    showLogin();
  }

  // ---------------------------------------------------------------- organisations

  function loadOrganisations() {
    return api('GET', E.organisations).then(function (list) {
      app.organisations = Array.isArray(list) ? list : [];
      app.orgById = {};
      app.organisations.forEach(function (o) { app.orgById[o.id] = o; });
      renderOrganisations();
      renderCaseRows();
      if (app.current) renderCase(app.current, true);
    }, function (err) { setStatus(['Không tải được tổ chức / Cannot load organisations — ', errorText(err)], true); });
  }

  /** Depth-first order from the roots (nodes whose parent is not visible count as roots). */
  function organisationTree() {
    var children = {};
    var roots = [];
    app.organisations.forEach(function (o) {
      if (o.parentId && app.orgById[o.parentId]) (children[o.parentId] = children[o.parentId] || []).push(o);
      else roots.push(o);
    });
    roots.sort(byName);
    Object.keys(children).forEach(function (k) { children[k].sort(byName); });
    return { roots: roots, children: children };
  }

  function renderOrganisations() {
    var tree = organisationTree();
    var box = clear($('organisation-tree'));
    $('organisation-empty').hidden = app.organisations.length > 0;
    function branch(nodes) {
      var ul = h('ul');
      nodes.forEach(function (o) {
        var li = h('li', null,
          h('strong', { text: o.name }), ' ',
          h('span', { className: 'kind' }, labelled(labels.organisationKind, o.kind)),
          o.authorisedToAdmit ? h('span', { className: 'badge' }, bi('được ủy quyền kết nạp', 'authorised to admit')) : null,
          o.hasYouthUnion === false ? h('span', { className: 'badge' }, bi('không có tổ chức Đoàn', 'no Youth Union')) : null,
          o.hasTradeUnion === false ? h('span', { className: 'badge' }, bi('không có công đoàn', 'no trade union')) : null,
          ' ', h('span', { className: 'id', title: 'id', text: o.id }),
          h('button', { type: 'button', className: 'secondary', onclick: function () { showCasesOf(o.id); } },
            bi('Hồ sơ', 'Cases')),
          h('button', { type: 'button', className: 'secondary', onclick: function () { addBelow(o.id); } },
            bi('Thêm cấp dưới', 'Add below')));
        var kids = tree.children[o.id];
        if (kids && kids.length) li.appendChild(branch(kids));
        ul.appendChild(li);
      });
      return ul;
    }
    if (tree.roots.length) box.appendChild(branch(tree.roots));

    // The organisation pickers, indented by depth.
    var ordered = [];
    (function walk(nodes, depth) {
      nodes.forEach(function (o) { ordered.push({ o: o, depth: depth }); walk(tree.children[o.id] || [], depth + 1); });
    })(tree.roots, 0);
    document.querySelectorAll('select[data-organisations]').forEach(function (select) {
      var onlyCells = select.getAttribute('data-organisations') === 'cell';
      var keep = select.value;
      while (select.options.length > 1) select.remove(1);
      ordered.forEach(function (item) {
        if (onlyCells && item.o.kind !== 'cell') return;
        var prefix = onlyCells ? '' : new Array(item.depth + 1).join('\u2003');
        var text = prefix + item.o.name + ' — ' + (labels.organisationKind[item.o.kind] || item.o.kind);
        if (onlyCells && item.o.parentId && app.orgById[item.o.parentId]) text += ' (' + app.orgById[item.o.parentId].name + ')';
        select.appendChild(h('option', { value: item.o.id, text: text }));
      });
      select.value = keep;
      if (select.value !== keep) select.value = '';
    });
  }

  function organisationName(id) {
    var o = app.orgById[id];
    return o ? o.name : id;
  }

  function showCasesOf(id) {
    var form = $('case-filter');
    form.reset();
    form.organisationId.value = id;
    loadCases(true);
    $('cases-title').scrollIntoView();
  }

  function addBelow(id) {
    var box = $('organisation-create-box');
    box.open = true;
    var form = $('organisation-create');
    form.parentId.value = id;
    var parent = app.orgById[id];
    var next = { province: 'commune', commune: 'grassroots', grassroots: 'cell', cell: 'cell' };
    if (parent && next[parent.kind]) form.kind.value = next[parent.kind];
    form.orgName.focus();
  }

  function onCreateOrganisation(ev) {
    ev.preventDefault();
    var form = ev.target;
    var errBox = form.querySelector('.form-error');
    var body = {
      name: form.orgName.value.trim(),
      kind: form.kind.value,
      authorisedToAdmit: form.authorisedToAdmit.checked,
      hasYouthUnion: form.hasYouthUnion.checked,
      hasTradeUnion: form.hasTradeUnion.checked,
    };
    if (form.parentId.value) body.parentId = form.parentId.value;
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    api('POST', E.organisations, body).then(function (org) {
      clear(errBox);
      form.orgName.value = '';
      form.authorisedToAdmit.checked = false;
      form.hasYouthUnion.checked = true;
      form.hasTradeUnion.checked = true;
      setStatus(['Đã thêm tổ chức / Organisation added: ', org.name]);
      return loadOrganisations();
    }).catch(function (err) { renderError(errBox, err); }).then(function () { button.disabled = false; });
  }

  // ---------------------------------------------------------------- cases: list and opening

  function caseFilter() {
    var f = $('case-filter');
    return { state: f.state.value, organisationId: f.organisationId.value, dueBefore: f.dueBefore.value, q: f.q.value.trim() };
  }

  function loadCases(reset) {
    var params = caseFilter();
    params.limit = 50;
    if (!reset && app.nextCursor) params.cursor = app.nextCursor;
    return api('GET', E.cases + query(params)).then(function (page) {
      app.cases = reset ? page.items : app.cases.concat(page.items);
      app.nextCursor = page.nextCursor || null;
      renderCaseRows();
    }, function (err) { setStatus(['Không tải được hồ sơ / Cannot load cases — ', errorText(err)], true); });
  }

  function nextDeadline(c) {
    var open = (c.deadlines || []).filter(function (d) { return d.status === 'open'; });
    open.sort(function (a, b) { return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0; });
    return open[0] || null;
  }

  function renderCaseRows() {
    var tbody = clear($('case-table').tBodies[0]);
    app.cases.forEach(function (c) {
      var d = nextDeadline(c);
      var tr = h('tr', { className: app.current && app.current.id === c.id ? 'current' : null },
        h('td', null, h('a', { href: '#case/' + c.id, text: c.candidate ? c.candidate.fullName : c.id })),
        h('td', { text: c.candidate ? c.candidate.dateOfBirth : '' }),
        h('td', null, stateBadge(c.state)),
        h('td', { text: organisationName(c.organisationId) }),
        h('td', null, d ? [d.dueOn + ' — ', labelled(labels.deadlineKind, d.kind)] : '—'),
        h('td', { text: String(c.version) }));
      tbody.appendChild(tr);
    });
    $('case-empty').hidden = app.cases.length > 0;
    $('case-more').hidden = !app.nextCursor;
  }

  function upsertCaseRow(view) {
    var i = app.cases.findIndex(function (c) { return c.id === view.id; });
    if (i >= 0) app.cases[i] = view;
    renderCaseRows();
  }

  function onCreateCase(ev) {
    ev.preventDefault();
    var form = ev.target;
    var errBox = form.querySelector('.form-error');
    var religion = form.religion.value.trim();
    var body = {
      organisationId: form.organisationId.value,
      occurredOn: form.occurredOn.value,
      candidate: {
        fullName: form.fullName.value.trim(),
        dateOfBirth: form.dateOfBirth.value,
        gender: form.gender.value,
        ethnicity: form.ethnicity.value.trim(),
        religion: religion ? religion : null,
        education: form.education.value,
        youthUnionMember: form.youthUnionMember.checked,
        tradeUnionMember: form.tradeUnionMember.checked,
        areaType: form.areaType.value,
        occupation: form.occupation.value.trim()
      }
    };
    var text = JSON.stringify(body);
    // Reuse the key only to retry the very same request after a network failure.
    if (!app.pendingCreate || app.pendingCreate.body !== text) app.pendingCreate = { body: text, key: uuid() };
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    api('POST', E.cases, text, { 'Idempotency-Key': app.pendingCreate.key }).then(function (view) {
      app.pendingCreate = null;
      clear(errBox);
      ['fullName', 'dateOfBirth', 'religion', 'occupation'].forEach(function (n) { form[n].value = ''; });
      setStatus(['Đã mở hồ sơ / Case opened: ', view.candidate.fullName]);
      loadCases(true);
      location.hash = '#case/' + view.id;
    }).catch(function (err) {
      if (err.status) app.pendingCreate = null;
      renderError(errBox, err);
    }).then(function () { button.disabled = false; });
  }

  function caseIdFromHash() {
    var m = /^#case\/([0-9a-fA-F-]{36})$/.exec(location.hash);
    return m ? m[1] : null;
  }

  function onHashChange() {
    var id = caseIdFromHash();
    if (id && (!app.current || app.current.id !== id)) openCase(id);
  }

  function openCase(id, keepEditor) {
    return Promise.all([api('GET', E.cases + '/' + id), api('GET', E.cases + '/' + id + '/events'), api('GET', E.cases + '/' + id + '/compliance').catch(function () { return null; })]).then(function (res) {
      var firstOpen = !app.current || app.current.id !== id;
      renderCase(res[0], !!keepEditor && !firstOpen);
      renderHistory(res[1]);
      renderCompliance(res[2]);
      upsertCaseRow(res[0]);
      clear($('event-error'));
      if (firstOpen) $('case-title').focus();
      else setStatus(['Đã tải lại hồ sơ / Case reloaded — ', bi('phiên bản', 'version'), ' ' + res[0].version]);
    }, function (err) { setStatus(['Không mở được hồ sơ / Cannot open the case — ', errorText(err)], true); });
  }

  function closeCase() {
    app.current = null;
    $('case').hidden = true;
    if (caseIdFromHash()) history.replaceState(null, '', location.pathname + location.search);
    renderCaseRows();
    $('cases').scrollIntoView();
  }

  // ---------------------------------------------------------------- one case

  function yesNo(v) { return v ? bi('Có', 'Yes') : bi('Không', 'No'); }

  function renderCase(c, keepEditor) {
    app.current = c;
    $('case').hidden = false;
    var title = clear($('case-title'));
    append(title, [(c.candidate ? c.candidate.fullName : c.id) + ' — ', stateBadge(c.state)]);

    var dl = clear($('case-summary'));
    function row(dt, dd) { dl.appendChild(h('dt', null, dt)); dl.appendChild(h('dd', null, dd)); }
    var cand = c.candidate || {};
    row(bi('Trạng thái', 'State'), stateBadge(c.state));
    row(bi('Phiên bản', 'Version'), String(c.version));
    row(bi('Mã hồ sơ', 'Case id'), h('code', { text: c.id }));
    row(bi('Quy trình', 'Procedure version'), c.procedureVersion || '');
    var org = app.orgById[c.organisationId];
    row(bi('Tổ chức', 'Organisation'), org ? [org.name + ' ', h('span', { className: 'id' }, labelled(labels.organisationKind, org.kind))] : c.organisationId);
    row(bi('Ngày sinh', 'Date of birth'), cand.dateOfBirth || '');
    row(bi('Giới tính', 'Gender'), labelled(labels.gender, cand.gender));
    row(bi('Dân tộc, tôn giáo', 'Ethnicity, religion'), (cand.ethnicity || '') + ', ' + (cand.religion || 'không / none'));
    row(bi('Học vấn', 'Education'), labelled(labels.education, cand.education));
    row(bi('Nghề nghiệp', 'Occupation'), cand.occupation || '');
    row(bi('Địa bàn', 'Area'), labelled(labels.areaType, cand.areaType));
    row(bi('Đoàn viên Đoàn TN / Công đoàn', 'Youth / Trade Union member'), [yesNo(cand.youthUnionMember), ' · ', yesNo(cand.tradeUnionMember)]);
    var m = c.membership || {};
    if (m.admissionDecisionOn) row(bi('Ngày quyết định kết nạp', 'Admission decided on'), m.admissionDecisionOn);
    if (m.probationStartOn) row(bi('Bắt đầu dự bị', 'Probation starts'), m.probationStartOn);
    if (m.probationEndOn) row(bi('Kết thúc dự bị', 'Probation ends'), m.probationEndOn);
    if (m.fullMemberSince) row(bi('Đảng viên chính thức từ', 'Full member since'), m.fullMemberSince);

    $('case-state-detail').textContent = JSON.stringify(c.stateDetail || {}, null, 2);

    var deadlines = (c.deadlines || []).slice().sort(function (a, b) { return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0; });
    var tbody = clear($('deadline-table').tBodies[0]);
    deadlines.forEach(function (d) {
      tbody.appendChild(h('tr', null,
        h('td', null, labelled(labels.deadlineKind, d.kind), d.key && d.key !== d.kind ? h('div', { className: 'id', text: d.key }) : null),
        h('td', null, d.dueOn, d.extendedBy ? h('div', { className: 'hint' }, bi('gia hạn +' + d.extendedBy + ' ngày làm việc', 'extended by ' + d.extendedBy + ' working days')) : null),
        h('td', { className: 'status-' + d.status }, labelled(labels.deadlineStatus, d.status)),
        h('td', { text: d.source || '' })));
    });
    $('deadline-table').hidden = deadlines.length === 0;
    $('deadline-empty').hidden = deadlines.length > 0;

    var allowed = c.allowedEvents || [];
    var select = $('event-type');
    var previous = app.editorType;
    clear(select);
    allowed.forEach(function (t) { select.appendChild(h('option', { value: t, text: (labels.event[t] || t) + ' — ' + t })); });
    $('event-form').hidden = allowed.length === 0;
    $('allowed-events-empty').hidden = allowed.length > 0;
    if (allowed.length === 0) { app.editorType = null; return; }
    if (keepEditor && previous && allowed.indexOf(previous) >= 0) {
      select.value = previous;
    } else {
      select.value = allowed[0];
      fillTemplate();
    }
  }

  function templateFor(type) {
    var day = today();
    var t = D.templates[type] || {};
    var body = { type: type, occurredOn: day };
    var copy = JSON.parse(JSON.stringify(t), function (k, v) { return v === D.today ? day : v; });
    Object.keys(copy).forEach(function (k) { body[k] = copy[k]; });
    return JSON.stringify(body, null, 2);
  }

  function fillTemplate() {
    var type = $('event-type').value;
    app.editorType = type;
    $('event-payload').value = templateFor(type);
    app.editorDirty = false;
  }

  function onEventTypeChange() {
    var type = $('event-type').value;
    if (app.editorDirty && !window.confirm('Thay nội dung đang sửa bằng mẫu của sự kiện mới? / Replace your edits with the new event\u2019s template?')) {
      $('event-type').value = app.editorType;
      return;
    }
    fillTemplate();
    clear($('event-error'));
    app.editorType = type;
  }

  function onRecordEvent(ev) {
    ev.preventDefault();
    var c = app.current;
    if (!c) return;
    var errBox = $('event-error');
    var text = $('event-payload').value;
    var payload;
    try {
      payload = JSON.parse(text);
    } catch (e) {
      renderError(errBox, { status: 0, body: { code: 'INVALID_JSON', message: 'Nội dung không phải JSON hợp lệ / The payload is not valid JSON: ' + e.message } });
      $('event-payload').focus();
      return;
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      renderError(errBox, { status: 0, body: { code: 'INVALID_JSON', message: 'Nội dung phải là một đối tượng JSON / The payload must be a JSON object' } });
      return;
    }
    if (!payload.type) payload.type = $('event-type').value;
    var body = JSON.stringify(payload);
    // A fresh Idempotency-Key for each new request; the same one only to retry it after a network failure.
    var p = app.pendingEvent;
    if (!p || p.caseId !== c.id || p.version !== c.version || p.body !== body) {
      app.pendingEvent = { caseId: c.id, version: c.version, body: body, key: uuid() };
    }
    var key = app.pendingEvent.key;
    var button = $('event-form').querySelector('button[type=submit]');
    button.disabled = true;
    clear(errBox);
    api('POST', E.cases + '/' + c.id + '/events', body, { 'If-Match': '"' + c.version + '"', 'Idempotency-Key': key }).then(function (view) {
      app.pendingEvent = null;
      setStatus(['Đã ghi nhận / Recorded ', payload.type, ' — ', stateBadge(view.state), ' · ', bi('phiên bản', 'version'), ' ' + view.version]);
      renderCase(view, false);
      upsertCaseRow(view);
      api('GET', E.cases + '/' + c.id + '/events').then(renderHistory, function (err) {
        setStatus(['Không tải được lịch sử / Cannot load the history — ', errorText(err)], true);
      });
    }).catch(function (err) {
      if (err.status) app.pendingEvent = null;
      var reload = null;
      if (err.status === 409 || (err.body && err.body.code === 'EVENT_NOT_ALLOWED')) {
        reload = h('p', null, h('button', { type: 'button', className: 'secondary', onclick: function () { openCase(c.id, true); } },
          bi('Tải lại hồ sơ (giữ nội dung đang sửa)', 'Reload the case (keep your edits)')));
      }
      renderError(errBox, err, reload);
    }).then(function () { button.disabled = false; });
  }

  function renderHistory(events) {
    var tbody = clear($('history-table').tBodies[0]);
    (events || []).forEach(function (e) {
      var actor = e.actor || {};
      var who = actor.kind === 'system' ? bi('hệ thống', 'system') : actor.username || actor.userId || '—';
      var payload = e.payload && Object.keys(e.payload).length ? JSON.stringify(e.payload) : '';
      tbody.appendChild(h('tr', null,
        h('td', { text: String(e.seq) }),
        h('td', null, labelled(labels.event, e.type)),
        h('td', { title: e.recordedAt ? 'recorded ' + e.recordedAt : null, text: e.occurredOn }),
        h('td', null, stateBadge(e.fromState), ' → ', stateBadge(e.toState)),
        h('td', null, who),
        h('td', { className: 'payload', text: payload })));
    });
  }

  // ---------------------------------------------------------------- compliance audit

  function breachRow(cells) {
    return h('tr', null, cells.map(function (c) { return h('td', null, c); }));
  }

  function renderCompliance(result) {
    var failed = (result && result.results || []).filter(function (r) { return r.status === 'fail'; });
    var tbody = clear($('compliance-table').tBodies[0]);
    failed.forEach(function (r) {
      tbody.appendChild(breachRow([r.check, [r.title.vi, ' ', h('span', { className: 'en', lang: 'en', text: '/ ' + r.title.en })], r.detectedOn || '', r.source]));
    });
    var summary = clear($('compliance-summary'));
    if (!result) summary.appendChild(bi('Chưa tải được kết quả kiểm tra', 'Compliance could not be loaded'));
    else if (failed.length) summary.appendChild(bi(failed.length + ' vi phạm (tính đến ' + result.asOf + ')', failed.length + ' breach(es) as of ' + result.asOf));
    else summary.appendChild(bi('Không phát hiện vi phạm (tính đến ' + result.asOf + ')', 'No breach found'));
    $('compliance-table').hidden = failed.length === 0;
  }

  function loadViolations() {
    return api('GET', E.violations + query({ limit: 200 })).then(function (page) {
      var tbody = clear($('audit-table').tBodies[0]);
      (page.items || []).forEach(function (v) {
        var link = h('a', { href: '#case/' + v.caseId, text: v.candidateName || v.caseId });
        tbody.appendChild(breachRow([v.check, v.title.vi, link, v.organisationName, v.detectedOn || '', v.severity]));
      });
      var totals = (page.totals || []).map(function (t) { return t.check + ': ' + t.count; }).join(' · ');
      clear($('audit-totals')).appendChild(bi('Tổng số theo nội dung: ' + (totals || 'không có'), 'Totals per check, as of ' + page.asOf));
    }, function (err) { setStatus(['Không tải được danh sách vi phạm / Cannot load the violations — ', errorText(err)], true); });
  }

  // ---------------------------------------------------------------- start

  function fillLabelSelects() {
    var states = $('filter-state');
    D.states.forEach(function (p) { states.appendChild(h('option', { value: p[0], text: p[1] + ' (' + p[0] + ')' })); });
    document.querySelectorAll('select[data-labels]').forEach(function (select) {
      var list = D[select.getAttribute('data-labels') === 'organisationKind' ? 'organisationKinds' : select.getAttribute('data-labels')];
      (list || []).forEach(function (p) { select.appendChild(h('option', { value: p[0], text: p[1] + ' (' + p[0] + ')' })); });
    });
    var form = $('case-create');
    form.occurredOn.value = today();
    form.education.value = 'upper_secondary';
    $('oc-kind').value = 'cell';
  }

  function reloadAll() {
    return loadOrganisations().then(function () { return loadCases(true); }).then(onHashChange);
  }

  function start() {
    fillLabelSelects();
    renderSession();
    $('login-form').addEventListener('submit', onLogin);
    $('logout').addEventListener('click', onLogout);
    $('audit-load').addEventListener('click', loadViolations);
    $('case-filter').addEventListener('submit', function (ev) { ev.preventDefault(); loadCases(true); });
    $('case-filter').addEventListener('reset', function () { setTimeout(function () { loadCases(true); }, 0); });
    $('case-more').addEventListener('click', function () { loadCases(false); });
    $('case-create').addEventListener('submit', onCreateCase);
    $('organisation-create').addEventListener('submit', onCreateOrganisation);
    $('case-reload').addEventListener('click', function () { if (app.current) openCase(app.current.id, true); });
    $('case-close').addEventListener('click', closeCase);
    $('event-type').addEventListener('change', onEventTypeChange);
    $('event-template').addEventListener('click', function () { fillTemplate(); clear($('event-error')); });
    $('event-payload').addEventListener('input', function () { app.editorDirty = true; });
    $('event-form').addEventListener('submit', onRecordEvent);
    window.addEventListener('hashchange', onHashChange);
    if (sessionStorage.getItem(TOKEN_KEY)) reloadAll();
    else showLogin();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
