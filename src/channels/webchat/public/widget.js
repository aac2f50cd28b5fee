/*
 * The website widget: the one script a clinic adds to its site,
 *
 *   <script src="https://chat.clinic.example/widget.js" async></script>
 *
 * It draws a "Chat with us" button in the corner (in a shadow root: the site's styles and this one's stay apart).
 * Pressing it opens a panel holding the chat page in an iframe (/?embed=widget), with the privacy notice, the
 * reply formatting and the reconnecting of the full page; nothing of Web Chat loads before that, so a page view
 * costs this script only, and no conversation exists until the panel is opened (none is stored until the visitor
 * writes). Escape or the minimise button folds the panel away (the chat goes on: replies that come meanwhile show
 * as a count on the button) and gives focus back to the button. Whether the panel was open is remembered on this
 * site (localStorage), so it stays open from page to page. An optional greeting bubble (WEBCHAT_GREETING) shows
 * until the visitor opens the chat or dismisses it.
 *
 * A site not in WEBCHAT_ALLOWED_ORIGINS gets, in the panel, the server's page saying the chat can't be shown there,
 * with the clinic's number. The server fills in CONFIG (clinic name, colours, greeting, labels) and STYLE.
 * Messages from the chat page are taken only from the bot's origin and the panel's own frame.
 */
(function () {
  'use strict';

  /* global __CONFIG__, __STYLE__ -- replaced by page.ts (widgetScript) before the script is served */
  var CONFIG = __CONFIG__;
  var STYLE = __STYLE__;
  var KEY_OPEN = 'clinic-chat-widget.open';
  var KEY_GREETED = 'clinic-chat-widget.greeted';

  if (window.__clinicChatWidget) return; // the script was added twice
  window.__clinicChatWidget = true;

  /** The bot's origin: where this script came from. */
  function botOrigin() {
    var script = document.currentScript;
    if (!script) {
      var all = document.querySelectorAll('script[src*="widget.js"]');
      script = all[all.length - 1];
    }
    return new URL(script ? script.src : '/', window.location.href).origin;
  }

  var origin = botOrigin();

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* storage disabled: the widget just does not remember */
    }
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute(
      'd',
      'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z',
    );
    svg.appendChild(path);
    return svg;
  }

  function build() {
    var host = el('div', { id: 'clinic-chat-widget' });
    var shadow = host.attachShadow({ mode: 'open' });
    var css = ':host { --primary: ' + CONFIG.primaryColor + '; --accent: ' + CONFIG.accentColor + '; }\n' + STYLE;
    if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      // A constructed style sheet: allowed by a host page whose Content-Security-Policy forbids inline styles.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.appendChild(el('style', { text: css }));
    }

    var badgeCount = el('span', { 'aria-hidden': 'true' });
    var badgeText = el('span', { class: 'sr-only' });
    var badge = el('span', { class: 'badge', hidden: '' }, [badgeCount, badgeText]);
    var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel' }, [
      chatIcon(),
      el('span', { text: CONFIG.launcherLabel }),
      badge,
    ]);
    var minimise = el('button', { type: 'button', class: 'minimise', 'aria-label': 'Minimise the chat', title: 'Minimise' }, [
      el('span', { 'aria-hidden': 'true', text: '\u2013' }),
    ]);
    var panel = el('section', { id: 'panel', class: 'panel', role: 'dialog', 'aria-label': CONFIG.panelLabel, hidden: '' }, [
      el('div', { class: 'bar' }, [el('h2', { class: 'title', text: CONFIG.clinicName }), minimise]),
    ]);
    var dismiss = el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss the greeting' }, [
      el('span', { 'aria-hidden': 'true', text: '\u00d7' }),
    ]);
    var greeting = el('div', { class: 'greeting', role: 'note', hidden: '' }, [el('p', { text: CONFIG.greeting }), dismiss]);
    var root = el('div', { class: 'root' }, [panel, greeting, launcher]);
    shadow.appendChild(root);
    document.body.appendChild(host);
    return {
      root: root,
      launcher: launcher,
      minimise: minimise,
      panel: panel,
      greeting: greeting,
      dismiss: dismiss,
      badge: badge,
      badgeCount: badgeCount,
      badgeText: badgeText,
    };
  }

  /** Draws the widget and wires it up (once the page has a body: the script may run from the head). */
  function start() {
    var ui = build();
    var frame = null;
    var ready = false;
    var open = false;
    var unread = 0;
    var focusWhenReady = false;

    function frameUrl() {
      return origin + '/?embed=widget&host=' + encodeURIComponent(window.location.origin);
    }

    function post(type) {
      if (frame && frame.contentWindow) frame.contentWindow.postMessage({ source: 'clinic-chat-launcher', type: type }, origin);
    }

    function showUnread() {
      ui.badge.hidden = unread === 0;
      ui.badgeCount.textContent = unread > 9 ? '9+' : String(unread);
      ui.badgeText.textContent = unread === 1 ? ' (1 new reply)' : ' (' + unread + ' new replies)';
    }

    /** Opens the panel, loading the chat the first time; `focus`: the visitor asked, so the send box gets the focus. */
    function openPanel(focus) {
      if (!frame) {
        frame = el('iframe', { title: CONFIG.panelLabel, src: frameUrl() });
        ui.panel.appendChild(frame);
      }
      open = true;
      ui.panel.hidden = false;
      ui.root.classList.add('open');
      ui.launcher.setAttribute('aria-expanded', 'true');
      ui.greeting.hidden = true;
      store(KEY_GREETED, '1');
      store(KEY_OPEN, '1');
      unread = 0;
      showUnread();
      if (focus) {
        frame.focus();
        if (ready) post('focus');
        else focusWhenReady = true;
      }
    }

    function closePanel() {
      if (!open) return;
      open = false;
      ui.panel.hidden = true;
      ui.root.classList.remove('open');
      ui.launcher.setAttribute('aria-expanded', 'false');
      store(KEY_OPEN, '0');
      ui.launcher.focus();
    }

    ui.launcher.addEventListener('click', function () {
      if (open) closePanel();
      else openPanel(true);
    });
    ui.minimise.addEventListener('click', closePanel);
    ui.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        closePanel();
      }
    });
    ui.dismiss.addEventListener('click', function () {
      ui.greeting.hidden = true;
      store(KEY_GREETED, '1');
      ui.launcher.focus();
    });

    window.addEventListener('message', function (event) {
      if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.source !== 'clinic-chat') return;
      if (data.type === 'ready') {
        ready = true;
        if (focusWhenReady && open) post('focus');
        focusWhenReady = false;
      } else if (data.type === 'escape') {
        closePanel();
      } else if (data.type === 'activity' && !open) {
        unread += 1;
        showUnread();
      }
    });

    if (stored(KEY_OPEN) === '1') {
      openPanel(false); // open on the last page: stays open, without taking the focus from the page
    } else if (CONFIG.greeting && stored(KEY_GREETED) !== '1') {
      setTimeout(function () {
        if (!open) ui.greeting.hidden = false;
      }, CONFIG.greetingDelayMs);
    }
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
