import {
  AgentApplication,
  CloudAdapter,
  MemoryStorage,
  MessageFactory,
  authorizeJWT,
  type AuthConfiguration,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import type { Services } from '../http/services.js';
import type { Activity } from '@microsoft/agents-activity';
import { queuePromptsAfterFirstChat } from '#core/research/prompts-after-first-chat.js';
import { saveConversation } from '../notify/bot-notifier.js';
import { welcomeCard } from '../cards/status-cards.js';
import { attachment, registerReferralFlow } from './referral-flow.js';
import { registerActionFlow } from './action-flow.js';
import { registerMyListsFlow } from './my-lists-flow.js';
import { registerResearchFlow } from './research-flow.js';
import { principalOfActivity, tenantOf } from './teams-person.js';

// Turn text is deliberately generic: a bot message can be seen on a shared screen or a lock
// screen notification, so it never carries case data unless the card is meant for one person.
export const HELP_TEXT =
  'I am the MARAC assistant. Coordinators schedule meetings and manage agendas in the MARAC tab. ' +
  'I will bring you research prompts and actions for your agency as they come. ' +
  'To refer a case to MARAC, send "refer" here in our 1:1 chat; "my drafts" carries on with a draft, ' +
  'and "my referrals" shows what the coordinator decided. ' +
  '"my research" lists the research your agencies owe, and "my actions" their open actions.';

/** The manifest's "help" command (and what a person types): the welcome card. */
export const HELP_WORDS = /^\s*help\s*[.!?]?\s*$/i;

/**
 * The welcome: a card with "Refer a case" when someone joins the chat or asks for help, and the
 * help text for any other message no feature took. The card carries an operation id only.
 */
export function registerHelp(app: AgentApplication<TurnState>, ids?: Services['ids']): void {
  const welcome = async (context: TurnContext) => {
    if (ids && context.activity.conversation?.conversationType === 'personal') {
      await context.sendActivity(MessageFactory.attachment(attachment(welcomeCard(ids.newId()))));
    } else {
      await context.sendActivity(HELP_TEXT);
    }
  };
  app.onConversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id !== context.activity.recipient?.id)) await welcome(context);
  });
  app.onMessage(HELP_WORDS, welcome);
  app.onActivity('message', async (context) => {
    await context.sendActivity(HELP_TEXT);
  });
}

/**
 * The bot endpoint. With bot credentials configured every request must carry a valid Bot Service
 * JWT; without them (local mode) the SDK accepts anonymous calls outside production only.
 */
export function botRouter(
  config: AppConfig,
  log: Logger,
  services?: Services,
): { router: Router; adapter: CloudAdapter } {
  const authConfig: AuthConfiguration = config.bot
    ? {
        clientId: config.bot.clientId,
        tenantId: config.bot.tenantId,
        clientSecret: config.bot.clientSecret,
      }
    : {};
  const adapter = new CloudAdapter(authConfig);
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: { name: (error as Error).name }, activityType: context.activity.type },
      'bot turn failed',
    );
    await context.sendActivity('Sorry, something went wrong. Please try again.');
  };
  const app = new AgentApplication<TurnState>({ storage: new MemoryStorage(), adapter });
  // Specific handlers first: the help text answers every message no feature took.
  if (services) registerReferralFlow(app, services);
  if (services) registerResearchFlow(app, services);
  if (services) registerActionFlow(app, services);
  if (services) registerMyListsFlow(app, services);
  registerHelp(app, services?.ids);
  const router = express.Router();
  router.post(
    '/api/messages',
    express.json({ limit: '256kb' }),
    authorizeJWT(authConfig) as unknown as express.RequestHandler,
    (req: Request, res: Response) =>
      adapter.process(req as never, res as never, async (context) => {
        if (!tenantAllowed(config, context.activity)) {
          // Another organisation installed the app: say nothing, remember nothing. The tenant
          // id names an organisation, not a person, so it may be logged.
          log.warn({ tenantId: tenantOf(context.activity) ?? null }, 'bot: tenant not allowed');
          return;
        }
        if (services) await rememberConversation(services, context.activity, log);
        await app.run(context);
      }),
  );
  return { router, adapter };
}

/**
 * With Entra sign-in configured, the bot serves the same tenants as the API
 * (ENTRA_ALLOWED_TENANTS): the app package can be uploaded in any tenant, and Teams delivers
 * that tenant's messages to us, so the list is checked here too. Local mode has no list.
 */
function tenantAllowed(config: AppConfig, activity: Activity): boolean {
  if (!config.entra) return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && config.entra.allowedTenants.includes(tenant);
}

/**
 * Keeps where a known person talks to the bot one to one, so status notices (a referral accepted)
 * can reach them later; the first time, queues the open research prompts they have not had in
 * Teams. Group chats and channels are never used for notices.
 */
async function rememberConversation(s: Services, activity: Activity, log: Logger): Promise<void> {
  // A message, or the conversationUpdate Teams sends when the app is installed for someone (the
  // research prompts install it through Graph for a rep the bot could not reach yet).
  const installed = activity.type === 'conversationUpdate' && !!activity.membersAdded?.length;
  if (activity.type !== 'message' && !installed) return;
  if (activity.conversation?.conversationType !== 'personal') return;
  try {
    const principal = await principalOfActivity(s, activity);
    if (!principal) return;
    const first = await saveConversation(
      s.db,
      s.crypto,
      principal.personId,
      activity.getConversationReference(),
    );
    // The bot can reach them now: the research prompts they could not be sent in Teams.
    if (first)
      await queuePromptsAfterFirstChat(
        { uow: s.uow, clock: s.clock },
        principal.personId,
        s.config.research.cardPerCaseUpTo,
      );
  } catch (error) {
    log.warn({ err: { name: (error as Error).name } }, 'could not remember the conversation');
  }
}
