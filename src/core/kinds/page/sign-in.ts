/** Recognises a sign-in page by its address: the one sign that survives every site's design. */

const SIGN_IN_SEGMENTS = new Set([
  'login',
  'log-in',
  'log_in',
  'logon',
  'signin',
  'sign-in',
  'sign_in',
  'auth',
  'authenticate',
  'authorize',
  'oauth',
  'oauth2',
  'sso',
  'saml',
]);
/** Hosts that exist only to sign people in (`accounts.` of a big provider, `login.`, `auth.`…). */
const SIGN_IN_HOST_LABELS = new Set(['login', 'signin', 'auth', 'sso', 'accounts', 'idp']);

/** Whether a URL points at a sign-in page: `/login`, `/account/login.php`, `/ap/signin`, `login.example.com`… */
export function isSignInUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (SIGN_IN_HOST_LABELS.has(parsed.hostname.split('.')[0] ?? '')) return true;
  return parsed.pathname
    .toLowerCase()
    .split('/')
    .some((segment) => SIGN_IN_SEGMENTS.has(segment.replace(/\.(?:php|aspx?|html?|jsp|do|action)$/, '')));
}

/** Host and path only: a query string can carry tokens and never goes into evidence. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unreadable address';
  }
}
