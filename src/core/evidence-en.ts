// The English of the evidence the worker's own modules build (fetching, ChatGPT Plus, a check that
// could not finish, a render that took too long), and of the HTTP lines the page readers share.
// Each template is its key's English message in the locale files, `$1`… for the placeholders.
import { wording } from './evidence-wording';

export const CORE_EVIDENCE = {
  // HTTP and fetching (worker and readers)
  evHttp: 'HTTP $1',
  evHttp429: 'HTTP 429 too many requests',
  evNoResponse: 'no complete response within $1 s',
  evTooLargeKiB: 'response larger than $1 KiB',
  evTooLargeMiB: 'response larger than $1 MiB',
  evUnreachable: 'could not reach $1',
  evSecretRedirectTo: 'redirected to $1; a request with its secret header never follows a redirect',
  evSecretRedirect: 'redirected; a request with its secret header never follows a redirect',
  // ChatGPT Plus
  evStep: '$1: $2',
  evSessionNotObject: 'session response is not an object',
  evNoAccessToken: 'session has no access token',
  evSignedOutTo: '$1: redirected to $2, not signed in',
  evSignedOut: '$1: redirected, not signed in',
  evUnreadableLocation: '(unreadable location)',
  evChallenged: '$1: $2 (HTTP $3)',
  evBotChallengePage: 'bot challenge page',
  evSessionExpired: '$1: HTTP $2, session expired',
  evExpectedJson: '$1: expected JSON, got $2',
  evExpectedJsonUntyped: '$1: expected JSON, got no content type',
  evNoAccounts: 'no accounts object',
  evNoDefaultAccount: 'no default account',
  evNoFeatures: 'account has no features list',
  evFeaturesNotText: 'features list has non-text entries',
  evPauseFlag: 'features contains $1',
  evUnknownPauseFlag: 'features contains unknown $1',
  evEntitlementNotObject: 'entitlement is not an object',
  evActiveNotBoolean: 'has_active_subscription is not true/false',
  evActiveSubscription: 'has_active_subscription is true',
  evPlanNotText: 'subscription_plan is not text',
  evPaidPlan: 'subscription_plan is $1',
  evFewFeatures: 'only $1 features, too few to rule out a pause (accounts carry dozens)',
  evNoPauseFlag: 'no pause flag among $1 features',
  // A check that could not finish
  evNoAnswerIn: '$1 did not answer within $2 s',
  evCheckFailed: '$1',
  // A render the worker stopped waiting for (the rest of rendering is src/core/render/render-rules.ts's)
  evRenderTimedOut: 'the page did not finish rendering within $1 s',
  // A site never granted (src/core/no-host-access.ts)
  evNoHostAccess: 'host permission for $1 not granted',
};

export const say = /* @__PURE__ */ wording(CORE_EVIDENCE);
