/**
 * Structured JSON logs through pino. Patient privacy: at info level and above the code logs ids, intents
 * and outcomes, never message text; as a safety net any field called "text" is redacted whatever the level.
 */
import pino from 'pino';
import type { LogLevel } from './config';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    child: (fields) => wrap(p.child(fields)),
  };
}

/** @param destination where lines go (default stdout); tests pass a stream to read them. */
export function createLogger(level: LogLevel = 'info', base: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'clinic-bot', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ['text', '*.text', 'activity.text'], censor: '[redacted]' },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

/** A logger that drops everything: for tests and the terminal chat. */
export const silentLogger: Logger = createLogger('error', {}, { write: () => undefined });
