import { describe, expect, it } from 'vitest';
import { type FetchedResponse, headerReader } from './page-response';
import { QUEUE_PHRASES, QUEUE_TEXT_MAX, queueFromResponse, queueFromText } from './waiting-room';

const answer = (over: Partial<FetchedResponse>): FetchedResponse => ({
  status: 200,
  url: 'https://shop.example/drop',
  headers: { 'content-type': 'text/html' },
  bodyText: '<html><body>Shop</body></html>',
  ...over,
});
const fromResponse = (over: Partial<FetchedResponse>) => {
  const response = answer(over);
  return queueFromResponse(response, headerReader(response));
};
const TOKEN_URL = 'https://northwind.queue-it.net/?c=northwind&e=drop1&t=https%3A%2F%2Fshop.example%2Fdrop&queueittoken=s3cr3t';

describe('a waiting room from the response', () => {
  it('a redirect to Queue-it, followed or not, names the host and never the tokens', () => {
    const followed = fromResponse({ finalUrl: TOKEN_URL, redirected: true });
    const asked = fromResponse({ status: 302, headers: { location: TOKEN_URL } });
    for (const sign of [followed, asked]) {
      expect(sign).toEqual({ reason: 'queue-redirect', evidence: 'sent to the Queue-it waiting room at northwind.queue-it.net' });
      expect(sign?.evidence).not.toMatch(/queueittoken|s3cr3t|c=|\?/);
    }
  });

  it('is not fooled by look-alike hosts', () => {
    expect(fromResponse({ finalUrl: 'https://queue-it.net.evil.example/?c=x' })).toBeNull();
    expect(fromResponse({ status: 302, headers: { location: 'https://notqueue-it.net/' } })).toBeNull();
  });

  it('reads Queue-it’s own waiting-room page, but not its connector on a shop page', () => {
    const page =
      '<div id="MainPart_divProgressbar"></div><span id="MainPart_lbQueueNumber">1234</span><script>window.queueViewModel = {}</script>';
    expect(fromResponse({ bodyText: page })).toEqual({ reason: 'queue-page', evidence: 'Queue-it waiting room page' });
    const connector =
      '<script src="//static.queue-it.net/script/queueclient.min.js"></script><script data-queueit-c="shop" data-queueit-intercept-domain="shop.example" src="//static.queue-it.net/script/queueconfigloader.min.js"></script><button>Add to cart</button>';
    expect(fromResponse({ bodyText: connector })).toBeNull();
  });

  it('reads Cloudflare Waiting Room, by its page or its cookie, and not a Cloudflare challenge', () => {
    const room =
      '<title>Waiting Room powered by Cloudflare</title><h1>You are now in line.</h1><p>Your estimated wait time is 5 minutes.</p>';
    expect(fromResponse({ bodyText: room })).toEqual({ reason: 'queue-page', evidence: 'Cloudflare Waiting Room "You are now in line"' });
    expect(fromResponse({ headers: { 'set-cookie': '__cfwaitingroom=abc; Path=/; Secure' } })?.reason).toBe('queue-page');
    const challenge = '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script>';
    expect(fromResponse({ status: 403, bodyText: challenge })).toBeNull();
    // A shop selling waiting-room chairs is not a waiting room.
    expect(fromResponse({ bodyText: '<title>Waiting room chairs | Office</title><button>Add to cart</button>' })).toBeNull();
  });
});

describe('a waiting room’s words', () => {
  it('has phrases in each of the 14 languages', () => {
    expect(Object.keys(QUEUE_PHRASES)).toHaveLength(14);
  });

  it.each([
    ['en', 'You are now in line. Thank you for your patience.'],
    ['zh-Hans', '您正在排队，请不要刷新页面。'],
    ['zh-Hant', '您正在排隊，請勿重新整理。'],
    ['ja', 'ただいま順番待ちをしています。'],
    ['ko', '현재 대기열에 있습니다.'],
    ['de', 'Sie befinden sich in der Warteschlange.'],
    ['fr', "Vous êtes dans la file d'attente."],
    ['es', 'Estás en la cola. No cierres esta página.'],
    ['pt', 'Você está na fila.'],
    ['it', 'Sei in coda.'],
    ['nl', 'U staat in de wachtrij.'],
    ['pl', 'Jesteś w kolejce.'],
    ['ru', 'Вы в очереди.'],
    ['tr', 'Şu anda sıradasınız.'],
  ])('reads %s', (_language, text) => {
    expect(queueFromText(text)?.reason).toBe('queue-phrase');
  });

  it('does not read look-alikes: a service queue, a waiting list, a wish list', () => {
    for (const text of [
      'Our customer service queue is long today; join the waiting list for the next batch.',
      'Add to wish list. Queue management software for clinics.',
      'Kundenservice-Warteschlange: Wartezeit etwa 5 Minuten.',
      "La file d'attente du service client est longue.",
      '客服排队人数较多，请稍后再试。',
      'Online tot 22:00 besteld, morgen in huis. Wachtrij klantenservice.',
    ])
      expect(queueFromText(text), text).toBeNull();
  });

  it('ignores the words on a long page: a waiting room is mostly its message', () => {
    const long = `${'Product details and reviews. '.repeat(QUEUE_TEXT_MAX / 20)} You are now in line.`;
    expect(queueFromText(long)).toBeNull();
  });
});
