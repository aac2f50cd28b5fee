/**
 * STORAGE=azure-blob with AZURE_STORAGE_ACCOUNT_URL: the bot reaches its storage with a Microsoft Entra token from
 * its managed identity, with no key anywhere, as the Azure template deploys it. Run for real against Azurite in OAuth
 * mode (HTTPS with a certificate made for the test: a token is only ever sent over HTTPS) and a stand-in for App
 * Service's managed-identity endpoint (IDENTITY_ENDPOINT and IDENTITY_HEADER, which App Service sets for the Web
 * App), with the real bot process: start-up, a dialog kept across a restart, and a clear refusal without a token.
 */
import { expect } from 'chai';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { saveIntentModel } from '../src/nlu/model';
import { azuriteBinary, DEV_ACCOUNT, freePort } from './azurite';
import { ask, clinic, replyText } from './helpers';

const IDENTITY_HEADER = 'identity-header-for-the-test';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A token shaped like Entra's for Azure Storage (Azurite checks its times, issuer and audience, not a signature). */
function storageToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = {
    aud: 'https://storage.azure.com',
    iss: 'https://sts.windows.net/22222222-2222-2222-2222-222222222222/',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    oid: 'web-app-identity',
  };
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.${Buffer.from('not-checked').toString('base64url')}`;
}

/** HTTPS GET against Azurite trusting the test's certificate; resolves with the status. */
function httpsStatus(url: string, ca: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { 'x-ms-version': '2021-12-02', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Azure Blob Storage through a managed identity (AZURE_STORAGE_ACCOUNT_URL, no key)', function () {
  this.timeout(120_000);
  let dir: string;
  let ca: string;
  let azurite: ChildProcess | undefined;
  let azuritePort: number;
  let identity: Server;
  let identityPort: number;
  const tokenRequests: Array<{ header: string | undefined; resource: string | null }> = [];
  const bots: ChildProcess[] = [];

  before(async function () {
    if (!hasOpenssl()) this.skip(); // the certificate for Azurite's HTTPS is made with openssl
    dir = mkdtempSync(join(tmpdir(), 'clinic-identity-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'), 'utf8');

    azuritePort = await freePort();
    const args = [
      azuriteBinary(),
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(azuritePort),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
      '--loose',
      '--inMemoryPersistence',
    ];
    azurite = spawn(process.execPath, [...args, '--oauth', 'basic', '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const began = Date.now();
    for (;;) {
      try {
        await httpsStatus(`https://127.0.0.1:${azuritePort}/${DEV_ACCOUNT}?comp=list`, ca);
        break;
      } catch (err) {
        if (azurite.exitCode !== null || Date.now() - began > 30_000) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    // App Service's managed-identity endpoint, as @azure/identity calls it (GET ?resource=...&api-version=2019-08-01).
    identity = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const header = req.headers['x-identity-header'] as string | undefined;
      tokenRequests.push({ header, resource: url.searchParams.get('resource') });
      if (header !== IDENTITY_HEADER) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_request', error_description: 'bad identity header' }));
        return;
      }
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: storageToken(),
          expires_on: String(expiresOn),
          resource: url.searchParams.get('resource'),
          token_type: 'Bearer',
          client_id: 'web-app-client-id',
        }),
      );
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    identityPort = (identity.address() as { port: number }).port;
    saveIntentModel(clinic().model, join(dir, 'model.json')); // so the bot process does not retrain
  });

  after(async () => {
    for (const b of bots) if (b.exitCode === null) b.kill('SIGKILL');
    azurite?.kill('SIGTERM');
    await new Promise<void>((resolve) => (identity ? identity.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The bot as App Service runs it: its settings from the template, the identity endpoint App Service provides. */
  function botEnv(identityHeader: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(AZURE_|IDENTITY_|MSI_|MicrosoftApp|STORAGE$)/.test(k)) env[k] = v;
    return {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: dir,
      MODEL_PATH: join(dir, 'model.json'),
      DIRECTLINE_SECRET_FILE: join(dir, 'directline-secret'),
      STAFF_USERS: '',
      STAFF_USERS_FILE: '',
      STORAGE: 'azure-blob',
      AZURE_STORAGE_ACCOUNT_URL: `https://127.0.0.1:${azuritePort}/${DEV_ACCOUNT}/`,
      IDENTITY_ENDPOINT: `http://127.0.0.1:${identityPort}/msi/token`,
      IDENTITY_HEADER: identityHeader,
      NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
    };
  }

  /** Starts `node dist/src/index.js`; resolves with its port once listening, or rejects with what it printed on exit. */
  function startBot(identityHeader = IDENTITY_HEADER): Promise<{ port: number; proc: ChildProcess }> {
    const proc = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: botEnv(identityHeader),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bots.push(proc);
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`the bot did not start: ${err}`)), 60_000);
      proc.stderr!.on('data', (d) => (err += d));
      proc.stdout!.on('data', (d) => {
        out += d;
        const m = /"url":"http:\/\/localhost:(\d+)\/api\/messages"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ port: Number(m[1]), proc });
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(Object.assign(new Error(`the bot exited (${code})`), { stderr: err }));
      });
    });
  }

  async function stop(proc: ChildProcess): Promise<void> {
    if (proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }

  it('Azurite here refuses a request without a token (the check below can fail)', async () => {
    expect(await httpsStatus(`https://127.0.0.1:${azuritePort}/${DEV_ACCOUNT}?comp=list`, ca)).to.be.oneOf([401, 403]);
    expect(
      await httpsStatus(`https://127.0.0.1:${azuritePort}/${DEV_ACCOUNT}?comp=list`, ca, { authorization: `Bearer ${storageToken()}` }),
    ).to.equal(200);
  });

  it('the bot starts with a token from its managed identity, is healthy, and keeps a dialog across a restart', async () => {
    tokenRequests.length = 0;
    const a = await startBot();
    const health = (await (await fetch(`http://127.0.0.1:${a.port}/healthz`)).json()) as { status: string; storage: string };
    expect(health).to.include({ status: 'ok', storage: 'ok' });
    expect(replyText(await ask(a.port, 'identity-1', 'I want to book an appointment'))).to.match(/Is that OK\?/);
    await stop(a.proc);

    const b = await startBot();
    try {
      expect(replyText(await ask(b.port, 'identity-1', 'yes')), 'the dialog state was kept in the storage account').to.match(/What name/);
    } finally {
      await stop(b.proc);
    }
    expect(tokenRequests.length, 'tokens came from the identity endpoint').to.be.greaterThan(0);
    for (const t of tokenRequests) expect(t).to.deep.equal({ header: IDENTITY_HEADER, resource: 'https://storage.azure.com' });
  });

  it('without a token (the identity refused) the bot does not start, and says what to check', async () => {
    let error: (Error & { stderr?: string }) | undefined;
    try {
      const started = await startBot('wrong-header');
      await stop(started.proc);
    } catch (err) {
      error = err as Error & { stderr?: string };
    }
    expect(error?.stderr).to.match(
      /The bot cannot start: cannot reach Azure Storage \(AZURE_STORAGE_ACCOUNT_URL https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/, with the Web App's managed identity\)/,
    );
    expect(error?.stderr).to.match(/Storage Blob Data Contributor/);
  });

  it('the setting is an https blob endpoint, and it and a connection string exclude each other', () => {
    const base = { STORAGE: 'azure-blob' };
    expect(loadConfig({ ...base, AZURE_STORAGE_ACCOUNT_URL: 'https://clinicbot.blob.core.windows.net' }).storage.azure).to.deep.include({
      accountUrl: 'https://clinicbot.blob.core.windows.net/',
    });
    expect(() => loadConfig({ ...base, AZURE_STORAGE_ACCOUNT_URL: 'http://clinicbot.blob.core.windows.net/' })).to.throw(
      ConfigError,
      /must be an https address/,
    );
    expect(() => loadConfig({ ...base, AZURE_STORAGE_ACCOUNT_URL: 'https://clinicbot.blob.core.windows.net/?sv=2024&sig=x' })).to.throw(
      ConfigError,
      /without a query/,
    );
    expect(() => loadConfig({ ...base, AZURE_STORAGE_ACCOUNT_URL: 'clinicbot' })).to.throw(ConfigError, /blob endpoint/);
    expect(() =>
      loadConfig({
        ...base,
        AZURE_STORAGE_ACCOUNT_URL: 'https://a.blob.core.windows.net/',
        AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      }),
    ).to.throw(ConfigError, /not both/);
    expect(() => loadConfig(base)).to.throw(ConfigError, /needs AZURE_STORAGE_CONNECTION_STRING .* or AZURE_STORAGE_ACCOUNT_URL/);
  });
});
