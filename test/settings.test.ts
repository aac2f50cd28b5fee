import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configKeys, loadConfig, PROJECT_ROOT } from '../src/config';

describe('settings', () => {
  const keys = configKeys();

  it('every setting the code reads is documented in .env.example', () => {
    const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    for (const key of keys) expect(example, key).to.match(new RegExp(`^${key}=`, 'm'));
  });

  it('every setting the code reads is in the settings table (docs/settings.md)', () => {
    const table = readFileSync(join(PROJECT_ROOT, 'docs', 'settings.md'), 'utf8');
    for (const key of keys) expect(table, key).to.include(`| \`${key}\` |`);
  });

  it('bad values are refused with the setting’s name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).to.throw(ConfigError, /LOG_LEVEL/);
    expect(() => loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' })).to.throw(
      ConfigError,
      /MicrosoftAppTenantId/,
    );
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).to.throw(ConfigError, /MicrosoftAppPassword/);
  });

  it('runs with no settings at all', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.botAuth.MicrosoftAppId).to.equal('');
  });
});
