// The two editors, loaded on first use (see lazy.tsx): their code, the rule checks' form logic and
// the Test result are not part of what the options page loads before its first paint.
import { lazyComponent } from '../shared/lazy';

export const WatchEditor = lazyComponent('WatchEditor', () => import('./later/WatchEditor').then((m) => m.WatchEditor));
export const ChannelEditor = lazyComponent('ChannelEditor', () => import('./later/ChannelEditor').then((m) => m.ChannelEditor));
