// The built-in ChatGPT Plus watch as stored: for the migration from 1.x (which knew only it) and tests.
import type { WatchDef } from '../../watch-def';
import { builtInWatch } from '../built-ins';
import { chatgptPlusSpec } from './spec';

export const CHATGPT_WATCH_ID: string = chatgptPlusSpec.builtIn.id;
export const CHATGPT_WATCH = builtInWatch(CHATGPT_WATCH_ID) as WatchDef;
