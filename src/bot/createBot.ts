/**
 * Builds the bot from its parts. Shared by the HTTP server, the terminal chat and the tests, so all
 * three run exactly the same logic.
 */
import { ConversationState, Middleware, Storage, UserState } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import type { Knowledge } from '../knowledge/types';
import { Logger, silentLogger } from '../logger';
import type { ClinicContext } from '../nlu/context';
import { ClinicBot } from './clinicBot';
import { RecognitionTraceMiddleware, SafetyMiddleware } from './middleware';
import { Recognizes, TurnRecognizer } from './turnRecognizer';

export interface BotParts {
  knowledge: Knowledge;
  recognizer: Recognizes;
  storage: Storage;
  logger?: Logger;
  maxMessageChars?: number;
}

export interface BotRuntime {
  bot: ClinicBot;
  dialog: MainDialog;
  conversationState: ConversationState;
  userState: UserState;
  /** Adapter middleware, outermost first: the recognition trace wraps safety, which wraps the bot. */
  middleware: Middleware[];
}

export function createBot(parts: BotParts): BotRuntime {
  const conversationState = new ConversationState(parts.storage);
  const userState = new UserState(parts.storage);
  const turns = new TurnRecognizer(parts.recognizer, conversationState.createProperty<ClinicContext>('ClinicContext'));
  const dialog = new MainDialog({ knowledge: parts.knowledge, turns, maxMessageChars: parts.maxMessageChars ?? 1000 });
  const bot = new ClinicBot(conversationState, userState, dialog, turns, parts.logger ?? silentLogger);
  return {
    bot,
    dialog,
    conversationState,
    userState,
    middleware: [new RecognitionTraceMiddleware(), new SafetyMiddleware(parts.knowledge)],
  };
}
