// Staff dashboard (Teams tab). Plain browser script: no framework, text only through textContent.
(function () {
  'use strict';
  var TOKEN_KEY = 'staffApiToken';
  var $ = function (id) { return document.getElementById(id); };

  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function showError(message) { var e = $('error'); e.textContent = message || ''; e.hidden = !message; }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token() } }).then(function (res) {
      if (res.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showLogin('That token was not accepted. Please enter a valid staff token.'); throw new Error('unauthorized'); }
      if (!res.ok) return res.json().catch(function () { return {}; }).then(function (b) { throw new Error(b.message || ('Request failed: ' + res.status)); });
      return res;
    });
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function day(iso) { return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }) : ''; }
  function when(iso) { return iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London' }) : ''; }

  function showLogin(message) {
    $('login').hidden = false; $('cases-view').hidden = true; $('report-view').hidden = true; $('sign-out').hidden = true;
    showError(message);
  }

  function show(view) {
    $('login').hidden = true; $('sign-out').hidden = false;
    $('cases-view').hidden = view !== 'cases'; $('report-view').hidden = view !== 'report';
    $('tab-cases').setAttribute('aria-pressed', String(view === 'cases'));
    $('tab-report').setAttribute('aria-pressed', String(view === 'report'));
    showError('');
    if (view === 'cases') loadCases();
  }

  function loadCases() {
    var params = new URLSearchParams();
    new FormData($('filters')).forEach(function (v, k) { if (v) params.append(k, String(v).trim()); });
    return api('/api/staff/cases?' + params.toString()).then(function (res) { return res.json(); }).then(function (body) {
      var tbody = $('case-table').querySelector('tbody');
      tbody.textContent = '';
      body.cases.forEach(function (c) {
        var tr = el('tr', null, { 'data-reference': c.reference });
        var open = el('button', c.reference, { type: 'button', class: 'open-case' });
        open.addEventListener('click', function () { loadCase(c.reference); });
        var first = el('td'); first.appendChild(open); tr.appendChild(first);
        [c.stage, c.status, c.channel, c.language, day(c.receivedAt), day(c.deadlines.respondBy), c.handler || 'unassigned'].forEach(function (v) { tr.appendChild(el('td', v)); });
        tr.appendChild(el('td', c.overdue ? 'Overdue' : '', c.overdue ? { class: 'overdue' } : undefined));
        tbody.appendChild(tr);
      });
      $('case-count').textContent = body.cases.length + ' case(s)';
    }).catch(function (err) { if (err.message !== 'unauthorized') showError(err.message); });
  }

  function loadCase(reference) {
    return api('/api/staff/cases/' + encodeURIComponent(reference)).then(function (res) { return res.json(); }).then(function (c) {
      $('case-detail').hidden = false;
      $('detail-title').textContent = c.reference + ' · ' + c.stage + ' · ' + c.status;
      var dl = $('detail-facts'); dl.textContent = '';
      [['Summary', c.summary], ['Channel', c.channel], ['Language', c.language], ['Received', when(c.receivedAt)],
       ['Acknowledge by', day(c.deadlines.acknowledgeBy)], ['Respond by', day(c.deadlines.respondBy)], ['Escalate by', day(c.deadlines.escalateBy)],
       ['Handler', c.handler || 'unassigned'], ['Outcome wanted', c.desiredOutcome]].forEach(function (p) {
        if (!p[1]) return; dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1], { dir: 'auto' }));
      });
      var view = c.originalView;
      $('detail-original').textContent = c.originalText || '(no original text recorded)';
      $('detail-translation').textContent = view && view.translation ? 'Machine translation (' + view.translation.provider + '): ' + view.translation.text : (view && view.note) || '';
      var ol = $('timeline'); ol.textContent = '';
      c.history.forEach(function (h) {
        var who = h.actor.kind === 'staff' ? (h.actor.name || h.actor.id) : h.actor.kind;
        var move = (h.fromStage && h.toStage && h.fromStage !== h.toStage ? ' ' + h.fromStage + ' → ' + h.toStage : '') + (h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus ? ' (' + h.fromStatus + ' → ' + h.toStatus + ')' : '');
        ol.appendChild(el('li', when(h.at) + ' · ' + who + ' via ' + h.actor.channel + ' · ' + h.action + move + (h.reason ? ' · ' + h.reason : ''), { dir: 'auto' }));
      });
      $('case-detail').scrollIntoView({ block: 'nearest' });
    }).catch(function (err) { if (err.message !== 'unauthorized') showError(err.message); });
  }

  function table(title, rows) {
    var t = el('table', null, { class: 'report-table' });
    t.appendChild(el('caption', title));
    rows.forEach(function (r) { var tr = el('tr'); tr.appendChild(el('th', r[0])); tr.appendChild(el('td', r[1] === null || r[1] === undefined ? '–' : r[1])); t.appendChild(tr); });
    return t;
  }
  function mapRows(map) { return Object.keys(map).sort().map(function (k) { return [k, map[k]]; }); }
  function pounds(p) { return '£' + (p / 100).toFixed(2); }

  function loadReport() {
    var month = $('report-form').month.value;
    return api('/api/staff/reports/monthly?month=' + encodeURIComponent(month)).then(function (res) { return res.json(); }).then(function (r) {
      var out = $('report'); out.textContent = '';
      out.appendChild(table('Received (' + r.received.total + ')', mapRows(r.received.byStage).concat(mapRows(r.received.byChannel))));
      out.appendChild(table('By category', mapRows(r.received.byCategory)));
      out.appendChild(table('Outcomes', mapRows(r.responses.byDecision)));
      out.appendChild(table('Root causes', mapRows(r.responses.byRootCause)));
      out.appendChild(table('Timeliness', [['Responses', r.timeliness.all.responses], ['% within timescale', r.timeliness.all.percent]]));
      out.appendChild(table('Compensation', [['Total', pounds(r.compensation.totalPence)], ['Cases', r.compensation.cases]]));
      out.appendChild(table('Tenant Satisfaction Measures', [
        ['CH01 Stage 1 per 1,000 homes', r.tsm.ch01.stage1], ['CH01 Stage 2 per 1,000 homes', r.tsm.ch01.stage2],
        ['CH02 Stage 1 % within Code timescales', r.tsm.ch02.stage1], ['CH02 Stage 2 % within Code timescales', r.tsm.ch02.stage2]]));
    }).catch(function (err) { if (err.message !== 'unauthorized') showError(err.message); });
  }

  function downloadCsv() {
    var month = $('report-form').month.value;
    return api('/api/staff/reports/monthly.csv?month=' + encodeURIComponent(month)).then(function (res) { return res.blob(); }).then(function (blob) {
      var a = el('a', null, { href: URL.createObjectURL(blob), download: 'complaints-' + month + '.csv' });
      document.body.appendChild(a); a.click(); a.remove();
    }).catch(function (err) { if (err.message !== 'unauthorized') showError(err.message); });
  }

  function initTeams() {
    // Only inside a frame (a Teams tab) is the Teams SDK loaded: it then handshakes with the host.
    // In a plain browser it is not needed, and loading it would only try to reach Microsoft's CDN.
    if (window.parent === window) { $('host').textContent = 'Browser'; return; }
    var script = document.createElement('script');
    script.src = '/staff/assets/teams-js.js';
    script.onload = function () {
      var sdk = window.microsoftTeams;
      if (!sdk || !sdk.app) { $('host').textContent = 'Browser'; return; }
      sdk.app.initialize().then(function () { $('host').textContent = 'In Microsoft Teams'; })
        .catch(function () { $('host').textContent = 'Browser (framed)'; });
    };
    document.head.appendChild(script);
  }

  document.addEventListener('DOMContentLoaded', function () {
    initTeams();
    var now = new Date();
    $('report-form').month.value = now.toISOString().slice(0, 7);
    $('login-form').addEventListener('submit', function (e) { e.preventDefault(); sessionStorage.setItem(TOKEN_KEY, $('token').value.trim()); $('token').value = ''; show('cases'); });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); loadCases(); });
    $('report-form').addEventListener('submit', function (e) { e.preventDefault(); loadReport(); });
    $('csv').addEventListener('click', downloadCsv);
    $('tab-cases').addEventListener('click', function () { show('cases'); });
    $('tab-report').addEventListener('click', function () { show('report'); loadReport(); });
    $('sign-out').addEventListener('click', function () { sessionStorage.removeItem(TOKEN_KEY); showLogin(''); });
    if (token()) show('cases'); else showLogin('');
  });
})();
