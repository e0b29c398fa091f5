import type { Evidence } from '../../../evidence-message';
import { type CompiledPhrases, compilePhrases, findPhrases, normalizeForMatch } from '../check/phrase-match';
import { cleanText, clip, EVIDENCE_MAX, quote } from './evidence';
import { say } from './evidence-en';
import { type FetchedResponse, headerReader } from './page-response';

/**
 * Tells when a waiting room stands in front of the watched page (DESIGN.md, Conditions: `queued`).
 * Read before any availability rule: a queue page says nothing about the product behind it.
 *
 * What each vendor's page was recognised by, and where that was seen:
 *
 * Queue-it. Saved waiting-room pages in public repositories: two from queue.tiket.com (Queue-it
 * 4.5, ericc-ch/tx fixtures/the-weeknd-queue.html and fixtures/tiket-babymonster-weverse-queue-en.html)
 * and a Coachella 2018 queue on go.festivalticketing.com saved in a public Go test. They carry
 * `<meta id="queue-it_log" data-userid=… data-proxyurl="…logging.queue-it.net/…">`,
 * `window.queueViewModel = new QueueIt.Queue.InQueueView({… inqueueInfo: {"pageId":"before",
 * "pageClass":"before prequeue" …}`, `<body data-pageid="queue" data-culture="en-US" class="queue">`,
 * the "What is this?" link `id="hlThisIsQueueIt"`, and the ticket's elements `MainPart_divProgressbar`,
 * `MainPart_lbQueueNumber` ("Your number in line:"), `MainPart_lbUsersInLineAheadOfYou`,
 * `MainPart_lbWhichIsIn` ("Your estimated wait time is:"). Queue-it's custom-layout scripts
 * (`queueViewModel.pageReady(…)`) branch on the body's `data-pageid`: before, queue, after, exit,
 * error (with `data-errorid`); bot tools also meet `QueueIt.Queue.SoftblockViewModel`. Scrapers for
 * Qoo10 and the Pokémon Center note the same `queue-it_log` meta and that the queue may be served
 * on the shop's own domain (queue.tiket.com, wait-pc.qoo10.jp): hence body markers, not only the host.
 * The JavaScript connector (`static.queue-it.net/script/queueclient.min.js`,
 * `queueconfigloader.min.js`, `data-queueit-c`, `data-queueit-intercept-domain`) is on every page
 * of a protected shop whether or not a queue runs, and the queue page itself loads a script with
 * `data-queueit-c`: none of them is a marker here.
 *
 * Cloudflare Waiting Room. Cloudflare's own template (cloudflare/cloudflare-docs,
 * public/waiting-room/static/index.subdomain.html.txt): `<title>Waiting Room powered by
 * Cloudflare</title>`, a footer `<span class="waitingrooms-text">Waiting Room powered by
 * Cloudflare</span>`, and, rendered only in the section that applies, `<h2 id="waitTime">` while
 * queueing, `<h2 id="prequeueTime">` in the pre-queue, or `id="waiting_room.reject.title.line1"`
 * when the room rejects everyone (not a queue). Its texts ("You are now in line.", "Thank you for
 * your patience.") sit in a script's translation table for every state, so they prove nothing in
 * the raw body. A waiting-room extension for a live site checks the same `#waitTime`,
 * `#last-updated` and `.waitingrooms-text`. The JSON answer (`Accept: application/json`) is
 * `{"cfWaitingRoom": {"inWaitingRoom": true, …}}` (developers.cloudflare.com, json-response).
 * The `__cfwaitingroom` cookie is set whenever a room is enabled for the path, queueing or not
 * (waiting-room-cookie.mdx; sites with a dormant room set it on every page), so it is no marker;
 * neither is any Cloudflare challenge (`Just a moment…`, `_cf_chl_opt`, `challenge-platform`).
 */

export type QueueReason = 'queue-redirect' | 'queue-page' | 'queue-phrase';

export interface QueueSign<R extends QueueReason = QueueReason> extends Evidence {
  reason: R;
}

/** Waiting-room pages say what they are early; a long body is scanned only at its start. */
const SCAN = 256 * 1024;

/** `queue-it.net` or any of its subdomains; never `queue-it.net.evil.com` or `notqueue-it.net`. */
function isQueueItHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'queue-it.net' || host.endsWith('.queue-it.net');
}

function parseUrl(url: string | null | undefined, base?: string): URL | null {
  if (!url) return null;
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** Where the response went: a 3xx `Location`, or `finalUrl` when it differs from the URL asked for. */
function redirectTarget(response: FetchedResponse): URL | null {
  const status = response.status;
  if (status >= 300 && status < 400) {
    const location = parseUrl(headerReader(response)('location'), response.url);
    if (location) return location;
  }
  if (response.finalUrl && response.finalUrl !== response.url) return parseUrl(response.finalUrl);
  return null;
}

/** A marker written as an attribute, either quote style or none: `id="queue-it_log"`. */
const attr = (name: string, value: string) => new RegExp(`(?<![\\w-])${name}\\s*=\\s*["']?${value.replace(/[.]/g, '\\.')}(?=["'\\s>/])`);

/** Only the waiting room's own pages carry these (the connector never does). */
const QUEUE_IT_PAGE = [attr('id', 'queue-it_log'), attr('id', 'hlthisisqueueit'), /\bqueueit\.queue\.inqueueview\s*\(/];
/** The ticket a visitor in the line is shown; two of them together are the queue page itself. */
const QUEUE_IT_TICKET = [
  attr('id', 'mainpart_divprogressbar'),
  attr('id', 'mainpart_lbqueuenumber'),
  attr('id', 'mainpart_lbusersinlineaheadofyou'),
  attr('id', 'mainpart_lbwhichisin'),
];
/** Page ids where a visitor waits in front of the site; after, exit and error are not a queue. */
const WAITING_PAGE_IDS = new Set(['queue', 'before', 'idle']);
const BODY_PAGE_ID = /<body\b[^>]*\bdata-pageid\s*=\s*["']?([a-z]+)/;
const MODEL_PAGE_ID = /"pageid"\s*:\s*"([a-z]+)"/;
const SOFTBLOCK = /\bqueueit\.queue\.softblockviewmodel\b/;

type QueueItPage = { waiting: true; before: boolean } | { waiting: false };

/** Queue-it's own page in a lower-cased body: waiting (queue or pre-queue), one of its other pages, or null (none, or unknown). */
function readQueueItPage(body: string): QueueItPage | null {
  const own = QUEUE_IT_PAGE.some((marker) => marker.test(body));
  const ticket = QUEUE_IT_TICKET.filter((marker) => marker.test(body)).length;
  if (!own && ticket < 2) return null;
  if (SOFTBLOCK.test(body)) return { waiting: false };
  const pageId = BODY_PAGE_ID.exec(body)?.[1] ?? MODEL_PAGE_ID.exec(body)?.[1];
  if (pageId) return WAITING_PAGE_IDS.has(pageId) ? { waiting: true, before: pageId !== 'queue' } : { waiting: false };
  // Without a page id, its ticket shows a visitor in the line; anything else is unknown, not a veto.
  return ticket >= 2 ? { waiting: true, before: false } : null;
}

const CF_TITLE = /<title[^>]*>\s*waiting room powered by cloudflare\s*</;
const CF_FOOTER = /\bclass\s*=\s*["'][^"']*\bwaitingrooms-text\b/;
const CF_WAIT_TIME = attr('id', 'waittime');
const CF_PREQUEUE_TIME = attr('id', 'prequeuetime');
const CF_REJECT = /(?<![\w-])id\s*=\s*["']waiting_room\.reject\./;
const CF_JSON = /"cfwaitingroom"\s*:\s*\{[^}]*"inwaitingroom"\s*:\s*true/;

/** Cloudflare Waiting Room's page (queue or pre-queue) or its JSON answer, in a lower-cased body. */
function readCloudflareRoom(body: string): Evidence | null {
  if (/^\s*\{/.test(body) && CF_JSON.test(body)) return say('evCloudflareRoomJson', '"inWaitingRoom": true');
  if (!CF_TITLE.test(body) && !CF_FOOTER.test(body)) return null;
  if (CF_REJECT.test(body)) return null;
  if (CF_WAIT_TIME.test(body)) return say('evCloudflareRoom');
  if (CF_PREQUEUE_TIME.test(body)) return say('evCloudflareRoomPre');
  return null;
}

/** One short line, controls removed; hosts can be long. */
const sign = <R extends QueueReason>(reason: R, said: Evidence): QueueSign<R> => ({
  reason,
  evidence: clip(cleanText(said.evidence), EVIDENCE_MAX),
  evidenceMessage: said.evidenceMessage,
});

const hostOf = (url: string | undefined) => parseUrl(url)?.hostname.replace(/\.$/, '') ?? '';

/** From the response alone: a redirect to Queue-it, Queue-it's waiting-room page, Cloudflare Waiting Room. */
export function queueFromResponse(response: FetchedResponse): QueueSign<'queue-redirect' | 'queue-page'> | null {
  const body = (response.bodyText ?? '').slice(0, SCAN).toLowerCase();
  const queueIt = readQueueItPage(body);

  const target = redirectTarget(response);
  const askedHost = hostOf(response.url);
  if (target && isQueueItHost(target.hostname) && !isQueueItHost(askedHost)) {
    // Queue-it itself may answer that the sale is over or that something failed: no queue to join.
    if (queueIt && !queueIt.waiting) return null;
    const host = target.hostname.toLowerCase().replace(/\.$/, '');
    return sign('queue-redirect', say('evQueueItRedirect', host));
  }

  if (queueIt?.waiting) {
    // Served on the shop's own queue domain (queue.example.com) after a redirect: name the host, never the query.
    const landed = hostOf(response.finalUrl);
    const elsewhere = landed && landed !== askedHost;
    if (elsewhere) return sign('queue-page', say(queueIt.before ? 'evQueueItPreAt' : 'evQueueItAt', landed));
    return sign('queue-page', say(queueIt.before ? 'evQueueItPre' : 'evQueueIt'));
  }

  const cloudflare = readCloudflareRoom(body);
  return cloudflare ? sign('queue-page', cloudflare) : null;
}

/**
 * What waiting rooms say to the person in them, by language: whole statements that the visitor is
 * in the line, never the bare words ("queue", "waiting room", "Warteschlange", "順番待ち", "排队") that
 * a shop's FAQ, a support page or a waitlist sign-up also uses. Phrases whose subject could be an
 * order ("está en la cola de envío", "staat in de wachtrij", "jest w kolejce") name the visitor.
 * "Your place in line" and "your position in the queue" are left out: waitlist sign-ups promise them.
 */
export const QUEUE_PHRASES: Record<string, readonly string[]> = {
  en: [
    // Shopify's checkout queue.
    "you're in line to check out",
    'you are in line to check out',
    'you are now in line',
    "you're now in line",
    'you are now in the queue',
    "you're now in the queue",
    'you are in the queue',
    "you're in the queue",
    'you are currently in the queue',
    'you are in a queue',
    'you are now in a queue',
    'you are in a virtual queue',
    'you are in the virtual queue',
    'you are now in a virtual queue',
    'you have been placed in a queue',
    'you have been placed in the queue',
    'you have been placed in a virtual queue',
    'you are in the waiting room',
    "you're in the waiting room",
    'you are now in the waiting room',
    "you're now in the waiting room",
    'you are in a virtual waiting room',
    'you are now in the pre-queue',
    'your number in line',
    'users in line ahead of you',
    'people in line ahead of you',
  ],
  'zh-Hans': [
    '您正在排队',
    '你正在排队',
    '您目前正在排队',
    '您已进入排队',
    '您已进入队列',
    '您已进入等候室',
    '您已进入虚拟等候室',
    '您已进入虚拟队列',
    '您在队列中的位置',
  ],
  'zh-Hant': [
    '您正在排隊',
    '你正在排隊',
    '您目前正在排隊',
    '您已進入排隊',
    '您已進入佇列',
    '您已進入隊列',
    '您已進入等候室',
    '您已進入虛擬等候室',
    '您在佇列中的位置',
  ],
  ja: [
    // "Waiting your turn right now": the page's own state, unlike a bare 順番待ち (a waitlist).
    'ただいま順番待ちです',
    '順番待ちに追加されました',
    '順番待ちの列に並んでいます',
    '待機列に並んでいます',
    '待機列に追加されました',
    '待機室に入りました',
    '待合室に入りました',
    '仮想待合室に入りました',
    'プレキューに入りました',
  ],
  ko: [
    '대기열에 있습니다',
    '대기열에 추가되었습니다',
    '대기열에 진입하셨습니다',
    '대기실에 입장하셨습니다',
    '접속 대기 중입니다',
    '접속대기 중입니다',
    '나의 대기순서',
    '나의 대기 순서',
  ],
  de: [
    'Sie befinden sich in der Warteschlange',
    'Sie befinden sich jetzt in der Warteschlange',
    'Sie befinden sich nun in der Warteschlange',
    'Sie befinden sich in einer virtuellen Warteschlange',
    'Sie sind jetzt in der Warteschlange',
    'Sie sind nun in der Warteschlange',
    'Sie stehen in der Warteschlange',
    'Sie wurden in die Warteschlange eingereiht',
    'du bist jetzt in der Warteschlange',
    'du befindest dich in der Warteschlange',
    'Sie befinden sich im Warteraum',
    'Sie befinden sich jetzt im Warteraum',
    'Sie sind jetzt im Warteraum',
    'Ihre Nummer in der Warteschlange',
  ],
  fr: [
    "vous êtes dans la file d'attente",
    "vous êtes maintenant dans la file d'attente",
    "vous êtes actuellement dans la file d'attente",
    "vous êtes désormais dans la file d'attente",
    "vous êtes en file d'attente",
    "vous êtes dans une file d'attente virtuelle",
    "vous avez été placé dans la file d'attente",
    "vous êtes dans la salle d'attente",
    "vous êtes maintenant dans la salle d'attente",
    "tu es dans la file d'attente",
    "votre numéro dans la file d'attente",
  ],
  es: [
    'usted está en la cola',
    'ya está en la cola',
    'ahora está en la cola',
    'estás en la cola',
    'ya estás en la cola',
    'ya está en la fila de espera',
    'usted está en la fila de espera',
    'estás en la fila de espera',
    'ahora se encuentra en la fila de espera',
    'usted se encuentra en la cola',
    'se encuentra en la cola virtual',
    'está en la cola virtual',
    'estás en la fila virtual',
    'está en la fila virtual',
    'está en la sala de espera virtual',
    'se encuentra en la sala de espera virtual',
    'su número en la fila',
  ],
  pt: [
    'você está na fila',
    'você já está na fila',
    'você está agora na fila',
    'você está na fila de espera',
    'você está na fila virtual',
    'você está em uma fila virtual',
    'você está numa fila virtual',
    'você entrou na fila',
    'você está na sala de espera',
    'está na sala de espera virtual',
    'encontra-se na sala de espera virtual',
    'seu número na fila',
  ],
  it: [
    'sei in coda',
    'sei ora in coda',
    'ora sei in coda',
    'sei in fila',
    'sei ora in fila',
    'sei in una coda virtuale',
    'ti trovi in coda',
    "sei nella sala d'attesa",
    "ti trovi nella sala d'attesa",
    'il tuo numero in coda',
  ],
  nl: [
    'u staat in de wachtrij',
    'u staat nu in de wachtrij',
    'je staat in de wachtrij',
    'je staat nu in de wachtrij',
    'jij staat in de wachtrij',
    'u bevindt zich in de wachtrij',
    'u bevindt zich nu in de wachtrij',
    'je bevindt je in de wachtrij',
    'u bent in de wachtrij geplaatst',
    'je bent in de wachtrij geplaatst',
    'u bevindt zich in de wachtkamer',
    'u bent in de wachtkamer',
    'je bent in de wachtkamer',
    'uw nummer in de wachtrij',
  ],
  pl: [
    'jesteś w kolejce',
    'jesteś teraz w kolejce',
    'jesteś już w kolejce',
    'jesteś w wirtualnej kolejce',
    'znajdujesz się w kolejce',
    'znajdujesz się teraz w kolejce',
    'zostałeś dodany do kolejki',
    'zostałaś dodana do kolejki',
    'jesteś w poczekalni',
    'znajdujesz się w poczekalni',
    'twój numer w kolejce',
  ],
  ru: [
    'вы в очереди',
    'вы сейчас в очереди',
    'вы уже в очереди',
    'вы находитесь в очереди',
    'вы находитесь в виртуальной очереди',
    'вы встали в очередь',
    'вы поставлены в очередь',
    'ты в очереди',
    'вы находитесь в зале ожидания',
    'вы в зале ожидания',
    'ваш номер в очереди',
  ],
  tr: [
    'sıradasınız',
    'şu anda sıradasınız',
    'sıradasın',
    'kuyruktasınız',
    'sıraya alındınız',
    'kuyruğa alındınız',
    'bekleme odasındasınız',
    'sanal bekleme odasındasınız',
  ],
};

/**
 * Words that make a phrase a condition or an instruction for later ("once you are in the queue,
 * do not refresh", "si vous êtes dans la file d'attente…", "如果您正在排队"), as a drop's announcement
 * says before any queue runs. Listed as neutral phrases so they claim the span first. German, Dutch,
 * Japanese, Korean and Turkish move the verb or add a suffix in such clauses, so the phrase no longer matches.
 */
const CONDITIONS: Record<string, readonly string[]> = {
  en: ['if', 'when', 'once', 'until', 'unless', 'whether', 'before', 'after', 'make sure', 'ensure', 'be sure'],
  'zh-Hans': ['如果', '若', '当', '一旦', '假如'],
  'zh-Hant': ['如果', '若', '當', '一旦', '假如'],
  fr: ['si', 'quand', 'lorsque', 'dès que', 'une fois que', 'une fois'],
  es: ['si', 'cuando', 'una vez que'],
  pt: ['se', 'quando', 'assim que', 'depois que'],
  it: ['se', 'quando', 'una volta che', 'dopo che'],
  pl: ['jeśli', 'jeżeli', 'gdy', 'kiedy', 'gdy już', 'kiedy już'],
  ru: ['если', 'когда', 'как только'],
};

/** Above this much visible text, a page is not a waiting room (see queueFromText). */
const QUEUE_TEXT_MAX = 4000;

let compiled: CompiledPhrases | null = null;

function queuePhrases(): CompiledPhrases {
  if (compiled) return compiled;
  const paused = Object.values(QUEUE_PHRASES).flat();
  const neutral = Object.entries(CONDITIONS).flatMap(([lang, words]) =>
    words.flatMap((word) =>
      (QUEUE_PHRASES[lang] ?? []).map((phrase) => (/^\p{Script=Han}/u.test(word) ? `${word}${phrase}` : `${word} ${phrase}`)),
    ),
  );
  compiled = compilePhrases({ paused, neutral });
  return compiled;
}

/**
 * Generic "you are in the queue / waiting room" phrases over the page's visible text (already
 * extracted, see visible-text.ts's VisibleText .text). Only a short page counts: a waiting room is
 * mostly that one message (Queue-it's and Cloudflare's pages show well under 2,000 characters),
 * while a product page, a FAQ or a news post of any length can quote the same words about
 * something else ("if you are in the queue at 9:00…"). Over QUEUE_TEXT_MAX characters of visible
 * text (whitespace collapsed), this answers null.
 */
export function queueFromText(text: string): QueueSign<'queue-phrase'> | null {
  if (text.length > QUEUE_TEXT_MAX && text.replace(/\s+/g, ' ').trim().length > QUEUE_TEXT_MAX) return null;
  const hit = findPhrases(queuePhrases(), normalizeForMatch(text)).find((h) => h.polarity === 'paused');
  return hit ? sign('queue-phrase', say('evText', quote(hit.phrase))) : null;
}
