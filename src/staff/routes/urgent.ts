/**
 * Urgent: turns that got safety guidance (docs/safety.md), newest first, with their tier, a filter by tier and the
 * clinic's tier table; and the tiers shown next to the urgent flag in the conversation list and a transcript.
 */
import type { Server } from 'restify';
import type { ReviewStore } from '../../storage/backend';
import type { ConversationSummary } from '../../storage/review';
import { SAFETY_TIER_ORDER, tiersOf } from '../../storage/review';
import * as pages from '../pages';
import { HttpError, query, sendHtml } from './helpers';
import type { StaffContext } from './context';

/** Adds the safety tiers of each urgent conversation on a page of the list (one query for the page). */
export async function withTiers(review: Pick<ReviewStore, 'urgentTurns'>, items: ConversationSummary[]): Promise<void> {
  const urgent = items.filter((c) => c.flags.urgent > 0);
  if (!urgent.length) return;
  const turns = await review.urgentTurns({ conversations: urgent.map((c) => c.id), limit: 1000 });
  for (const c of urgent) c.tiers = tiersOf(turns.filter((t) => t.conversation === c.id));
}

export function registerUrgent(server: Server, ctx: StaffContext, tiers: pages.SafetyTierRow[]): void {
  const { review, pageContext, guarded } = ctx;
  server.get(
    '/staff/urgent',
    guarded('page', async (req, res, session) => {
      const tier = query(req).get('tier') || undefined;
      if (tier && !SAFETY_TIER_ORDER.includes(tier)) throw new HttpError(400, `tier must be one of ${SAFETY_TIER_ORDER.join(', ')}`);
      const turns = await review.urgentTurns({ tier, limit: 200 });
      sendHtml(res, 200, pages.urgentPage(await pageContext(session), turns, tiers, tier));
    }),
  );
}
