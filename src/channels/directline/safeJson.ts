/**
 * Serialising what a conversation keeps, so that no one activity can break reading it: each activity is serialised
 * on its own, and one that cannot be (nested too deeply for the stack, a cycle, a BigInt) is left out and logged
 * instead of failing the whole answer (GET …/activities, the WebSocket stream) for every later read.
 */
import type { Logger } from '../../logger';
import type { ActivitySet } from './store';

export function activitySetJson(set: ActivitySet, logger: Logger, conversationId: string): string {
  const parts: string[] = [];
  for (const activity of set.activities) {
    try {
      const json = JSON.stringify(activity);
      if (json !== undefined) parts.push(json);
    } catch (err) {
      logger.warn('direct line activity left out: it cannot be serialised', {
        conversationId,
        activityId: activity?.id,
        error: (err as Error)?.message,
      });
    }
  }
  return `{"activities":[${parts.join(',')}],"watermark":${JSON.stringify(set.watermark)}}`;
}
