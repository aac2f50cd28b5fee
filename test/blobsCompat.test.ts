/**
 * Why the azure-blob backend has its own state storage and transcript store instead of botbuilder-azure-blobs
 * 4.23.3, and what it keeps compatible: measured against Azurite.
 *  - state: same blob names and bodies as BlobsStorage, so either reads what the other wrote;
 *  - transcripts: BlobsTranscriptStore lists one entry per activity with the listing's time as `created`;
 *    BlobTranscriptStore lists one per conversation with its first activity's time.
 */
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { BlobsStorage, BlobsTranscriptStore } from 'botbuilder-azure-blobs';
import { BlobStateStorage } from '../src/storage/azure/blobStateStorage';
import { serviceClient } from '../src/storage/azure/blobs';
import { BlobTranscriptStore } from '../src/storage/azure/blobTranscriptStore';
import { Azurite, startAzurite } from './azurite';

describe('botbuilder-azure-blobs and the azure-blob backend', function () {
  this.timeout(60_000);
  let azurite: Azurite;

  before(async () => {
    azurite = await startAzurite();
  });
  after(() => azurite?.dispose());

  it('state: BlobsStorage reads what BlobStateStorage wrote, and the other way round', async () => {
    const container = serviceClient(azurite.connectionString).getContainerClient('compat-state');
    await container.createIfNotExists();
    const ours = new BlobStateStorage(container);
    const theirs = new BlobsStorage(azurite.connectionString, 'compat-state');
    const key = 'webchat/conversations/a b/ü/';
    await ours.write({ [key]: { DialogState: { dialogStack: [{ id: 'x' }] } } });
    const read = (await theirs.read([key]))[key] as { DialogState: unknown; eTag: string };
    expect(read.DialogState).to.deep.equal({ dialogStack: [{ id: 'x' }] });
    await theirs.write({ [key]: { n: 2, eTag: read.eTag } });
    expect(((await ours.read([key]))[key] as { n: number }).n).to.equal(2);
  });

  it('transcripts: BlobsTranscriptStore lists every activity, dated now; ours lists each conversation once, dated by its first activity', async () => {
    const at = new Date('2025-01-02T03:04:05.000Z');
    const activities = [0, 1, 2].map(
      (i) =>
        ({
          type: 'message',
          id: `m${i}`,
          channelId: 'webchat',
          conversation: { id: 'c1' },
          from: { id: 'u', role: 'user' },
          recipient: { id: 'bot' },
          text: `hello ${i}`,
          timestamp: new Date(at.getTime() + i * 1000),
        }) as Activity,
    );
    const theirs = new BlobsTranscriptStore(azurite.connectionString, 'compat-theirs');
    for (const a of activities) await theirs.logActivity(a);
    const listed = await theirs.listTranscripts('webchat');
    expect(listed.items.map((t) => t.id)).to.deep.equal(['c1', 'c1', 'c1']);
    expect(listed.items.every((t) => t.created.getTime() > Date.now() - 60_000)).to.equal(true);

    const container = serviceClient(azurite.connectionString).getContainerClient('compat-ours');
    await container.createIfNotExists();
    const ours = new BlobTranscriptStore(container);
    for (const a of activities) await ours.logActivity(a);
    const mine = await ours.listTranscripts('webchat');
    expect(mine.items.map((t) => [t.id, t.created.toISOString()])).to.deep.equal([['c1', at.toISOString()]]);
  });
});
