// The Bot Framework adapter for /api/messages. With MICROSOFT_APP_ID set, every request must carry
// a Bot Framework JWT (CloudAdapter + ConfigurationBotFrameworkAuthentication validate issuer,
// audience, signing key and endorsements); without it the adapter runs in local no-auth mode,
// which start-up logs loudly, and outbound calls to the connector carry no token.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
import type { Logger } from '../../services/logging/logger';
import { StrictBotFrameworkAuthentication } from './strictAuthentication';

export interface TeamsAdapterConfig {
  MICROSOFT_APP_ID?: string;
  MICROSOFT_APP_PASSWORD?: string;
  MICROSOFT_APP_TENANT_ID?: string;
  MICROSOFT_APP_TYPE?: string;
  BOT_OPENID_METADATA_URL?: string;
}

export function createTeamsAdapter(config: TeamsAdapterConfig, logger: Logger): { adapter: CloudAdapter; authEnabled: boolean; appId: string } {
  const authEnabled = !!config.MICROSOFT_APP_ID;
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? 'MultiTenant',
  };
  if (config.BOT_OPENID_METADATA_URL) {
    // Setting any endpoint switches botbuilder to fully explicit settings (the others would be
    // empty and every token refused), so the public-cloud values are given alongside it.
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ValidateAuthority: true,
    });
  }
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new CloudAdapter(new StrictBotFrameworkAuthentication(auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, channelId: context.activity.channelId, type: context.activity.type }, 'staff bot turn failed');
    await context.sendActivity('Sorry, something went wrong on our side and nothing was changed. Please try again.').catch(() => undefined);
  };
  if (authEnabled) {
    logger.info({ appType: options.MicrosoftAppType }, 'Bot Framework authentication ON for /api/messages');
  } else {
    logger.warn('Bot Framework authentication OFF: MICROSOFT_APP_ID is unset, /api/messages accepts unauthenticated local requests (development only)');
  }
  return { adapter, authEnabled, appId: config.MICROSOFT_APP_ID ?? '' };
}
