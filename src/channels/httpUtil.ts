/**
 * The HTTP helpers the Direct Line service and the staff pages share, on plain Node requests and responses
 * (restify's are Node's too): a JSON answer with its length, and a request's query string.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Writes `body` as JSON with the status and any extra headers (a no-op if the answer has started). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Writes JSON text already serialised (see directline/safeJson.ts). */
export function sendJsonText(res: ServerResponse, status: number, json: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/** The request's query parameters. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
}
