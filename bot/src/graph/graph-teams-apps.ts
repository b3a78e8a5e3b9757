import { GraphError } from './graph-error.js';
import { graphPath, type GraphClient } from './graph-client.js';

/** Installs the app for a person, so the bot can reach them before they have talked to it. */
export interface TeamsAppInstaller {
  /** Asks Teams to install the app in the person's personal scope; already installed is fine. */
  installFor(objectId: string): Promise<void>;
}

/**
 * Graph's proactive install (`POST /users/{id}/teamwork/installedApps`, application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All: the app may install itself and nothing else).
 * Teams then tells the bot, with a conversationUpdate in the new one-to-one chat, where the
 * person can be reached; the bot remembers it there. A 409
 * says the app is installed already (the person removed the chat's history, or the update was
 * lost): nothing more to do here.
 */
export class GraphTeamsApps implements TeamsAppInstaller {
  constructor(
    private readonly graph: GraphClient,
    private readonly catalogAppId: string,
  ) {}

  async installFor(objectId: string): Promise<void> {
    try {
      await this.graph.request({
        method: 'POST',
        path: graphPath`/users/${objectId}/teamwork/installedApps`,
        body: {
          'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.catalogAppId}`,
        },
        // Installing twice is answered 409, never done twice.
        idempotent: true,
      });
    } catch (error) {
      if (error instanceof GraphError && error.status === 409) return;
      throw error;
    }
  }
}
