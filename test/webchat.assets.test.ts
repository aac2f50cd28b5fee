/**
 * The website chat's files over HTTP, on the real server (issue #17 item 3): what a visitor's browser downloads
 * and keeps.
 *
 * - Brotli when the browser accepts it, gzip otherwise, plain for neither; `Vary: Accept-Encoding` always; each
 *   encoding has its own ETag, and a browser that has it gets 304.
 * - The page links its files by URLs carrying their content hash; those are cached for a year (immutable). The same
 *   file asked without the hash, or with an old one, is `no-cache`, so no site keeps an old file for a year.
 * - The launcher script clinics link (`/widget.js`) is cached 5 minutes only (an upgrade reaches every site), carries
 *   the clinic's settings (name, greeting) and may be loaded by other sites.
 * - The page uses Web Chat's minimal bundle, which the page's script has everything to draw replies with.
 */
import { expect } from 'chai';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../src/channels/webchat/assets';
import { startTestApp, TestApp } from './appHelpers';

const GREETING = 'Questions about acupuncture? Ask us here.';

describe('the website chat’s files: compressed, versioned, cached as their URL says', function () {
  this.timeout(60_000);
  let app: TestApp;
  let html: string;

  before(async () => {
    app = await startTestApp({ WEBCHAT_GREETING: GREETING });
    html = await (await fetch(`${app.base}/`)).text();
  });
  after(async () => app?.close());

  /** The page's URL for a file (with its ?v= hash). */
  const linked = (file: string): string => {
    const m = new RegExp(`(?:src|href)="(/webchat/${file.replace('.', '\\.')}\\?v=[\\w-]+)"`).exec(html);
    if (!m) throw new Error(`the page does not link ${file}`);
    return m[1];
  };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.base}${path}`, { headers });

  it('links Web Chat’s minimal bundle, the page’s script and style by content-hash URLs cached for a year', async () => {
    for (const file of ['webchat-minimal.js', 'chat.js', 'chat.css']) {
      const res = await get(linked(file), { 'accept-encoding': 'br, gzip' });
      expect(res.status, file).to.equal(200);
      expect(res.headers.get('cache-control'), file).to.equal('public, max-age=31536000, immutable');
      await res.arrayBuffer();
    }
    expect(html).to.not.contain('/webchat/webchat.js'); // the full bundle is not what the page loads
  });

  it('serves a file asked without its hash, or with an old one, as no-cache, so a stale URL is never kept for a year', async () => {
    const current = linked('chat.js');
    for (const path of ['/webchat/chat.js', '/webchat/chat.js?v=an-old-version']) {
      const res = await get(path);
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('cache-control'), path).to.equal('no-cache');
      expect(await res.text()).to.equal(await (await get(current)).text());
    }
  });

  it('sends brotli to browsers that accept it, gzip to those that accept only gzip, and plain text to the others', async () => {
    const url = linked('webchat-minimal.js');
    const plain = Buffer.from(await (await get(url, { 'accept-encoding': 'identity' })).arrayBuffer());
    const raw = async (encoding: string) => {
      // fetch would decode it: ask with node's http to see the bytes on the wire.
      const { request } = await import('node:http');
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = request(`${app.base}${url}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    };
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).to.equal('br');
    expect(br.headers.vary).to.contain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain)).to.equal(true);
    expect(br.body.length, 'brotli is well under half the size').to.be.below(plain.length / 3);

    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(gz.body).equals(plain)).to.equal(true);
    expect(gz.headers.etag).to.not.equal(br.headers.etag);

    const none = await raw('identity');
    expect(none.headers['content-encoding']).to.equal(undefined);
    expect(none.body.equals(plain)).to.equal(true);

    const revalidated = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(revalidated.status).to.equal(304);
  });

  it('reads Accept-Encoding as browsers and proxies write it (brotli first, a coding with q=0 refused)', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).to.equal('br');
    expect(chooseEncoding('br;q=0, gzip')).to.equal('gzip');
    expect(chooseEncoding('BR')).to.equal('br');
    expect(chooseEncoding('*')).to.equal('gzip');
    expect(chooseEncoding('deflate')).to.equal('identity');
    expect(chooseEncoding(undefined)).to.equal('identity');
  });

  it('serves the launcher script short-cached, loadable by other sites, with the clinic’s settings in it', async () => {
    const res = await get('/widget.js', { 'accept-encoding': 'br' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/javascript/);
    expect(res.headers.get('cache-control')).to.equal('public, max-age=300');
    expect(res.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
    const script = await res.text();
    expect(script)
      .to.contain(GREETING)
      .and.contain('Example Needling Clinic')
      .and.not.match(/= __(CONFIG|STYLE)__;/);
    expect(script.length, 'the launcher is small').to.be.below(16_000);
    const head = await fetch(`${app.base}/widget.js`, { method: 'HEAD' });
    expect(head.status).to.equal(200);
  });

  it('still serves the full bundle where the old script embed asks for it, no longer cached for a year', async () => {
    const res = await get('/webchat/webchat.js', { 'accept-encoding': 'gzip' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-cache');
    expect((await res.text()).length).to.be.greaterThan(3_000_000);
  });
});
