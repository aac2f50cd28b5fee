/*
 * The clinic's chat page: Web Chat (served by this server) talking to this server's Direct Line endpoint.
 *
 * The conversation survives a reload of the tab: its id, token and watermark are kept in sessionStorage
 * (this tab only; gone when the tab closes). On reload the page renews the token (POST /tokens/refresh)
 * and resumes the conversation (Web Chat calls GET /conversations/{id}), asking for it from the start so
 * that Web Chat, whose transcript lived in the old page's memory, can show the history again.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'clinic-chat.conversation';
  /** Set when the visitor asked for a new conversation: nothing may save the old one again. */
  var ending = false;
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var domain = window.location.origin + '/v3/directline';
  var root = document.getElementById('webchat');
  var statusLine = document.getElementById('status');

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    if (ending) return;
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      /* storage full or disabled: the chat still works, it just won't survive a reload */
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing to forget */
    }
  }

  function post(path, token) {
    return fetch(domain + path, {
      method: 'POST',
      headers: token ? { Authorization: 'Bearer ' + token } : {},
      credentials: 'omit',
      cache: 'no-store',
    }).then(function (res) {
      if (!res.ok) {
        var error = new Error('HTTP ' + res.status);
        error.status = res.status;
        throw error;
      }
      return res.json();
    });
  }

  /** The saved conversation with a renewed token, or a new conversation. */
  function session() {
    var saved = load();
    if (!saved) return newSession();
    return post('/tokens/refresh', saved.token).then(
      function (fresh) {
        return { conversationId: fresh.conversationId, token: fresh.token, watermark: saved.watermark || '', resumed: true };
      },
      function (error) {
        // Expired, not valid or gone (e.g. the server restarted): start afresh. Anything else (offline): give up for now.
        if (error.status >= 400 && error.status < 500) {
          forget();
          return newSession();
        }
        throw error;
      },
    );
  }

  function newSession() {
    return post('/tokens/generate').then(function (created) {
      return { conversationId: created.conversationId, token: created.token, watermark: '', resumed: false };
    });
  }

  function initials(name) {
    var words = String(name).replace(/\(.*?\)/g, '').split(/\s+/).filter(Boolean);
    return (words.slice(0, 2).map(function (w) { return w.charAt(0); }).join('') || 'C').toUpperCase();
  }

  function start(current) {
    save(current);
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: current.token,
      // Resume through GET /conversations/{id}; a new token's conversation is started with POST /conversations.
      conversationId: current.resumed ? current.conversationId : undefined,
    });

    // Keep what a reload needs: the conversation, the latest token (Web Chat renews it every 15 minutes)
    // and the watermark of the last activity received.
    function remember() {
      current.conversationId = directLine.conversationId || current.conversationId;
      current.token = directLine.token || current.token;
      current.watermark = directLine.watermark || current.watermark;
      save(current);
    }
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var result = next(action);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' || action.type === 'DIRECT_LINE/CONNECT_FULFILLED') remember();
          return result;
        };
      };
    });
    window.addEventListener('pagehide', remember);

    root.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'en-US',
        sendTypingIndicator: false,
        styleOptions: {
          accent: config.accentColor,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
          botAvatarInitials: initials(config.clinicName),
          userAvatarInitials: 'You',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          bubbleFromUserBackground: config.primaryColor,
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderColor: config.primaryColor,
          suggestedActionBorderColor: config.accentColor,
          suggestedActionTextColor: config.accentColor,
          suggestedActionBorderRadius: 16,
          sendBoxButtonColor: config.primaryColor,
          hideUploadButton: true,
        },
      },
      root,
    );
  }

  document.getElementById('end-chat').addEventListener('click', function () {
    ending = true;
    forget();
    window.location.reload();
  });

  session()
    .then(start)
    .catch(function () {
      statusLine.className = 'status error';
      statusLine.textContent = 'The chat is not available right now. Please try again later, or call ' + config.phone + '.';
    });
})();
