/**
 * Runs a visitor's activity through the SAME CloudAdapter (its middleware, onTurnError) and bot as
 * /api/messages, in process, and returns what the visitor should see.
 *
 * How: CloudAdapterBase.processActivity accepts an AuthenticateRequestResult instead of an auth header.
 * The Direct Line routes have already checked the visitor's token, so we hand it a claims identity for
 * the bot itself, and ask for deliveryMode "expectReplies": TurnContext then buffers every reply and
 * processActivity returns them in the invoke response body, with no outbound HTTP call. This does not
 * touch /api/messages, which still authenticates every request with Bot Framework's JWTs.
 *
 * With expectReplies, TurnContext buffers trace activities too (CloudAdapterBase drops traces for
 * non-Emulator channels only on its own send path), so traces are filtered out here: they are for
 * staff (and the transcript layer, which sees them through context.onSendActivities), never visitors.
 */
import {
  Activity,
  ActivityHandler,
  ActivityTypes,
  ChannelAccount,
  CloudAdapter,
  DeliveryModes,
  InvokeResponse,
  RoleTypes,
  TurnContext,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorClientOptions,
  ConnectorFactory,
} from 'botframework-connector';

export const DIRECTLINE_CHANNEL_ID = 'webchat';
/** Never contacted: replies travel back in the invoke response. ".invalid" never resolves (RFC 2606). */
export const INERT_SERVICE_URL = 'https://directline.invalid/';

/** Activity types a visitor's client is shown. Everything else the bot emits stays on the server. */
const VISIBLE_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.EndOfConversation]);
/** Fields of a bot reply the client needs; callerId, serviceUrl, deliveryMode, channelData and the like are dropped. */
const REPLY_FIELDS = [
  'type',
  'text',
  'textFormat',
  'speak',
  'inputHint',
  'locale',
  'attachments',
  'attachmentLayout',
  'suggestedActions',
  'entities',
  'name',
  'value',
  'valueType',
  'summary',
  'replyToId',
  'importance',
] as const;

/**
 * A connector factory for in-process turns: CloudAdapterBase insists on a ConnectorClient, but with
 * expectReplies nothing is sent through it. Its HTTP client refuses every request, so a Direct Line
 * turn can never call out to the network, whatever a dialog tries.
 */
class InProcessConnectorFactory extends ConnectorFactory {
  private client?: ConnectorClient;

  async create(serviceUrl: string): Promise<ConnectorClient> {
    // One client for every turn: building one costs more than the rest of the bridge, and it is never used.
    if (!this.client) {
      const refuse = {
        sendRequest: async () => {
          throw new Error('Direct Line turns are answered in process (expectReplies); the bot cannot call out to a channel service');
        },
      };
      const noCredentials = { signRequest: async <T>(request: T) => request };
      this.client = new ConnectorClient(noCredentials, { baseUri: serviceUrl, httpClient: refuse } as unknown as ConnectorClientOptions);
    }
    return this.client;
  }
}

type ProcessActivity = (
  auth: AuthenticateRequestResult,
  activity: Activity,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<InvokeResponse | undefined>;

export class BotBridge {
  private readonly auth: AuthenticateRequestResult;
  private readonly process: ProcessActivity;

  constructor(
    adapter: CloudAdapter,
    private readonly bot: ActivityHandler,
    /** The bot as a member of Direct Line conversations. */
    readonly botAccount: ChannelAccount,
    appId: string,
  ) {
    this.auth = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      // The same claims CloudAdapterBase.createClaimsIdentity makes for the bot's own (proactive) turns.
      claimsIdentity: new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: appId },
          { type: AuthenticationConstants.AppIdClaim, value: appId },
        ],
        true,
      ),
      connectorFactory: new InProcessConnectorFactory(),
    };
    // processActivity(AuthenticateRequestResult, …) is public in CloudAdapterBase's JavaScript but marked protected
    // in its typings; the public processActivityDirect wraps it and drops the invoke response we need.
    const base = adapter as unknown as { processActivity: ProcessActivity };
    this.process = base.processActivity.bind(adapter);
  }

  /**
   * Runs one turn and returns the replies a visitor may see, addressed to the conversation.
   * `activity` must already carry the server's id, timestamp, channel, conversation and sender.
   */
  async run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const inbound = {
      ...activity,
      channelId: DIRECTLINE_CHANNEL_ID,
      serviceUrl: INERT_SERVICE_URL,
      recipient: { ...this.botAccount, role: RoleTypes.Bot },
      deliveryMode: DeliveryModes.ExpectReplies,
    } as Activity;
    const response = await this.process(this.auth, inbound, (context) => this.bot.run(context));
    const buffered = ((response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []) as Partial<Activity>[];
    return buffered.filter((a) => VISIBLE_TYPES.has(a.type ?? '')).map((a) => this.visible(a, activity));
  }

  private visible(reply: Partial<Activity>, inbound: Partial<Activity>): Partial<Activity> {
    const out: Partial<Activity> = {};
    for (const field of REPLY_FIELDS) {
      if (reply[field] !== undefined) (out as Record<string, unknown>)[field] = reply[field];
    }
    out.channelId = DIRECTLINE_CHANNEL_ID;
    out.conversation = { id: inbound.conversation!.id } as Activity['conversation'];
    out.from = { id: this.botAccount.id, name: this.botAccount.name, role: RoleTypes.Bot };
    out.recipient = inbound.from ? ({ id: inbound.from.id, role: RoleTypes.User } as ChannelAccount) : undefined;
    return out;
  }
}
