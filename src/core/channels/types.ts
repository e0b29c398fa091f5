// The shapes shared by every channel: what the user configures, what is sent, and how an answer reads.
// Pure data: the sending loop looks a channel up by `type` and never branches on its name. Each
// channel's own config type derives from its spec's fields (`ConfigOf`).

import type { AlertKind } from '../alert-kinds';

/** What every channel has, whatever its type (src/core/channels/index.ts: COMMON_KEYS). */
export interface ChannelBase {
  /** Stable id; outbox entries point at it, so a channel edited between attempts sends with its new settings. */
  id: string;
  name?: string;
  enabled: boolean;
  /** When the user last saved it (epoch ms). */
  savedAt?: number;
}

/**
 * One thing the user fills in for a channel (the model is Apprise's `template_tokens`). A spec's
 * list of them is the one declaration the stored shape, the secret list, `secretsOf`, the editor
 * and the config's type derive from; its order is the editor's.
 */
export interface ChannelField {
  /** The config key it is kept under. */
  readonly key: string;
  /** Never shown back once saved (left empty, the saved one is kept) and masked in logs and errors. */
  readonly secret: boolean;
  /** Save refuses a config without it; required fields are plain strings in the config's type. */
  readonly required: boolean;
  readonly input: 'text' | 'url' | 'password';
  /**
   * Message keys (src/public/_locales) of its label and hint. Core has no i18n, so they are plain
   * strings here; src/core/channels/specs.test.ts checks that both locales have them.
   */
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  /** An optional secret: once saved, a box to remove it, and these fields with it. */
  readonly removable?: readonly string[];
}

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The config a spec's `fields` describe: its required fields are strings, the others optional strings. */
export type ConfigOf<T extends string, F extends readonly ChannelField[]> = Flat<
  ChannelBase & { type: T } & { [X in F[number] as X['required'] extends true ? X['key'] : never]: string } & {
    [X in F[number] as X['required'] extends true ? never : X['key']]?: string;
  }
>;

/** A watch's alerts (src/core/alert-kinds.ts), and the editor's test message. */
export type ChannelEventType = AlertKind | 'test';

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
 * One service, as the pages and the worker both know it: what the user fills in, the host a send
 * needs and the rules a config must follow. Sending (building the request, reading the answer) is
 * the worker's alone: `ChannelSender`, in src/core/channels/send/. Method syntax on purpose: a
 * `ChannelSpec<NtfyConfig>` is then usable where `ChannelSpec` is expected.
 */
export interface ChannelSpec<C extends ChannelBase & { type: string } = ChannelBase & { type: string }> {
  type: C['type'];
  /** In the editor's order. */
  fields: readonly ChannelField[];
  /** The match pattern of the host permission a send needs, e.g. `https://ntfy.sh/*`. Throws when invalid. */
  origin(config: C): string;
  /** Clear English problems; empty when the config can be used. */
  validate(config: C): string[];
  /**
   * Secrets inside a secret field's value (the token in a Discord webhook URL), so a text quoting
   * only that part is masked too; the secret fields' own values need no listing (`secretsOf`).
   */
  secretsWithin?(config: C): string[];
}

/**
 * The sending half of a service, the worker's alone (src/core/channels/send/): the options page
 * never loads it. Method syntax on purpose, as for `ChannelSpec`.
 */
export interface ChannelSender<C extends ChannelBase & { type: string } = ChannelBase & { type: string }> {
  type: C['type'];
  /** The request for one event. Call `validate` first: an invalid config gives an undefined request. */
  buildRequest(config: C, event: ChannelEvent): DeliveryRequest;
  /**
   * Reads the service's answer. `status` 0 means none came (network error, timeout); a redirect
   * (fetch `redirect: 'manual'`, `opaqueredirect`) should be passed as a 3xx status.
   */
  classify(status: number, headers: HeaderReader, bodyText: string, now: number): DeliveryOutcome;
}
