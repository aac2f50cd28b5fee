/**
 * A local stand-in for the Bot Connector service a channel sits behind: the bot posts its replies to
 * `${serviceUrl}/v3/conversations/{id}/activities/{replyToId}` exactly as it would in Azure, and the stub records
 * them. It can refuse event activities (as Teams does for handoff.initiate) with the connector's 400 error.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ConnectorStub {
  url: string;
  /** Every activity the bot posted, in order, with the path it was posted to. */
  received: Array<{ path: string; body: Activity }>;
  /** Activities the stub refused (not delivered). */
  refused: Array<Partial<Activity>>;
  /** Refuse event activities from now on. */
  refuseEvents: boolean;
  close(): Promise<void>;
}

export async function startConnectorStub(options: { refuseEvents?: boolean } = {}): Promise<ConnectorStub> {
  const stub: ConnectorStub = {
    url: '',
    received: [],
    refused: [],
    refuseEvents: options.refuseEvents ?? false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const body = (data ? JSON.parse(data) : {}) as Activity;
      if (stub.refuseEvents && body.type === 'event') {
        stub.refused.push(body);
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Activity type not supported by this channel' } }));
        return;
      }
      stub.received.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'reply-' + stub.received.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
