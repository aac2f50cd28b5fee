import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { CachingBotFrameworkAuthentication } from '../src/channels/cachingAuthentication';

describe('connector clients are reused across turns', () => {
  const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' } }) as Activity;

  it('the same service URL gets the same client on every turn; another URL gets its own', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const turn = async (url: string) => {
      const result = await auth.authenticateRequest(activity(url), '');
      return result.connectorFactory!.create(url, result.audience);
    };
    const a1 = await turn('http://127.0.0.1:1/');
    const a2 = await turn('http://127.0.0.1:1/');
    const b = await turn('http://127.0.0.1:2/');
    expect(a2).to.equal(a1);
    expect(b).to.not.equal(a1);
    expect((b as unknown as { baseUri: string }).baseUri).to.equal('http://127.0.0.1:2/');
  });

  it('authentication itself is not cached: with an app id an unsigned request is still refused', async () => {
    const auth = new CachingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        MicrosoftAppType: 'MultiTenant',
      }),
    );
    let refused = false;
    try {
      await auth.authenticateRequest(activity('https://webchat.botframework.com/'), '');
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
  });
});
