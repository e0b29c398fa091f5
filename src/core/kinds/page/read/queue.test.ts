import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import type { FetchedResponse } from './page-response';
import { QUEUE_PHRASES, type QueueSign, queueFromResponse, queueFromText } from './queue';
import { visibleText } from './visible-text';

const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'tr'];
const CJK = new Set(['zh-Hans', 'zh-Hant', 'ja', 'ko']);

const html = { 'content-type': 'text/html; charset=utf-8' };
const read = (r: Partial<FetchedResponse>) =>
  queueFromResponse({ status: 200, url: 'https://shop.example/p/1', headers: html, bodyText: '', ...r });

/** Evidence is one short line with a host at most: never a query string, a token or a queue id. */
function expectClean(sign: QueueSign | null) {
  expect(sign).not.toBeNull();
  const evidence = sign?.evidence ?? '';
  expect([...evidence].length).toBeLessThanOrEqual(120);
  expect(evidence).not.toMatch(/[?&=]|queueittoken|https?:|\/\//i);
  expect(evidence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
}

// Queue-it's waiting-room page, as saved from live queues (head of a 2018 page, body of a 2026 one).
const QUEUE_IT_HEAD = `<head>
  <meta id="queue-it_log" data-userid="66b37dfa-cddd-4f8d-947c-9860ab0ca29e" data-proxyurl="https://logging.queue-it.net/logging/event">
  <title>Drop Queue</title>
  <link rel="icon" href="//assets.queue-it.net/static/QueueFront/img/favicon-32x32.png">
  <script type="text/javascript" id="queueit-perftiming-script" src="//static.queue-it.net/script/statistics.min.js" data-queueit-c="shop"></script>
  <script type="text/javascript">
    window.queueViewModel = new QueueIt.Queue.InQueueView({
      customerId: 'shop', eventId: 'drop', queueId: '7065486b-36d2-4d20-a06b-4f6d53580286',
      inqueueInfo: {"isBeforeOrIdle":false,"pageId":"queue","pageClass":"queue","QueueState":2}
    });
  </script>
</head>`;
const queueItBody = (pageId: string) => `<body data-pageid="${pageId}" data-culture="en-US" class="challenge-solved ${pageId}">
  <div id="main" role="main"><div id="header">
    <h1 id="headertext"><span id="lbHeaderH2">You are now in line</span></h1>
    <div id="headerparagraph"><span id="lbHeaderP">When it is your turn, you will have 10 minutes to enter the website.</span></div>
    <div id="whatisthis"><a id="hlThisIsQueueIt" href="https://queue-it.com/what-is-this.html?customerId=shop&amp;eventId=drop">What is this?</a></div>
  </div>
  <div class="warning-box">
    <p class="beforeElement"><span id="MainPart_lbEventStartsAtText">The sale will start at </span><span id="MainPart_lbEventStartTime">10:00 AM</span></p>
    <div id="MainPart_divProgressbar" class="progressbar queueElement" role="progressbar" aria-valuenow="15"></div>
  </div>
  <p id="MainPart_pProgressbarBox_Holder_Larger" class="larger queueElement">
    <span id="MainPart_lbQueueNumberText">Your number in line:</span> <span id="MainPart_lbQueueNumber">14233</span><br>
    <span id="MainPart_lbUsersInLineAheadOfYouText">Number of users in line ahead of you:</span> <span id="MainPart_lbUsersInLineAheadOfYou">12135</span><br>
    <span id="MainPart_lbWhichIsInText" style="display: none">Your estimated wait time is:</span> <span id="MainPart_lbWhichIsIn" style="display: none"></span>
  </p>
  <div id="footer-direct-link"><button id="hlLinkToQueueTicket2Text">Queue ID:</button> <span id="hlLinkToQueueTicket2">fd929e22-fd9d-485e-9cd2-6d8d68e08911</span></div>
  </div>
</body>`;
const queueItPage = (pageId = 'queue') => `<!DOCTYPE html><html lang="en">${QUEUE_IT_HEAD}${queueItBody(pageId)}</html>`;

// A protected shop's ordinary page: the connector sits on it whether or not a queue runs.
const CONNECTOR_PAGE = `<!DOCTYPE html><html><head>
  <title>Limited sneaker – Shop</title>
  <script type="text/javascript" src="//static.queue-it.net/script/queueclient.min.js"></script>
  <script data-queueit-c="shop" data-queueit-intercept-domain="shop.example" data-queueit-intercept="true"
    type="text/javascript" src="//static.queue-it.net/script/queueconfigloader.min.js"></script>
</head><body data-pageid="product"><h1>Limited sneaker</h1><p>Launching Friday. Our queue opens at 9:00.</p><button>Add to cart</button></body></html>`;

// Cloudflare's waiting-room template (cloudflare-docs, public/waiting-room/static), rendered by its
// mustache: only the section that applies is in the page; the script's table holds every state's text.
const CF_SCRIPT = `<script>var translations = { "en": {
  "waiting_room.title.line1": "You are now in line.", "waiting_room.title.line2": "Thank you for your patience.",
  "waiting_room.reject.title.line1": "The page you are trying to access is unavailable right now.",
  "waiting_room.prequeue.title.line1": "You are now in the pre-queue." } };
  var minutes = parseInt( 12 , 10);</script>`;
const cloudflarePage = (section: string, title = 'Waiting Room powered by Cloudflare') => `<!DOCTYPE html><html><head>
  <title>${title}</title><meta http-equiv="refresh" content="20"></head>
<body><div id="wrapper"><main><div class="center"><section class="content-container">${section}
  <p><strong><span id="waiting_room.last_updated"></span> <span id="last-updated"></span></strong></p>
</section></div></main>
<footer><section class="logo"><span class="waitingrooms-text">Waiting Room powered by Cloudflare</span></section></footer></div>
${CF_SCRIPT}</body></html>`;
const CF_QUEUEING = `<section><h1><span id="waiting_room.title.line1"></span></h1></section>
  <section><h2 id="waitTime"></h2><p><span id="waiting_room.explanation"></span></p>`;
const CF_PREQUEUE = `<section><h1><span id="waiting_room.prequeue.title.line1"></span></h1></section>
  <section><h2 id="prequeueTime"></h2>`;
const CF_REJECT = `<section><h1><span id="waiting_room.reject.title.line1"></span></h1></section><section>`;

const CF_CHALLENGE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
  <meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper" role="main">
  <h1 class="zone-name-title h1">shop.example</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
  <noscript><div id="challenge-error-title">Enable JavaScript and cookies to continue</div></noscript></div>
  <script>(function(){window._cf_chl_opt={cvId: '3',cZone: "shop.example",cType: 'managed'};
  var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1';
  document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>`;

const QUEUE_URL =
  'https://shop.queue-it.net/?c=shop&e=drop&t=https%3A%2F%2Fshop.example%2Fp%2F1&cid=en-US&queueittoken=e_drop~q_7065486b~ts_1700000000~h_abc';

describe('queueFromResponse: Queue-it redirect', () => {
  it('reads a 3xx Location to *.queue-it.net, naming the host only', () => {
    const sign = read({ status: 302, headers: { location: QUEUE_URL }, bodyText: '' });
    expect(sign).toMatchObject({ reason: 'queue-redirect', evidence: 'redirected to Queue-it waiting room at shop.queue-it.net' });
    expectClean(sign);
  });

  it('reads a followed redirect (finalUrl) to the queue, with the queue page as body', () => {
    const sign = read({ finalUrl: QUEUE_URL, redirected: true, bodyText: queueItPage() });
    expect(sign?.reason).toBe('queue-redirect');
    expectClean(sign);
  });

  it('takes queue-it.net itself and any case or trailing dot', () => {
    expect(read({ status: 307, headers: { Location: 'https://queue-it.net/?c=shop&e=drop' } })?.evidence).toBe(
      'redirected to Queue-it waiting room at queue-it.net',
    );
    expect(read({ finalUrl: 'https://Shop.Queue-It.NET./?c=shop&e=drop' })?.evidence).toBe(
      'redirected to Queue-it waiting room at shop.queue-it.net',
    );
  });

  it.each([
    'https://queue-it.net.evil.com/?c=shop&e=drop',
    'https://notqueue-it.net/?c=shop&e=drop',
    'https://shop.queue-it.network/',
    'https://queue-it.net@evil.example/?c=shop',
    'https://evil.example/?next=https://shop.queue-it.net/',
    'https://evil.example/queue-it.net/',
  ])('does not take a look-alike host for Queue-it: %s', (target) => {
    expect(read({ status: 302, headers: { location: target } })).toBeNull();
    expect(read({ finalUrl: target })).toBeNull();
  });

  it('ignores a Location header on a non-redirect status, and the way back from the queue', () => {
    expect(read({ status: 200, headers: { location: QUEUE_URL }, bodyText: '<p>ok</p>' })).toBeNull();
    expect(read({ finalUrl: 'https://shop.example/p/1?queueittoken=e_drop~q_7065486b~ts_1700000000~h_abc' })).toBeNull();
  });

  it('keeps the redirect when Queue-it’s page does not say which page it is', () => {
    const body = '<meta id="queue-it_log" data-userid="x"><title>Queue-it</title><div id="app"></div>';
    expect(read({ finalUrl: QUEUE_URL, bodyText: body })?.reason).toBe('queue-redirect');
    expect(read({ bodyText: body })).toBeNull();
  });

  it('does not read a redirect to a Queue-it page that says the sale is over or failed', () => {
    expect(read({ finalUrl: QUEUE_URL, bodyText: queueItPage('after') })).toBeNull();
    expect(read({ finalUrl: QUEUE_URL, bodyText: queueItPage('error') })).toBeNull();
  });
});

describe('queueFromResponse: Queue-it waiting-room page', () => {
  it('reads the queue page served on the shop URL', () => {
    expect(read({ bodyText: queueItPage() })).toMatchObject({ reason: 'queue-page', evidence: 'Queue-it waiting room page' });
  });

  it('reads the pre-queue (before and idle pages)', () => {
    expect(read({ bodyText: queueItPage('before') })?.evidence).toBe('Queue-it waiting room page (pre-queue)');
    expect(read({ bodyText: queueItPage('idle') })?.evidence).toBe('Queue-it waiting room page (pre-queue)');
  });

  it('reads the queue on the shop’s own queue domain, naming that host and nothing of its query', () => {
    const sign = read({
      finalUrl: 'https://queue.shop.example/?c=shop&e=drop&q=fd929e22-fd9d-485e-9cd2-6d8d68e08911',
      bodyText: queueItBody('queue'),
    });
    expect(sign).toMatchObject({ reason: 'queue-page', evidence: 'Queue-it waiting room page at queue.shop.example' });
    expectClean(sign);
  });

  it('reads the page when the watched URL is itself on queue-it.net (no redirect to name)', () => {
    expect(read({ url: QUEUE_URL, finalUrl: QUEUE_URL, bodyText: queueItPage() })?.reason).toBe('queue-page');
  });

  it('reads the ticket elements alone, without page id or identity', () => {
    const body = '<div id="MainPart_divProgressbar"></div><span id=\'MainPart_lbUsersInLineAheadOfYou\'>12</span>';
    expect(read({ bodyText: body })?.reason).toBe('queue-page');
  });

  it('uses the model’s page id when the body has none', () => {
    const body = QUEUE_IT_HEAD.replace('"pageId":"queue"', '"pageId":"before"');
    expect(read({ bodyText: body })?.evidence).toBe('Queue-it waiting room page (pre-queue)');
  });

  it.each(['after', 'exit', 'error'])('does not read Queue-it’s %s page as a queue', (pageId) => {
    expect(read({ bodyText: queueItPage(pageId) })).toBeNull();
  });

  it('does not read the soft-block page as a queue', () => {
    const body = `<meta id="queue-it_log" data-userid="x"><script>var queueViewModel = new QueueIt.Queue.SoftblockViewModel({});</script>
      <body data-pageid="softblock"><div id="MainPart_divProgressbar"></div><span id="MainPart_lbQueueNumber"></span></body>`;
    expect(read({ bodyText: body })).toBeNull();
  });

  it('does not read the JavaScript connector alone (on every page of a protected shop)', () => {
    expect(read({ bodyText: CONNECTOR_PAGE })).toBeNull();
    expect(read({ bodyText: CONNECTOR_PAGE.replace('data-pageid="product"', 'data-pageid="queue"') })).toBeNull();
  });

  it('does not read one stray ticket id or the words of the page', () => {
    expect(read({ bodyText: '<div id="MainPart_divProgressbar"></div><p>You are now in line</p>' })).toBeNull();
    expect(read({ bodyText: '<p>Queue-it protects this sale. MainPart_lbQueueNumber MainPart_divProgressbar</p>' })).toBeNull();
  });
});

describe('queueFromResponse: Cloudflare Waiting Room', () => {
  it('reads the queueing page (title, footer, #waitTime)', () => {
    const sign = read({ bodyText: cloudflarePage(CF_QUEUEING) });
    expect(sign).toMatchObject({ reason: 'queue-page', evidence: 'Cloudflare Waiting Room page (queueing)' });
    expectClean(sign);
  });

  it('reads the pre-queue page', () => {
    expect(read({ bodyText: cloudflarePage(CF_PREQUEUE) })?.evidence).toBe('Cloudflare Waiting Room pre-queue page');
  });

  it('reads a page whose title was customised but which keeps the footer', () => {
    expect(read({ status: 202, bodyText: cloudflarePage(CF_QUEUEING, 'Drop day') })?.reason).toBe('queue-page');
  });

  it('does not read the reject page, nor the template without a queue section', () => {
    expect(read({ bodyText: cloudflarePage(CF_REJECT) })).toBeNull();
    expect(read({ bodyText: cloudflarePage('<section>') })).toBeNull();
  });

  it('reads the JSON answer only while in the room', () => {
    const json = (inRoom: boolean) =>
      `{"cfWaitingRoom":{"inWaitingRoom":${inRoom},"waitTimeKnown":true,"waitTime":5,"waitTimeFormatted":"5 minutes","queueIsFull":false}}`;
    expect(read({ headers: { 'content-type': 'application/json' }, bodyText: json(true) })?.reason).toBe('queue-page');
    expect(read({ headers: { 'content-type': 'application/json' }, bodyText: json(false) })).toBeNull();
  });

  it('does not read a Cloudflare challenge page as a queue', () => {
    expect(read({ status: 403, headers: { ...html, 'cf-mitigated': 'challenge' }, bodyText: CF_CHALLENGE })).toBeNull();
    expect(read({ status: 503, bodyText: CF_CHALLENGE.replace('Just a moment...', 'Waiting Room') })).toBeNull();
  });

  it('does not read the __cfwaitingroom cookie alone (set while the room is dormant too)', () => {
    const headers = { ...html, 'set-cookie': '__cfwaitingroom=ChhpWDAzTTFyZ25NY2ErVjd3Zy85dGZRPT0S1AFW; Path=/; HttpOnly; Secure' };
    expect(read({ headers, bodyText: '<title>Limited sneaker</title><button>Add to cart</button>' })).toBeNull();
  });

  it('does not read a page that only talks about a waiting room', () => {
    const body = '<title>Waiting Room Chairs – Office Shop</title><h1>Waiting room chairs</h1><div id="waitTime">Ships in 3 days</div>';
    expect(read({ bodyText: body })).toBeNull();
  });
});

describe('QUEUE_PHRASES', () => {
  it('cover the 14 languages, several statements each', () => {
    expect(Object.keys(QUEUE_PHRASES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) expect(QUEUE_PHRASES[lang]?.length, lang).toBeGreaterThanOrEqual(5);
  });

  it('are statements, never bare words', () => {
    for (const [lang, phrases] of Object.entries(QUEUE_PHRASES)) {
      for (const phrase of phrases) {
        if (CJK.has(lang)) expect([...phrase.replace(/\s/g, '')].length, phrase).toBeGreaterThanOrEqual(5);
        else if (lang !== 'tr') expect(phrase.split(/\s+/).length, phrase).toBeGreaterThanOrEqual(3);
        else expect(phrase.length, phrase).toBeGreaterThanOrEqual(9);
      }
    }
  });

  it('each read as a queue where a waiting room prints them', () => {
    for (const [lang, phrases] of Object.entries(QUEUE_PHRASES)) {
      for (const phrase of phrases) {
        expect(queueFromText(`Shop\n${phrase.toUpperCase()}.\nThank you`)?.reason, `${lang} "${phrase}"`).toBe('queue-phrase');
      }
    }
  });
});

describe('queueFromText', () => {
  it.each([
    ['en', 'You are now in the queue. Please do not refresh this page.'],
    ['en', "You're in the waiting room.\nWe'll let you in shortly."],
    ['en', 'Your number in line: 14233'],
    ['zh-Hans', '您正在排队，请勿刷新页面。'],
    ['zh-Hans', '您已进入等候室，轮到您时将自动跳转。'],
    ['zh-Hant', '您正在排隊，請勿重新整理頁面。'],
    ['zh-Hant', '您已進入等候室'],
    ['ja', '順番待ちに追加されました。ご不便をおかけいたしますが、よろしくお願いいたします。'],
    ['ja', 'ただいま待機列に並んでいます。このままお待ちください。'],
    ['ko', '현재 대기열에 있습니다. 페이지를 새로고침하지 마세요.'],
    ['ko', '서비스 접속 대기 중입니다'],
    ['de', 'Sie befinden sich jetzt in der Warteschlange. Bitte schließen Sie dieses Fenster nicht.'],
    ['fr', 'Vous êtes maintenant dans la file d’attente. Merci pour votre patience.'],
    ['es', 'Ya está en la fila de espera. Gracias por su paciencia.'],
    ['es', '¡Estás en la cola!'],
    ['pt', 'Você está na fila. Não feche esta página.'],
    ['it', 'Sei in coda. Non chiudere questa pagina.'],
    ['nl', 'U staat nu in de wachtrij. Sluit deze pagina niet.'],
    ['pl', 'Jesteś w kolejce. Nie odświeżaj strony.'],
    ['ru', 'Вы в очереди. Не закрывайте эту страницу.'],
    ['tr', 'Şu anda sıradasınız. Lütfen sayfayı kapatmayın.'],
  ])('%s: %s', (_lang, text) => {
    expect(queueFromText(text)?.reason).toBe('queue-phrase');
  });

  it.each([
    ['en', 'Our customer service queue is long today. Join the waiting list or add it to your Wishlist.'],
    ['en', 'Join the waitlist to secure your place in line. Check your position in the queue any time.'],
    ['en', "You're on the waitlist. We'll email you when it's back in stock."],
    ['en', 'The waiting room opens at 9:00. Once you are in the queue, do not refresh. Make sure you are in the waiting room early!'],
    ['zh-Hans', '客服排队人数较多，请耐心等待。加入候补名单或添加到心愿单。'],
    ['zh-Hans', '如果您正在排队，请不要刷新页面。'],
    ['zh-Hant', '客服排隊人數較多。加入候補名單。願望清單'],
    ['ja', '順番待ちシステムのご案内。キャンセル待ちに登録。ウィッシュリストに追加。多くのお客様が行列に並んでいます。'],
    ['ko', '배송 대기 중입니다. 대기자 명단에 등록하세요. 위시리스트'],
    ['de', 'Die Warteschlange beim Kundenservice ist lang. Auf die Warteliste setzen. Wunschliste'],
    ['de', 'Wenn Sie sich in der Warteschlange befinden, schließen Sie das Fenster nicht.'],
    ['fr', 'La file d’attente du service client est longue. Rejoindre la liste d’attente.'],
    ['fr', 'Une fois que vous êtes dans la file d’attente, ne fermez pas la page.'],
    ['es', 'Su pedido está en la cola de envío. Únete a la lista de espera.'],
    ['es', 'Si estás en la cola, no cierres la página.'],
    ['pt', 'A fila do atendimento está longa. Entre na lista de espera. Lista de desejos'],
    ['it', 'La coda del servizio clienti è lunga. Iscriviti alla lista d’attesa.'],
    ['it', 'Se sei in coda, non chiudere la pagina.'],
    ['nl', 'Uw bestelling staat in de wachtrij. Zet op de wachtlijst. Verlanglijstje'],
    ['pl', 'Twoje zamówienie jest w kolejce. Dołącz do listy oczekujących.'],
    ['ru', 'Ваш заказ в очереди на обработку. Встать в лист ожидания.'],
    ['ru', 'Если вы в очереди, не закрывайте страницу.'],
    ['tr', 'Müşteri hizmetleri kuyruğu uzun. Bekleme listesine katıl. İstek listesi'],
  ])('%s look-alike: %s', (_lang, text) => {
    expect(queueFromText(text)).toBeNull();
  });

  it('still reads a waiting room that also gives instructions', () => {
    expect(queueFromText('Once you are in the queue, do not refresh.\nYou are now in the queue.')?.evidence).toBe(
      'text "you are now in the queue"',
    );
  });

  it('quotes the phrase as listed', () => {
    expect(queueFromText('YOU’RE NOW IN LINE!')).toMatchObject({ reason: 'queue-phrase', evidence: 'text "you\'re now in line"' });
    expect(queueFromText('Vous êtes dans la file d’attente')?.evidence).toBe('text "vous êtes dans la file d\'attente"');
  });

  it('answers only for a short page: over 4,000 characters of visible text is not a waiting room', () => {
    const filler = (n: number) => 'Free shipping on orders over $50. '.repeat(Math.ceil(n / 34)).slice(0, n);
    expect(queueFromText(`You are now in the queue.\n${filler(3900)}`)?.reason).toBe('queue-phrase');
    expect(queueFromText(`You are now in the queue.\n${filler(4100)}`)).toBeNull();
    expect(queueFromText(`${filler(4100)}\n您正在排队`)).toBeNull();
    // Indentation and blank lines are not text a person reads.
    expect(queueFromText(`You are now in the queue.${' \n'.repeat(3000)}${filler(1000)}`)?.reason).toBe('queue-phrase');
  });

  it('reads the visible text of a Queue-it page parsed from HTML', () => {
    const seen = visibleText(parseHtml(queueItPage()));
    expect(queueFromText(seen.text)?.evidence).toBe('text "you are now in line"');
  });

  it('reads nothing in the protected shop’s own page', () => {
    expect(queueFromText(visibleText(parseHtml(CONNECTOR_PAGE)).text)).toBeNull();
  });
});
