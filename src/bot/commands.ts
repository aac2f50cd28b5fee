/** Words that work at any point of any dialog: cancel, start over, help. */
import { plainForm } from '../nlu/normalize';

export type Command = 'cancel' | 'start_over' | 'help';

const CANCEL = /^(cancel|stop|quit|exit|never ?mind|forget it|abort|cancel that|stop that)( please| pls)?$/;
const START_OVER = /^(start over|start again|restart|reset|begin again|main menu|start from the beginning)( please| pls)?$/;
// ("Howdy, what can you help me with?": a greeting, then what the bot is for)
const HELP =
  /^((hi|hello|hey|hiya|howdy|gday|good (morning|afternoon|evening|day)|ok|okay|so|um|and) )*(help|help me|menu|options|what can you do|what (can|do|could) (you|u) (help|assist) (me |us )?(with)?|what do you do|what (can|do) (you|u) (answer|tell me about|do for me)|how (can|do) (you|u) help( me)?|\?)( please| pls| here| then| exactly)?$/;

export function commandOf(text: string | undefined): Command | undefined {
  if (!text) return undefined;
  const t = plainForm(text);
  if (text.trim() === '?') return 'help';
  if (CANCEL.test(t)) return 'cancel';
  if (START_OVER.test(t)) return 'start_over';
  if (HELP.test(t)) return 'help';
  return undefined;
}
