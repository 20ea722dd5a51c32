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

  function pickInitialLanguage() {
    var saved = sessionStorage.getItem('chat.language');
    var wanted = [saved].concat(navigator.languages || [navigator.language || 'en']);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').toLowerCase().split('-')[0];
      var found = languages.filter(function (l) { return l.code === code; })[0];
      if (found) return found;
    }
    return languages[0];
  }

  function applyPage() {
    var lang = state.language;
    document.documentElement.lang = lang.code;
    document.documentElement.dir = lang.rtl ? 'rtl' : 'ltr';
    document.documentElement.classList.toggle('large-text', state.large);
    textSize.setAttribute('aria-pressed', state.large ? 'true' : 'false');
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
    render();
    // Tell the bot too: naming a language switches it, and this activity already carries the new
    // locale (Web Chat's own send would still use the old one until it re-renders).
    if (directLine) {
      directLine
        .postActivity({ type: 'message', text: lang.nativeName, locale: lang.webChatLocale, from: { id: userId, role: 'user' } })
        .subscribe({ error: function () { status.textContent = 'Could not change the language just now. Please try again.'; } });
    }
  });

  textSize.addEventListener('click', function () {
    state.large = !state.large;
    sessionStorage.setItem('chat.large', state.large ? '1' : '0');
    render();
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
    return fetch('/api/webchat/token', { credentials: 'same-origin' }).then(function (res) {
      if (res.status === 429) throw new Error('Too many chats have been started from here. Please wait a few minutes and try again.');
      if (!res.ok) throw new Error('The chat is not available just now. Please try again later, or phone us.');
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
