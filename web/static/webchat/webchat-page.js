// The tenant's webchat page: the official Web Chat bundle against the app's own Direct Line.
// To use Azure Direct Line instead, fetch a token from your Azure token endpoint and drop the
// `domain` option (see README, "Webchat and Direct Line").
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var languages = config.languages;
  var status = document.getElementById('status');
  var select = document.getElementById('language');
  var textSize = document.getElementById('text-size');
  var state = { language: pickInitialLanguage(), large: sessionStorage.getItem('chat.large') === '1' };
  var directLine;
  var store;
  var userId;

  languages.forEach(function (lang) {
    var option = document.createElement('option');
    option.value = lang.code;
    option.textContent = lang.nativeName;
    option.lang = lang.code;
    select.appendChild(option);
  });
  select.value = state.language.code;

  function byCode(code) {
    return languages.filter(function (l) { return l.code === code; })[0];
  }

  /**
   * The server rendered the page in the language of ?lang= or of the browser's Accept-Language.
   * Without ?lang= in the address, a language picked earlier in this tab wins.
   */
  function pickInitialLanguage() {
    var rendered = byCode(document.documentElement.lang) || languages[0];
    if (new URLSearchParams(location.search).has('lang')) return rendered;
    return byCode(sessionStorage.getItem('chat.language')) || rendered;
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }

  function applyPage() {
    var lang = state.language;
    var text = lang.text;
    document.documentElement.lang = lang.code;
    document.documentElement.dir = lang.rtl ? 'rtl' : 'ltr';
    document.documentElement.classList.toggle('large-text', state.large);
    textSize.setAttribute('aria-pressed', state.large ? 'true' : 'false');
    document.title = text.title;
    setText('skip-link', text.skip);
    setText('title-text', text.heading);
    setText('language-label', text.languageLabel);
    setText('language-help', text.languageHelp);
    setText('text-size', text.largerText);
    setText('intro', text.intro);
    setText('privacy-title', text.privacyTitle);
    setText('privacy-text', text.privacy);
    setText('emergency-text', text.emergency);
    document.getElementById('webchat').setAttribute('aria-label', text.chatLabel);
  }

  function render() {
    applyPage();
    var large = state.large;
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: userId,
        locale: state.language.webChatLocale,
        dir: state.language.rtl ? 'rtl' : 'ltr',
        styleOptions: {
          accent: '#0b5394',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Arial, sans-serif',
          fontSizeSmall: large ? '100%' : '85%',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          bubbleMinHeight: large ? 56 : 44,
          sendBoxHeight: large ? 64 : 52,
          sendBoxButtonColor: '#0b5394',
          subtle: '#4a4a4a',
          timestampColor: '#4a4a4a',
          hideUploadButton: false,
          uploadMultiple: true,
          uploadAccept: 'image/*,application/pdf',
          rootHeight: '100%',
        },
      },
      document.getElementById('webchat'),
    );
  }

  select.addEventListener('change', function () {
    var lang = languages.filter(function (l) { return l.code === select.value; })[0];
    if (!lang || lang.code === state.language.code) return;
    state.language = lang;
    sessionStorage.setItem('chat.language', lang.code);
    // A reload (or a shared link) then gets the page in this language from the server.
    var url = new URL(location.href);
    url.searchParams.set('lang', lang.code);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    if (store) render();
    else applyPage();
    // Tell the bot too: naming a language switches it, and this activity already carries the new
    // locale (Web Chat's own send would still use the old one until it re-renders).
    if (directLine) {
      directLine
        .postActivity({ type: 'message', text: lang.nativeName, locale: lang.webChatLocale, from: { id: userId, role: 'user' } })
        .subscribe({ error: function () { status.textContent = state.language.text.languageFailed; } });
    }
  });

  textSize.addEventListener('click', function () {
    state.large = !state.large;
    sessionStorage.setItem('chat.large', state.large ? '1' : '0');
    // Before the chat has connected there is no Web Chat to draw yet; it is drawn large when it is.
    if (store) render();
    else applyPage();
  });

  applyPage();
  resumeOrStart()
    .then(function (session) {
      userId = session.userId;
      saveSession(session);
      // With a conversationId, Direct Line reconnects (GET /conversations/:id?watermark=0) and
      // replays the transcript from the start, so a reload continues where the tenant left off.
      directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: location.origin + '/v3/directline',
        conversationId: session.resumed ? session.conversationId : undefined,
        watermark: session.resumed ? '0' : undefined,
      });
      // Direct Line refreshes its token every 15 minutes; keep the newest for the next reload.
      setInterval(function () { saveSession({ conversationId: session.conversationId, userId: userId, token: directLine.token }); }, 60 * 1000);
      window.addEventListener('pagehide', function () { saveSession({ conversationId: session.conversationId, userId: userId, token: directLine.token }); });
      // Web Chat stamps every activity with `locale` (BCP 47), so the bot answers in that language.
      store = window.WebChat.createStore();
      render();
    })
    .catch(function (err) {
      status.textContent = err.message;
    });

  /**
   * The conversation this tab already had (sessionStorage: gone when the tab closes), with a
   * fresh token for it; otherwise a new conversation. An expired or refused token starts afresh.
   */
  function resumeOrStart() {
    var saved = readSession();
    if (!saved) return startNew();
    return fetch('/v3/directline/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } })
      .then(function (res) {
        if (!res.ok) throw new Error('expired');
        return res.json();
      })
      .then(function (fresh) {
        if (fresh.conversationId !== saved.conversationId) throw new Error('another conversation');
        return { conversationId: saved.conversationId, userId: saved.userId, token: fresh.token, resumed: true };
      })
      .catch(function () {
        sessionStorage.removeItem('chat.session');
        return startNew();
      });
  }

  function startNew() {
    // The locale is kept on the conversation, so the bot's welcome is in the page's language.
    var url = '/api/webchat/token?locale=' + encodeURIComponent(state.language.webChatLocale);
    return fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (res.status === 429) throw new Error(state.language.text.tooMany);
      if (!res.ok) throw new Error(state.language.text.unavailable);
      return res.json();
    });
  }

  function readSession() {
    try {
      var saved = JSON.parse(sessionStorage.getItem('chat.session') || 'null');
      return saved && saved.conversationId && saved.userId && saved.token ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession(session) {
    if (!session.token) return;
    sessionStorage.setItem('chat.session', JSON.stringify({ conversationId: session.conversationId, userId: session.userId, token: session.token }));
  }
})();
