// GET /settings, GET /.well-known/jwks.json and GET /health.
import type { FastifyInstance } from 'fastify';
import type { AuthApi } from '../api.ts';

const EXTERNAL = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github',
  'gitlab', 'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc',
  'workos', 'twitch', 'twitter', 'email', 'phone', 'zoom',
];

export function metaRoutes(app: FastifyInstance, api: AuthApi): void {
  app.get('/settings', async () => {
    const auth = (api.ctx.config.toml.auth ?? {}) as Record<string, any>;
    const external = Object.fromEntries(EXTERNAL.map((p) => [p, false])) as Record<string, boolean>;
    external.email = true;
    external.phone = auth.sms?.enable_signup === true;
    external.anonymous_users = auth.enable_anonymous_sign_ins === true;
    return {
      external,
      disable_signup: !api.settings.enableSignup,
      mailer_autoconfirm: api.settings.mailerAutoconfirm,
      phone_autoconfirm: auth.sms?.enable_confirmations !== true,
      sms_provider: '',
      saml_enabled: false,
      saml_private_key_next_configured: false,
      passkeys_enabled: false,
    };
  });

  // Only asymmetric keys are published; the stack signs with its HS256 secret, so none.
  app.get('/.well-known/jwks.json', async () => ({ keys: [] }));

  app.get('/health', async () => ({
    version: 'bizdesk-local',
    name: 'GoTrue',
    description: 'GoTrue is a user registration and authentication API',
  }));
}
