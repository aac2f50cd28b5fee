/**
 * The chat page's Markdown renderer (src/channels/webchat/public/markdown.js), which replaces the full Web Chat
 * bundle's markdown-it: the bot's replies keep their lines and lists, links work, and nothing in a message can
 * become HTML on the page (a message is text, whoever wrote it). Run in a Node vm as the page runs it.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { PUBLIC_DIR } from '../src/channels/webchat/page';

function renderer(): (markdown: string) => string {
  const window: { ClinicMarkdown?: { render: (m: string) => string } } = {};
  runInNewContext(readFileSync(join(PUBLIC_DIR, 'markdown.js'), 'utf8'), { window });
  return window.ClinicMarkdown!.render;
}

describe('the chat page’s Markdown renderer', () => {
  const render = renderer();

  it('keeps each line of a reply a line, and blank lines as paragraphs', () => {
    expect(render('Name: Sam\nPhone: 0400 123 456\n\nIs that right?')).to.equal('<p>Name: Sam<br>Phone: 0400 123 456</p><p>Is that right?</p>');
  });

  it('draws lists, also straight after a line of text', () => {
    expect(render('You can ask:\n- What is dry needling?\n- How do I book?')).to.equal(
      '<p>You can ask:</p><ul><li>What is dry needling?</li><li>How do I book?</li></ul>',
    );
    expect(render('1. Name\n2. Phone')).to.equal('<ol><li>Name</li><li>Phone</li></ol>');
  });

  it('links web addresses (new tab, said so for screen readers), tel: and mailto: links, and keeps a full stop out of the link', () => {
    const html = render('Book at https://clinic.example/book. Or [call us](tel:+61390000000) or [email](mailto:a@clinic.example)');
    expect(html).to.contain('<a href="https://clinic.example/book" target="_blank" rel="noopener noreferrer">https://clinic.example/book<span');
    expect(html).to.contain('opens in a new tab');
    expect(html).to.contain('</a>. Or');
    expect(html).to.contain('<a href="tel:+61390000000">call us</a>');
    expect(html).to.contain('<a href="mailto:a@clinic.example">email</a>');
  });

  it('turns no text into HTML: tags are shown as written and script links are not links', () => {
    const html = render('<img src=x onerror=alert(1)> [click](javascript:alert(1)) **<b>bold</b>** "quoted" & more');
    expect(html).to.not.match(/<img|<b>|href="javascript/i);
    expect(html).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).to.contain('[click](javascript:alert(1))');
    expect(html).to.contain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
    expect(html).to.contain('&quot;quoted&quot; &amp; more');
  });

  it('puts every piece of text inside an element (Web Chat keeps only the elements)', () => {
    for (const text of ['plain', '- a\nb', '**bold** only', '']) {
      const html = render(text);
      expect(html === '' || /^<(p|ul|ol)[ >]/.test(html), JSON.stringify(text)).to.equal(true);
    }
  });
});
