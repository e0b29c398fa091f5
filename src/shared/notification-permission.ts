import browser from 'webextension-polyfill';

/**
 * Whether the browser blocks this extension's notifications (Chrome: the user chose "turn off
 * notifications from Reopen Watch"). False where the browser cannot say: Firefox has no permission
 * level for an extension's notifications, and an operating system that hides them tells no one.
 */
export async function notificationsBlocked(): Promise<boolean> {
  const api = browser.notifications as { getPermissionLevel?: () => Promise<string> };
  try {
    return (await api.getPermissionLevel?.()) === 'denied';
  } catch {
    return false;
  }
}
