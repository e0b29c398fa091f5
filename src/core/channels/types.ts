// The shapes shared by every channel: what the user configures, what is sent, and how an answer reads.
// Pure data: the sending loop looks a channel up by `type` and never branches on its name.

interface ChannelBase {
  /** Stable id; outbox entries point at it, so a channel edited between attempts sends with its new settings. */
  id: string;
  name?: string;
  enabled: boolean;
  /** When the user last saved it (epoch ms). */
  savedAt?: number;
}

export interface NtfyConfig extends ChannelBase {
  type: 'ntfy';
  /** Server origin (optionally with a path); empty or missing means the public ntfy.sh server. */
  server?: string;
  /** On a public server the topic is the password: anyone who knows it can read it. */
  topic: string;
  /** Access token (`tk_…`), sent as `Authorization: Bearer`. */
  token?: string;
}

export interface TelegramConfig extends ChannelBase {
  type: 'telegram';
  botToken: string;
  /** A numeric chat id (negative for groups) or `@channelusername`. */
  chatId: string;
}

export interface DiscordConfig extends ChannelBase {
  type: 'discord';
  webhookUrl: string;
}

export interface SlackConfig extends ChannelBase {
  type: 'slack';
  webhookUrl: string;
}

export interface WebhookConfig extends ChannelBase {
  type: 'webhook';
  url: string;
  /** One optional custom header, e.g. a shared secret the receiver checks. */
  headerName?: string;
  headerValue?: string;
}

export type ChannelConfig = NtfyConfig | TelegramConfig | DiscordConfig | SlackConfig | WebhookConfig;
export type ChannelType = ChannelConfig['type'];
export const CHANNEL_TYPES = ['ntfy', 'telegram', 'discord', 'slack', 'webhook'] as const satisfies readonly ChannelType[];

export type ChannelEventType = 'reopened' | 'cant-check' | 'test';

/** One thing to tell the user. Holds no secret, so the outbox can persist it as is. */
export interface ChannelEvent {
  /** Unique per event; the outbox keys deliveries on it, receivers may deduplicate on it. */
  id: string;
  type: ChannelEventType;
  watch: { id: string; name: string; url: string };
  /** The watch's state in words the receiver can match on, e.g. `open`, `paused`, `error`. */
  state: string;
  /** When it happened (epoch ms). */
  at: number;
  /** The check's short evidence text, e.g. `features contains disable_plus_upgrade_ui`. */
  evidence: string;
  /** Already localised by the caller. */
  title: string;
  /** Already localised by the caller. */
  body: string;
  /** Where acting on the message leads (the watch's target). */
  link: string;
  /** Localised label of the link's button where a service shows one; English "Open" when missing. */
  linkLabel?: string;
}

export interface DeliveryRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export type DeliveryOutcome =
  | { type: 'delivered' }
  /** Try again later; `afterMs` is the service's own wait (Retry-After and the like) when it gave one. */
  | { type: 'retry'; afterMs?: number; why: string }
  /** Retrying will not help until the user fixes the channel (revoked token, deleted webhook…). */
  | { type: 'broken'; why: string };

/** What `classify` needs of the response headers; a fetch `Headers` fits. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * One service, as the pages and the worker both know it: the host a send needs and the rules a
 * config must follow. Sending (building the request, reading the answer) is the worker's alone:
 * `ChannelSender`, in src/core/channels/send/. Method syntax on purpose: a `ChannelSpec<NtfyConfig>`
 * is then usable where `ChannelSpec` is expected.
 */
export interface ChannelSpec<C extends ChannelConfig = ChannelConfig> {
  type: C['type'];
  /** The match pattern of the host permission a send needs, e.g. `https://ntfy.sh/*`. Throws when invalid. */
  origin(config: C): string;
  /** Clear English problems; empty when the config can be used. */
  validate(config: C): string[];
  /** Every secret value in the config (trimmed), so callers can prove none reaches logs, exports or notifications. */
  secretsOf(config: C): string[];
}

/**
 * The sending half of a service, the worker's alone (src/core/channels/send/): the options page
 * never loads it. Method syntax on purpose, as for `ChannelSpec`.
 */
export interface ChannelSender<C extends ChannelConfig = ChannelConfig> {
  type: C['type'];
  /** The request for one event. Call `validate` first: an invalid config gives an undefined request. */
  buildRequest(config: C, event: ChannelEvent): DeliveryRequest;
  /**
   * Reads the service's answer. `status` 0 means none came (network error, timeout); a redirect
   * (fetch `redirect: 'manual'`, `opaqueredirect`) should be passed as a 3xx status.
   */
  classify(status: number, headers: HeaderReader, bodyText: string, now: number): DeliveryOutcome;
}
