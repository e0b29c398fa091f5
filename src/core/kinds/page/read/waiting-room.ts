import { normalizeForMatch } from '../check/phrase-match';
import { quote } from './evidence';
import type { FetchedResponse } from './page-response';

/** Why a page reads `queued`: sent to Queue-it, a waiting room's own page, or its words. */
export type QueueReason = 'queue-redirect' | 'queue-page' | 'queue-phrase';
export interface QueueSign<R extends QueueReason = QueueReason> {
  reason: R;
  evidence: string;
}

const hostOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).hostname.toLowerCase() : null);
const isQueueItHost = (host: string | null) => host !== null && (host === 'queue-it.net' || host.endsWith('.queue-it.net'));

/**
 * Queue-it's waiting room page (what `*.queue-it.net` serves): its view model and the ids of its
 * queue number, progress bar and wait time. Not its connector (`queueclient.min.js`,
 * `queueconfigloader.min.js`, `data-queueit-c`), which every page of a protected shop carries
 * whether a queue runs or not.
 */
const QUEUE_IT_PAGE = /\bqueueViewModel\b|\bMainPart_(?:divProgressbar|lbQueueNumber|divEstimatedWaitTime|lbWhichIsIn)\b|\bqueue-it_log\b/;
/** Cloudflare Waiting Room's page: its cookie, or its own title with its own words. */
const CLOUDFLARE_TITLE = /<title>[^<]*waiting room[^<]*<\/title>/i;
const CLOUDFLARE_WORDS = /you are now in line|your estimated wait time is|__cfwaitingroom/i;

/** What the response alone says of a queue: a redirect to Queue-it, or a waiting room's own page. */
export function queueFromResponse(
  response: FetchedResponse,
  header: (name: string) => string | null,
): QueueSign<'queue-redirect' | 'queue-page'> | null {
  const location = response.status >= 300 && response.status < 400 ? header('location') : null;
  const target = location
    ? URL.canParse(location, response.url)
      ? new URL(location, response.url).href
      : null
    : (response.finalUrl ?? null);
  // Host only: Queue-it's addresses carry the shop's tokens in their query string.
  if (target && target !== response.url && isQueueItHost(hostOf(target)))
    return { reason: 'queue-redirect', evidence: `sent to the Queue-it waiting room at ${hostOf(target)}` };
  const body = response.bodyText?.slice(0, 256 * 1024) ?? '';
  if (QUEUE_IT_PAGE.test(body)) return { reason: 'queue-page', evidence: 'Queue-it waiting room page' };
  const cookie = header('set-cookie') ?? '';
  if (/__cfwaitingroom=/i.test(cookie) || (CLOUDFLARE_TITLE.test(body) && CLOUDFLARE_WORDS.test(body))) {
    const words = /you are now in line/i.test(body) ? ' "You are now in line"' : '';
    return { reason: 'queue-page', evidence: `Cloudflare Waiting Room${words}` };
  }
  return null;
}

/**
 * What a waiting room says to the person in it, in the 14 languages of the built-in phrases.
 * Whole sentences, never a bare "queue" or "waiting list": a shop's FAQ about its customer service
 * queue or a wish list is not a waiting room.
 */
export const QUEUE_PHRASES = {
  en: [
    'you are now in line',
    'you are in line',
    "you're in line",
    'you are in the queue',
    "you're in the queue",
    'you are now in the queue',
    'you are in the waiting room',
    'you are now in the waiting room',
    'your place in line',
    'your place in the queue',
    'your position in the queue',
    'your number in line',
  ],
  'zh-Hans': ['您正在排队', '你正在排队', '您已进入排队', '您已进入等候室', '您当前的排队位置', '前面还有', '正在排队中，请稍候'],
  'zh-Hant': ['您正在排隊', '你正在排隊', '您已進入排隊', '您已進入等候室', '您目前的排隊位置', '正在排隊中，請稍候'],
  ja: ['順番待ちをしています', 'ただいま順番待ち', '待機列に並んでいます', '待合室でお待ちください', 'あなたの順番は'],
  ko: ['대기열에 있습니다', '대기 중입니다. 순서가 되면', '현재 대기 순번', '나의 대기 순서'],
  de: [
    'sie befinden sich in der warteschlange',
    'sie sind jetzt in der warteschlange',
    'du bist in der warteschlange',
    'ihre position in der warteschlange',
    'sie befinden sich im warteraum',
  ],
  fr: [
    "vous êtes dans la file d'attente",
    "vous êtes maintenant dans la file d'attente",
    "votre position dans la file d'attente",
    "vous êtes dans la salle d'attente",
  ],
  es: [
    'estás en la cola',
    'está en la cola',
    'usted está en la fila',
    'estás en la fila',
    'tu posición en la cola',
    'estás en la sala de espera',
  ],
  pt: ['você está na fila', 'está na fila de espera', 'sua posição na fila', 'você está na sala de espera'],
  it: ['sei in coda', 'sei in fila', 'la tua posizione in coda', 'sei nella sala d’attesa', "sei nella sala d'attesa"],
  nl: ['u staat in de wachtrij', 'je staat in de wachtrij', 'uw plek in de wachtrij', 'je plek in de wachtrij', 'u bent in de wachtkamer'],
  pl: ['jesteś w kolejce', 'jesteś teraz w kolejce', 'twoje miejsce w kolejce', 'twoja pozycja w kolejce', 'jesteś w poczekalni'],
  ru: ['вы в очереди', 'вы находитесь в очереди', 'ваше место в очереди', 'ваш номер в очереди', 'вы в зале ожидания'],
  tr: ['sıradasınız', 'şu anda sıradasınız', 'sıradaki yeriniz', 'bekleme odasındasınız'],
} as const satisfies Record<string, readonly string[]>;

/** A waiting room is mostly its message: on a page with more text than this, such words are about something else. */
export const QUEUE_TEXT_MAX = 4000;

const CLOSE_SCRIPTS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let compiled: { pattern: RegExp; display: Map<string, string> } | null = null;

function queuePattern() {
  if (compiled) return compiled;
  const display = new Map<string, string>();
  const parts: string[] = [];
  for (const phrase of Object.values(QUEUE_PHRASES).flat()) {
    const folded = normalizeForMatch(phrase).trim();
    display.set(folded, phrase);
    const body = escapeRegex(folded);
    parts.push(CLOSE_SCRIPTS.test(folded) ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`);
  }
  compiled = { pattern: new RegExp(parts.sort((a, b) => b.length - a.length).join('|'), 'u'), display };
  return compiled;
}

/** A waiting room's words over a short page's visible text, or null. */
export function queueFromText(text: string): QueueSign<'queue-phrase'> | null {
  if (text.length > QUEUE_TEXT_MAX) return null;
  const { pattern, display } = queuePattern();
  const hit = pattern.exec(normalizeForMatch(text).replace(/\n/g, ' '));
  if (!hit) return null;
  return { reason: 'queue-phrase', evidence: `text ${quote(display.get(hit[0]) ?? hit[0])}` };
}
