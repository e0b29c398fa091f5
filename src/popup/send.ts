import type { Settings } from '../core/stored-fields';
import { send } from '../shared/send';

export { send } from '../shared/send';
export const saveSettings = (settings: Partial<Settings>) => send({ type: 'save-settings', settings });
