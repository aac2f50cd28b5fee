/*
 * The chat's Markdown renderer: the little Markdown the bot writes, as safe HTML, so that the page can use Web Chat's
 * minimal bundle (which has no renderer of its own: the full bundle's markdown-it and Adaptive Cards are 265 KB of
 * the 640 KB the full bundle costs on the wire, brotli).
 *
 * What the bot writes (src/bot/replies.ts, knowledge/answers.json, taught answers): paragraphs separated by blank
 * lines, one item per line (contact details, the booking summary), lists ("- ", "* ", "• ", "1. "), links
 * ([text](url), <url>, bare web addresses), **bold** and *emphasis*. Every other character is escaped: no HTML from a
 * message reaches the page. Links go only to http(s):, tel: and mailto: addresses; web links open in a new tab.
 *
 * Web Chat keeps only the element children of what this returns, so every piece of text is inside an element.
 * Exposed as window.ClinicMarkdown.render(markdown) for chat.js.
 */
(function () {
  'use strict';

  var ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return ESCAPES[c];
    });
  }

  /** The address a link may go to, or '' (javascript:, data: and the like are not links). */
  function safeHref(url) {
    var href = String(url).trim();
    if (/^www\./i.test(href)) href = 'https://' + href;
    return /^(https?:\/\/|tel:\+?[\d]|mailto:[^\s@]+@)/i.test(href) ? href : '';
  }

  function anchor(href, innerHtml) {
    var web = /^https?:/i.test(href);
    return (
      '<a href="' +
      escapeHtml(href) +
      '"' +
      (web ? ' target="_blank" rel="noopener noreferrer"' : '') +
      '>' +
      innerHtml +
      (web ? '<span class="clinic-sr-only"> (opens in a new tab)</span>' : '') +
      '</a>'
    );
  }

  /** A web address at the end of a sentence keeps its full stop, comma or closing bracket outside the link. */
  function splitTrailing(url) {
    var m = /^(.*?)([.,;:!?)\]]*)$/.exec(url);
    return { url: m[1], rest: m[2] };
  }

  // One pass over a line: the first alternative that matches at a position wins.
  var INLINE_SOURCE = new RegExp(
    [
      '\\[([^\\]]+)\\]\\(([^)\\s]+)\\)', // 1, 2: [text](url)
      '<((?:https?:\\/\\/|mailto:|tel:)[^>\\s]+)>', // 3: <url>
      '((?:https?:\\/\\/|www\\.)[^\\s<]+)', // 4: a bare web address
      '\\*\\*([^*]+)\\*\\*|__([^_]+)__', // 5, 6: bold
      '\\*([^*\\s][^*]*)\\*', // 7: emphasis (not "* " list markers or "5 * 3")
    ].join('|'),
    'g',
  );

  function inline(text) {
    var INLINE = new RegExp(INLINE_SOURCE.source, 'g'); // its own: bold and link texts are read by a nested call
    var out = '';
    var last = 0;
    var m;
    while ((m = INLINE.exec(text))) {
      out += escapeHtml(text.slice(last, m.index));
      last = INLINE.lastIndex;
      var href;
      if (m[1] !== undefined) {
        href = safeHref(m[2]);
        out += href ? anchor(href, inline(m[1])) : escapeHtml(m[0]);
      } else if (m[3] !== undefined) {
        href = safeHref(m[3]);
        out += href ? anchor(href, escapeHtml(m[3].replace(/^(mailto|tel):/i, ''))) : escapeHtml(m[0]);
      } else if (m[4] !== undefined) {
        var parts = splitTrailing(m[4]);
        out += anchor(safeHref(parts.url), escapeHtml(parts.url)) + escapeHtml(parts.rest);
      } else if (m[5] !== undefined || m[6] !== undefined) {
        out += '<strong>' + inline(m[5] !== undefined ? m[5] : m[6]) + '</strong>';
      } else {
        out += '<em>' + inline(m[7]) + '</em>';
      }
    }
    return out + escapeHtml(text.slice(last));
  }

  var BULLET = /^\s*[-*•]\s+(.*)$/;
  var NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;

  /** One block (no blank lines inside): runs of list items become lists, other lines a paragraph with line breaks. */
  function block(lines) {
    var html = '';
    var paragraph = [];
    var list = null;
    function flushParagraph() {
      if (paragraph.length) html += '<p>' + paragraph.join('<br>') + '</p>';
      paragraph = [];
    }
    function flushList() {
      if (list) html += list.open + list.items.join('') + '</' + list.tag + '>';
      list = null;
    }
    lines.forEach(function (line) {
      var bullet = BULLET.exec(line);
      var numbered = !bullet && NUMBERED.exec(line);
      if (bullet || numbered) {
        var tag = bullet ? 'ul' : 'ol';
        flushParagraph();
        if (!list || list.tag !== tag) {
          flushList();
          list = { tag: tag, open: numbered && numbered[1] !== '1' ? '<ol start="' + Number(numbered[1]) + '">' : '<' + tag + '>', items: [] };
        }
        list.items.push('<li>' + inline(bullet ? bullet[1] : numbered[2]) + '</li>');
      } else {
        flushList();
        paragraph.push(inline(line.trim()));
      }
    });
    flushParagraph();
    flushList();
    return html;
  }

  function render(markdown) {
    var blocks = String(markdown == null ? '' : markdown)
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n/);
    return blocks
      .map(function (b) {
        return block(
          b.split('\n').filter(function (l) {
            return l.trim() !== '';
          }),
        );
      })
      .join('');
  }

  window.ClinicMarkdown = { render: render, escapeHtml: escapeHtml };
})();
