/*
 * The chat's connection to this server's Direct Line endpoint, in place of Web Chat's DirectLine object
 * (botframework-directlinejs): the same face to Web Chat (activity$, connectionStatus$, postActivity, end), with
 * what that client lacks when the network drops or the server restarts.
 *
 * Why not directlinejs (0.15, inside Web Chat 4.18): when its WebSocket closes it keeps connectionStatus "Online"
 * (Web Chat keeps saying "Connected"), waits 3 to 15 s, then asks for a new stream URL, retrying every 20 s; a
 * message posted meanwhile fails at once, its postActivity answers the id "retry" and nothing sends it again, so
 * Web Chat shows "Send failed" after 20 s; a Retry then sends a second copy if the first had in fact arrived.
 *
 * Here:
 * - A dropped stream (socket closed, browser offline, a failed post) is told to the page (onStatus "reconnecting":
 *   it shows so, and sets Web Chat's connectivity notice to "Network interruption occurred. Reconnecting…") and
 *   reconnects with backoff
 *   (0.5 s doubling to 10 s, at once when the browser says it is online again). Reconnecting first reads what the
 *   server has after the last watermark (GET /activities), then opens a new stream after it: nothing is missed.
 * - Messages are posted one at a time, in order. A message written while the connection is down waits in a queue
 *   and is posted when it is back, exactly once: each carries Web Chat's channelData.clientActivityID, and one
 *   whose echo has already come back from the server (a post whose answer was lost) is not posted again.
 *   A message that waited longer than `giveUpAfterMs` (the page's Web Chat sendTimeout, less a second) is dropped
 *   from the queue, so that Web Chat's "Send failed. Retry." never races a copy still waiting here.
 * - Activities are delivered once each (by id), whatever a reconnect sends again.
 * - The conversation cannot continue only when the server refuses it: 401, 403 or 404 (token expired, conversation
 *   gone). Then onEnded(reason, unsentTexts) tells the page, which says so and starts afresh.
 * - The token is renewed every 15 minutes (tokens live at least 16), as directlinejs does.
 *
 * Exposed as window.ClinicConnection.create(options) for chat.js.
 */
(function () {
  'use strict';

  var CONNECTING = 1;
  var ONLINE = 2;
  var ENDED = 5;
  var UNINITIALIZED = 0;
  var KEEPALIVE_MS = 20000;
  var REFRESH_MS = 15 * 60 * 1000;
  var BACKOFF_FIRST_MS = 500;
  var BACKOFF_MAX_MS = 10000;

  /** The part of an RxJS Subject that Web Chat uses: subscribe({ next }) returning { unsubscribe }. */
  function Subject(onFirstSubscribe) {
    this.observers = [];
    this.onFirstSubscribe = onFirstSubscribe;
  }
  Subject.prototype.subscribe = function (observer) {
    var o = typeof observer === 'function' ? { next: observer } : observer || {};
    var observers = this.observers;
    observers.push(o);
    if (this.onFirstSubscribe) {
      var first = this.onFirstSubscribe;
      this.onFirstSubscribe = null;
      first();
    }
    return {
      unsubscribe: function () {
        var i = observers.indexOf(o);
        if (i >= 0) observers.splice(i, 1);
      },
    };
  };
  Subject.prototype.next = function (value) {
    this.observers.slice().forEach(function (o) {
      if (o.next) o.next(value);
    });
  };

  /** A Subject with a current value, given to each new subscriber (Web Chat reads the connection status this way). */
  function BehaviorSubject(value) {
    Subject.call(this);
    this.value = value;
  }
  BehaviorSubject.prototype = Object.create(Subject.prototype);
  BehaviorSubject.prototype.subscribe = function (observer) {
    var o = typeof observer === 'function' ? { next: observer } : observer || {};
    var subscription = Subject.prototype.subscribe.call(this, o);
    if (o.next) o.next(this.value);
    return subscription;
  };
  BehaviorSubject.prototype.getValue = function () {
    return this.value;
  };
  BehaviorSubject.prototype.next = function (value) {
    if (value === this.value) return;
    this.value = value;
    Subject.prototype.next.call(this, value);
  };

  /** An observable of one value (postActivity's answer); unsubscribing before it comes calls onCancel. */
  function single(start, onCancel) {
    return {
      subscribe: function (observer) {
        var o = typeof observer === 'function' ? { next: observer } : observer || {};
        var done = false;
        start(
          function (value) {
            if (done) return;
            done = true;
            if (o.next) o.next(value);
            if (o.complete) o.complete();
          },
          function (error) {
            if (done) return;
            done = true;
            if (o.error) o.error(error);
          },
        );
        return {
          unsubscribe: function () {
            if (!done && onCancel) onCancel();
            done = true;
          },
        };
      },
    };
  }

  /** An HTTP failure with its status (0: the request did not reach the server) and the server's error code. */
  function httpError(status, code) {
    var error = new Error(status ? 'HTTP ' + status : 'network error');
    error.status = status;
    error.code = code || '';
    return error;
  }

  function create(options) {
    var domain = options.domain;
    var state = {
      conversationId: options.conversationId || '',
      token: options.token,
      watermark: options.watermark || '',
      resume: Boolean(options.conversationId),
    };
    var onChange = options.onChange || function () {};
    var onStatus = options.onStatus || function () {};
    var onEnded = options.onEnded || function () {};
    var giveUpAfterMs = options.giveUpAfterMs || 60000;

    var status$ = new BehaviorSubject(UNINITIALIZED);
    var activity$ = new Subject(function () {
      connect();
    });
    var seen = {};
    var echoed = {};
    var queue = [];
    var posting = false;
    var ws = null;
    var ended = false;
    var wasOnline = false;
    var up = false;
    var backoff = BACKOFF_FIRST_MS;
    var reconnectTimer = null;
    var keepAliveTimer = null;
    var refreshTimer = null;
    var connecting = false;

    /**
     * Whether the stream is up. Web Chat is told Connecting only until the first connection: told it again later,
     * Web Chat stops its posting (whileConnected cancels it on RECONNECT_PENDING) and loses what the visitor sends
     * meanwhile. After that the page shows the reconnecting state itself (onStatus), and posts wait here.
     */
    function setStatus(value) {
      up = value === ONLINE;
      if (!wasOnline) status$.next(value);
      onStatus(value === ONLINE ? 'online' : wasOnline ? 'reconnecting' : 'connecting');
      if (value === ONLINE) wasOnline = true;
    }

    function request(method, path, body) {
      var init = {
        method: method,
        headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
      };
      if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      return fetch(domain + path, init).then(
        function (res) {
          return res.text().then(function (text) {
            var json = null;
            try {
              json = text ? JSON.parse(text) : null;
            } catch (e) {
              json = null;
            }
            if (!res.ok) {
              var error = httpError(res.status, json && json.error && json.error.code);
              error.retryAfter = Number(res.headers.get('Retry-After')) || 0;
              throw error;
            }
            return json;
          });
        },
        function () {
          throw httpError(0);
        },
      );
    }

    /** The server refuses this conversation for good: the token expired or is not valid, or the conversation is gone. */
    function refused(error) {
      return error.status === 401 || error.status === 403 || error.status === 404;
    }

    function deliver(set) {
      if (!set || ended) return;
      (set.activities || []).forEach(function (activity) {
        if (activity.id) {
          if (seen[activity.id]) return;
          seen[activity.id] = true;
        }
        var clientId = activity.channelData && activity.channelData.clientActivityID;
        if (clientId) echoed[clientId] = activity.id || true;
        activity$.next(activity);
      });
      if (set.watermark !== undefined && set.watermark !== null && set.watermark !== '') state.watermark = String(set.watermark);
      onChange(snapshot());
    }

    function snapshot() {
      return { conversationId: state.conversationId, token: state.token, watermark: state.watermark };
    }

    /** First connection: start the conversation (POST) or resume it (GET), then open the stream. */
    function connect() {
      if (ended) return;
      setStatus(CONNECTING);
      connecting = true;
      var opened = state.resume
        ? request('GET', '/conversations/' + encodeURIComponent(state.conversationId) + '?watermark=' + encodeURIComponent(state.watermark))
        : request('POST', '/conversations');
      opened.then(
        function (conversation) {
          state.conversationId = conversation.conversationId || state.conversationId;
          state.token = conversation.token || state.token;
          state.resume = true;
          onChange(snapshot());
          scheduleRefresh();
          openSocket(conversation.streamUrl);
        },
        function (error) {
          connecting = false;
          if (refused(error)) return end('refused', error);
          retryLater();
        },
      );
    }

    /** After a drop: what the server has after our watermark, then a new stream from there. */
    function reconnect() {
      reconnectTimer = null;
      if (ended || connecting || ws) return;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return retryLater();
      connecting = true;
      var path = '/conversations/' + encodeURIComponent(state.conversationId);
      request('GET', path + '/activities?watermark=' + encodeURIComponent(state.watermark))
        .then(function (set) {
          deliver(set);
          return request('GET', path + '?watermark=' + encodeURIComponent(state.watermark));
        })
        .then(
          function (conversation) {
            state.token = conversation.token || state.token;
            onChange(snapshot());
            openSocket(conversation.streamUrl);
          },
          function (error) {
            connecting = false;
            if (refused(error)) return end('refused', error);
            retryLater();
          },
        );
    }

    function retryLater() {
      if (ended || reconnectTimer) return;
      if (up || !wasOnline) setStatus(CONNECTING);
      reconnectTimer = setTimeout(reconnect, backoff);
      backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    }

    function openSocket(streamUrl) {
      if (ended) return;
      var socket = new WebSocket(streamUrl);
      ws = socket;
      socket.onopen = function () {
        if (ws !== socket) return;
        connecting = false;
        backoff = BACKOFF_FIRST_MS;
        setStatus(ONLINE);
        clearInterval(keepAliveTimer);
        // Chromium notices a dead connection only when it sends something: the server ignores empty messages.
        keepAliveTimer = setInterval(function () {
          try {
            socket.send('');
          } catch (e) {
            /* closing: onclose follows */
          }
        }, KEEPALIVE_MS);
        flush();
      };
      socket.onmessage = function (message) {
        if (ws !== socket || !message.data) return;
        try {
          deliver(JSON.parse(message.data));
        } catch (e) {
          /* not an activity set: ignore */
        }
      };
      socket.onclose = socket.onerror = function () {
        if (ws !== socket) return;
        dropped();
      };
    }

    /** The stream is gone (or cannot be trusted): close it and reconnect. */
    function dropped() {
      if (ended) return;
      var socket = ws;
      ws = null;
      connecting = false;
      clearInterval(keepAliveTimer);
      if (socket) {
        socket.onclose = socket.onerror = socket.onmessage = socket.onopen = null;
        try {
          socket.close();
        } catch (e) {
          /* already closed */
        }
      }
      retryLater();
    }

    /** Posts the queued messages, one at a time and in order, while the connection is up. */
    function flush() {
      if (posting || ended || !up) return;
      var item = queue[0];
      if (!item) return;
      if (item.clientId && echoed[item.clientId]) {
        // The server has it already (our earlier post reached it; its answer did not reach us).
        queue.shift();
        item.resolve(typeof echoed[item.clientId] === 'string' ? echoed[item.clientId] : item.clientId);
        return flush();
      }
      posting = true;
      item.posting = true;
      request('POST', '/conversations/' + encodeURIComponent(state.conversationId) + '/activities', item.activity).then(
        function (answer) {
          posting = false;
          queue.shift();
          item.resolve((answer && answer.id) || '');
          flush();
        },
        function (error) {
          posting = false;
          item.posting = false;
          if (refused(error)) return end('refused', error);
          if (error.status === 429) {
            setTimeout(flush, Math.max(1, error.retryAfter) * 1000);
          } else if (error.status === 502 && error.code === 'BotError') {
            // The server kept the message and the bot failed to answer it: posting it again would repeat it.
            queue.shift();
            item.resolve('');
            flush();
          } else if (error.status === 0 || error.status >= 500) {
            dropped(); // the network or a proxy: keep it queued, post it again once reconnected
          } else {
            queue.shift(); // refused as it is (too long, bad request): Web Chat shows "Send failed"
            item.reject(error);
            flush();
          }
        },
      );
    }

    /** Messages that waited too long while the connection was down: Web Chat is about to show them as failed. */
    function giveUpOnOld() {
      var now = Date.now();
      queue = queue.filter(function (item) {
        if (item.posting || now - item.queuedAt < giveUpAfterMs) return true;
        item.reject(new Error('not sent: the connection did not come back in time'));
        return false;
      });
    }
    var giveUpTimer = setInterval(giveUpOnOld, 1000);

    function postActivity(activity) {
      return single(function (resolve, reject) {
        if (ended) return reject(new Error('the conversation has ended'));
        var item = {
          activity: activity,
          clientId: activity && activity.channelData && activity.channelData.clientActivityID,
          queuedAt: Date.now(),
          resolve: resolve,
          reject: reject,
        };
        queue.push(item);
        flush();
      }, null);
    }

    function scheduleRefresh() {
      if (refreshTimer) return;
      refreshTimer = setInterval(function () {
        request('POST', '/tokens/refresh').then(
          function (fresh) {
            state.token = fresh.token || state.token;
            onChange(snapshot());
          },
          function (error) {
            if (refused(error)) end('refused', error);
            // Offline: the next reconnect renews the stream; the token is tried again in 15 minutes.
          },
        );
      }, REFRESH_MS);
    }

    function stop() {
      ended = true;
      clearTimeout(reconnectTimer);
      clearInterval(keepAliveTimer);
      clearInterval(refreshTimer);
      clearInterval(giveUpTimer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      if (ws) {
        var socket = ws;
        ws = null;
        socket.onclose = socket.onerror = socket.onmessage = null;
        try {
          socket.close();
        } catch (e) {
          /* already closed */
        }
      }
    }

    /** The conversation cannot continue: tell the page, with the texts that were not sent. */
    function end(reason, error) {
      if (ended) return;
      var unsent = queue
        .map(function (item) {
          return item.activity && item.activity.type === 'message' ? item.activity.text || '' : '';
        })
        .filter(Boolean);
      queue = [];
      stop();
      onEnded(reason, unsent, error); // Web Chat keeps its transcript on screen; the page explains and starts afresh
    }

    function onOnline() {
      if (ended || ws || connecting) return;
      clearTimeout(reconnectTimer);
      reconnectTimer = null;
      backoff = BACKOFF_FIRST_MS;
      reconnect();
    }
    function onOffline() {
      if (ws) dropped();
    }
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);

    return {
      activity$: activity$,
      connectionStatus$: status$,
      postActivity: postActivity,
      get conversationId() {
        return state.conversationId;
      },
      get token() {
        return state.token;
      },
      get watermark() {
        return state.watermark;
      },
      end: function () {
        stop();
        status$.next(ENDED);
      },
    };
  }

  window.ClinicConnection = { create: create };
})();
