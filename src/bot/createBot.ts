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
import { ChannelLayerMiddleware, ChannelMemory } from './channelLayer';
import type { EnquiryStore } from '../storage/enquiries';
import { RecognitionTraceMiddleware } from './middleware';
import { SafetyHold, SafetyMiddleware } from './safetyMiddleware';
import { triageFor } from '../safety';
import type { DialogState } from 'botbuilder-dialogs';
import { ResilientStorage } from '../storage/resilientStorage';
import { StorageOutageMiddleware } from './storageOutage';
import { ETagConversationState, ETagUserState, runWithConflictRetry } from './optimisticState';
import { TranscriptLoggingMiddleware } from './transcriptLogging';
import { TranscriptWriter } from '../storage/backend';
import { Recognizes, TurnRecognizer } from './turnRecognizer';

export interface BotParts {
  knowledge: Knowledge;
  recognizer: Recognizes;
  storage: Storage;
  logger?: Logger;
  maxMessageChars?: number;
  /** Booking and call-back enquiries (the enquiry dialog collects them only when this is set). */
  enquiries?: EnquiryStore;
  /** Where every activity of every turn is logged; no transcript logging without it. */
  transcripts?: TranscriptWriter;
  /** Mask phone numbers and emails in stored user messages. */
  redactContactDetails?: boolean;
  /**
   * Save state with the eTag it was read with and re-run a turn whose save conflicts (see
   * optimisticState.ts): needed when several instances share the storage. Off: botbuilder's last writer wins.
   */
  optimisticConcurrency?: boolean;
}

export interface BotRuntime {
  bot: ClinicBot;
  dialog: MainDialog;
  conversationState: ConversationState;
  userState: UserState;
  /**
   * Adapter middleware, outermost first: transcript logging wraps the channel layer (so the transcript keeps
   * the message as received and what the channel was really sent), which wraps the recognition trace (so the
   * trace is logged), which wraps safety (which reads the channel layer's cleaned text), which wraps the
   * storage-outage notice, which wraps the bot.
   */
  middleware: Middleware[];
  transcriptLogging?: TranscriptLoggingMiddleware;
}

export function createBot(parts: BotParts): BotRuntime {
  const conversationState = parts.optimisticConcurrency ? new ETagConversationState(parts.storage) : new ConversationState(parts.storage);
  const userState = parts.optimisticConcurrency ? new ETagUserState(parts.storage) : new UserState(parts.storage);
  const turns = new TurnRecognizer(parts.recognizer, conversationState.createProperty<ClinicContext>('ClinicContext'));
  const storage = parts.storage;
  const canStore = storage instanceof ResilientStorage ? () => storage.health.storage === 'ok' : undefined;
  const dialog = new MainDialog({
    knowledge: parts.knowledge,
    turns,
    maxMessageChars: parts.maxMessageChars ?? 1000,
    enquiries: parts.enquiries,
    canStore,
  });
  const channelMemory = conversationState.createProperty<ChannelMemory>('ChannelMemory');
  const bot = new ClinicBot(conversationState, userState, dialog, turns, parts.logger ?? silentLogger, channelMemory);
  if (parts.optimisticConcurrency) {
    const run = bot.run.bind(bot);
    bot.run = (context) => runWithConflictRetry(context, [conversationState, userState], run, parts.logger ?? silentLogger);
  }
  const transcriptLogging = parts.transcripts
    ? new TranscriptLoggingMiddleware(parts.transcripts, {
        logger: parts.logger ?? silentLogger,
        redactContactDetails: parts.redactContactDetails ?? false,
      })
    : undefined;
  return {
    bot,
    dialog,
    conversationState,
    userState,
    middleware: [
      ...(transcriptLogging ? [transcriptLogging] : []),
      new ChannelLayerMiddleware(
        channelMemory,
        parts.knowledge.clinic,
        parts.logger ?? silentLogger,
        parts.optimisticConcurrency ? { storage: parts.storage, state: conversationState } : undefined,
      ),
      new RecognitionTraceMiddleware(),
      new SafetyMiddleware(parts.knowledge, triageFor(parts.knowledge), {
        hold: conversationState.createProperty<SafetyHold | undefined>('SafetyHold'),
        dialogState: conversationState.createProperty<DialogState>('DialogState'),
        save: (context) => conversationState.saveChanges(context, false),
        recognize: (text) => parts.recognizer.recognize(text),
        logger: parts.logger ?? silentLogger,
      }),
      ...(parts.storage instanceof ResilientStorage ? [new StorageOutageMiddleware(parts.storage, conversationState, parts.knowledge)] : []),
    ],
    transcriptLogging,
  };
}
