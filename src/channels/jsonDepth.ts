/**
 * How deeply a JSON text nests, measured on the text itself before anything parses it: a request nested thousands
 * of levels deep parses fine but later breaks whatever walks it recursively (serialising a conversation, logging a
 * transcript, cloning state), so every endpoint refuses JSON deeper than MAX_JSON_DEPTH with 400 before it reaches
 * the bot. One pass over the characters, no recursion, strings skipped (brackets inside them do not count).
 */
import type { RequestHandler } from 'restify';

/** True when the JSON text has arrays or objects nested more than maxDepth levels. */
export function jsonTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

export function depthMessage(maxDepth: number): string {
  return `the JSON body is nested too deeply (at most ${maxDepth} levels)`;
}

/**
 * For restify, between its body reader and its JSON parser: a JSON body nested too deeply is answered
 * 400 { error } and goes no further.
 */
export function jsonDepthGuard(maxDepth: number): RequestHandler {
  return (req, res, next) => {
    const body = (req as { body?: unknown }).body;
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (body === undefined || body === null || !(type === 'application/json' || type.endsWith('+json'))) return next();
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
    if (!jsonTooDeep(text, maxDepth)) return next();
    res.status(400);
    res.json({ error: depthMessage(maxDepth) });
    return next(false);
  };
}
