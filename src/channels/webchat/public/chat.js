/*
 * The clinic's chat page: Web Chat's minimal bundle (served by this server) talking to this server's Direct Line
 * endpoint through connection.js (which reconnects by itself and sends what was written meanwhile exactly once),
 * with replies drawn by markdown.js. The server joins markdown.js, connection.js and this file into one script.
 *
 * The conversation survives a reload of the tab: its id, token and watermark are kept in sessionStorage
 * (this tab only; gone when the tab closes). On reload the page renews the token (POST /tokens/refresh)
 * and resumes the conversation (GET /conversations/{id}), asking for it from the start so that Web Chat, whose
 * transcript lived in the old page's memory, can show the history again.
 *
 * While the connection is down the page says so ("Reconnecting…"); when the server refuses the conversation for
 * good (token expired, conversation gone) the page says the conversation could not continue, starts a new one and
 * puts what the visitor had written and not sent back in the send box, so that no question is silently lost.
 *
 * Replies are made to read well (readableMarkdown): each line of a reply stays a line (contact details, the
 * booking summary), phone numbers and emails become tel: and mailto: links (Web Chat links web addresses),
 * and the bot's urgent replies (importance "high": emergency and crisis guidance) are set apart as an alert.
 * The screen reader names the bot by the clinic's name, suggested actions wrap instead of scrolling, and the
 * privacy notice above the chat folds away once the visitor has written.
 *
 * In the website widget (the page in the launcher's iframe, ?embed=widget) the page also talks to the launcher on
 * the host page with postMessage, to that page's origin only and without any message text: "ready", "activity"
 * (a reply came, for the unread badge) and "escape" (Escape pressed: minimise); the launcher may ask it to "focus"
 * the send box.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'clinic-chat.conversation';
  /** Set when a conversation could not continue: what to tell the visitor, and what they had not sent, after the reload. */
  var RESTART_KEY = 'clinic-chat.restarted';
  /** Web Chat shows "Send failed. Retry." after this long; connection.js gives up on a queued message a second before. */
  var SEND_TIMEOUT_MS = 120000;
  /** Set when the visitor asked for a new conversation: nothing may save the old one again. */
  var ending = false;
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var domain = window.location.origin + '/v3/directline';
  var root = document.getElementById('webchat');
  var statusLine = document.getElementById('status');
  var notice = document.getElementById('privacy');
  var embed = embedding();

  /** Texts of the bot's urgent replies, marked when they arrive, so that they can be drawn as alerts. */
  var urgentTexts = {};

  /**
   * A phone number as people write it: optional +, optional bracketed area code, digits with single spaces,
   * dots or hyphens. Taken as a number when it has 6 to 15 digits (unbroken digits only when they start with 0),
   * or is exactly the emergency number.
   */
  var PHONE = /\+?\(?\d[\d ().-]*\d/g;
  /** What must not be touched: Markdown links, autolinks, web addresses and emails (Web Chat links those). */
  var NOT_TEXT = /(\[[^\]]*\]\([^)]*\)|<[^>\s]+>|https?:\/\/\S+|www\.\S+|[^\s@()<>]+@[^\s@()<>]+\.[A-Za-z]{2,})/;

  function linkPhones(text) {
    return text.replace(PHONE, function (run, offset) {
      var before = text.charAt(offset - 1);
      var after = text.charAt(offset + run.length);
      if (/[\d,.\w]/.test(before) || /[\d,\w]/.test(after)) return run; // part of a larger number or word
      var digits = run.replace(/\D/g, '');
      var isEmergency = run === String(config.emergencyNumber);
      if (!isEmergency && (digits.length < 6 || digits.length > 15)) return run;
      // Digits alone (no spaces or brackets) are a phone number only when they start like one (0 or +): not "20240101".
      if (!isEmergency && run === digits && run.charAt(0) !== '0') return run;
      return '[' + run + '](tel:' + (run.charAt(0) === '+' ? '+' : '') + digits + ')';
    });
  }

  /** An email address as a mailto: link (Web Chat's own linking misses addresses on newer domains); the rest as it is. */
  function linkEmail(part) {
    var email = /^([^\s@()<>[\]]+@[^\s@()<>[\]]+\.[A-Za-z]{2,})([.,;:!?]*)$/.exec(part);
    return email ? '[' + email[1] + '](mailto:' + email[1] + ')' + email[2] : part;
  }

  /** The bot's text as Markdown that keeps its line breaks and links its phone numbers. */
  function readableMarkdown(markdown) {
    var linked = String(markdown)
      .split(NOT_TEXT)
      .map(function (part, i) {
        return i % 2 ? linkEmail(part) : linkPhones(part);
      })
      .join('');
    return linked; // markdown.js keeps single line breaks as line breaks
  }

  function renderMarkdown(markdown) {
    var html = window.ClinicMarkdown.render(readableMarkdown(markdown));
    return urgentTexts[markdown] ? '<div class="clinic-urgent" role="alert">' + html + '</div>' : html;
  }

  function noticeSeen() {
    if (notice) notice.open = false;
  }

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
        return {
          conversationId: fresh.conversationId,
          token: fresh.token,
          watermark: saved.watermark || '',
          resumed: true,
          wrote: Boolean(saved.wrote),
        };
      },
      function (error) {
        // Expired, not valid or gone (e.g. the server restarted): start afresh. Anything else (offline): give up for now.
        if (error.status >= 400 && error.status < 500) {
          forget();
          if (saved.wrote) markRestarted('');
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
    var words = String(name)
      .replace(/\(.*?\)/g, '')
      .split(/\s+/)
      .filter(Boolean);
    return (
      words
        .slice(0, 2)
        .map(function (w) {
          return w.charAt(0);
        })
        .join('') || 'C'
    ).toUpperCase();
  }

  /** What the status line says while the chat is not simply working (empty: hidden). */
  function showStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.className = 'status' + (isError ? ' error' : '');
    statusLine.hidden = !text;
  }

  /** Where the page is shown: the launcher's widget (?embed=widget) tells us its page's origin (&host=). */
  function embedding() {
    var params = new URLSearchParams(window.location.search);
    if (params.get('embed') !== 'widget' || window.parent === window) return null;
    var host;
    try {
      host = new URL(params.get('host') || '').origin;
    } catch (e) {
      return null;
    }
    return host && host !== 'null' ? { host: host } : null;
  }

  /** Tells the launcher on the host page (its origin only; never message text). */
  function tellLauncher(type, detail) {
    if (!embed) return;
    var message = { source: 'clinic-chat', type: type };
    if (detail) message.detail = detail;
    window.parent.postMessage(message, embed.host);
  }

  function focusSendBox() {
    var input = document.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
    return Boolean(input);
  }

  if (embed) {
    document.documentElement.classList.add('embedded');
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent || event.origin !== embed.host) return;
      var data = event.data || {};
      if (data.source === 'clinic-chat-launcher' && data.type === 'focus') {
        // The send box may not be drawn yet on the first open: try again briefly.
        var tries = 0;
        (function again() {
          if (!focusSendBox() && ++tries < 50) setTimeout(again, 100);
        })();
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Inside a message, Escape is Web Chat's own ("Exit message"): only elsewhere does it minimise the panel.
      var target = event.target;
      if (target && target.closest && target.closest('.webchat__basic-transcript__activity')) return;
      tellLauncher('escape');
    });
  }

  /** After a reload that followed a conversation that could not continue: what to say, and the unsent text. */
  function takeRestart() {
    try {
      var restart = JSON.parse(window.sessionStorage.getItem(RESTART_KEY) || 'null');
      window.sessionStorage.removeItem(RESTART_KEY);
      return restart && typeof restart.draft === 'string' ? restart : null;
    } catch (e) {
      return null;
    }
  }

  function markRestarted(draft) {
    try {
      window.sessionStorage.setItem(RESTART_KEY, JSON.stringify({ draft: draft }));
    } catch (e) {
      /* storage disabled: the new conversation starts without the explanation and the draft */
    }
  }

  /** The server refused the conversation for good: say so, then start a new one with the unsent text in the box. */
  function conversationEnded(unsent) {
    ending = true;
    forget();
    markRestarted(unsent.join('\n'));
    showStatus('This conversation could not continue. Starting a new one…', true);
    setTimeout(function () {
      window.location.reload();
    }, 1500);
  }

  function start(current) {
    save(current);
    var restart = takeRestart();
    var directLine = window.ClinicConnection.create({
      domain: domain,
      token: current.token,
      // Resume through GET /conversations/{id} (from the start: the history); a new token's conversation is started
      // with POST /conversations.
      conversationId: current.resumed ? current.conversationId : undefined,
      giveUpAfterMs: SEND_TIMEOUT_MS - 1000,
      onChange: remember,
      onStatus: function (status) {
        if (status !== 'connecting') connectivity(status === 'online' ? 'connected' : 'reconnecting');
        if (status === 'reconnecting') {
          showStatus('Reconnecting… What you write is sent when the connection is back.');
        } else if (status === 'online') {
          showStatus(
            restart
              ? 'The earlier conversation could not continue, so this is a new one.' +
                  (restart.draft ? ' What you had written is in the box below: press Send to ask it here.' : '')
              : '',
          );
        }
      },
      onEnded: function (_reason, unsent) {
        conversationEnded(unsent);
      },
    });

    // Keep what a reload needs: the conversation, the latest token (renewed every 15 minutes)
    // and the watermark of the last activity received.
    function remember() {
      current.conversationId = directLine.conversationId || current.conversationId;
      current.token = directLine.token || current.token;
      current.watermark = directLine.watermark || current.watermark;
      save(current);
    }
    if (current.wrote) noticeSeen();
    /** Web Chat's own connectivity notice (under the transcript, and for screen readers), set without its reconnect. */
    function connectivity(message) {
      if (!store) return;
      store.dispatch({
        type: 'WEB_CHAT/SET_NOTIFICATION',
        payload: { id: 'connectivitystatus', level: message === 'connected' ? 'success' : 'info', message: message },
      });
    }
    var store = null;
    store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.importance === 'high') {
            // Only the bot's replies can carry it: the server drops importance from what visitors post.
            urgentTexts[activity.text] = true;
          }
          if (action.type === 'WEB_CHAT/SEND_MESSAGE' || action.type === 'WEB_CHAT/SEND_MESSAGE_BACK' || action.type === 'WEB_CHAT/SEND_POST_BACK') {
            noticeSeen();
            current.wrote = true; // after a reload the notice stays folded
            save(current);
          }
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            tellLauncher('ready');
            if (restart && restart.draft) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: restart.draft } });
          }
          if (
            action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' &&
            activity &&
            activity.type === 'message' &&
            activity.from &&
            activity.from.role === 'bot'
          ) {
            tellLauncher('activity'); // the launcher counts the replies that come while it is minimised
          }
          return result;
        };
      };
    });
    window.addEventListener('pagehide', remember);

    showStatus('');
    root.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: config.locale,
        sendTypingIndicator: false,
        renderMarkdown: renderMarkdown,
        // The screen reader says who is speaking: the clinic, not the avatar's initials ("Bot EN said").
        overrideLocalizedStrings: {
          ACTIVITY_BOT_SAID_ALT: config.clinicName + ' said:',
          ACTIVITY_BOT_ATTACHED_ALT: config.clinicName + ' attached:',
        },
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
          // Big enough to tap (44 px), and wrapped onto more lines rather than a carousel whose arrow hides one.
          suggestedActionHeight: 44,
          suggestedActionLayout: 'flow',
          sendBoxButtonColor: config.primaryColor,
          hideUploadButton: true,
          // A message written while offline waits (connection.js) and is sent when the connection is back.
          sendTimeout: SEND_TIMEOUT_MS,
        },
      },
      root,
    );
  }

  document.getElementById('end-chat').addEventListener('click', function () {
    if (!window.confirm('Start a new conversation? This clears the chat on this page.')) return;
    ending = true;
    forget();
    window.location.reload();
  });

  /** Web Chat's bundle, which the page loads after this script: the token is asked for while it downloads. */
  function webChatLoaded() {
    return new Promise(function (resolve, reject) {
      function check() {
        if (window.WebChat) resolve();
        else reject(new Error('Web Chat did not load'));
      }
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
      else check();
    });
  }

  Promise.all([session(), webChatLoaded()])
    .then(function (ready) {
      start(ready[0]);
    })
    .catch(function () {
      showStatus('The chat is not available right now. Please try again later, or call ' + config.phone + '.', true);
    });
})();
