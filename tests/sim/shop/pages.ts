// The other pages the shop simulator serves: a Chinese-only product page (no structured data), a
// sign-up page with a pause banner, a JSON availability API, bot-wall challenges from the big
// vendors, plain error pages, a sign-in page and a script-rendered shell. Modelled on what those
// sites send (see tests/corpus/pages/ for the reader's corpus); deterministic per state.
import { STATUS_CODES } from 'node:http';
import { type Availability, byteLength, seeded } from './product-page';

export interface Body {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// Chinese-only product page: visible text flips 售罄 / 到货通知 → 加入购物车 / 立即购买.

const CN_NAMES = ['王**', '李**', '张**', '刘**', '陈**', '杨**', '赵**', '黄**', '周**', '吴**', 'j***8', 'm***a', '小***子', '大***鱼'];
const CN_SENTENCES = [
  '音质很好，低音饱满，人声清晰。',
  '降噪效果明显，地铁上基本听不到报站声。',
  '物流很快，第二天就送到了。',
  '包装完好，配件齐全，做工精致。',
  '续航给力，一周充一次电就够用。',
  '佩戴舒适，长时间戴着耳朵也不疼。',
  '连接稳定，手机和电脑切换很方便。',
  '客服态度好，耐心解答了我的问题。',
  '颜色很正，和图片一样好看。',
  '通话效果不错，对方说听得很清楚。',
  '这个价位算是很有诚意了。',
  '送给家人的礼物，他们很喜欢。',
  '充电盒小巧，放口袋里不占地方。',
  '触控灵敏，操作逻辑很好上手。',
  '用了一个月再来评价，依然很满意。',
  '防水性能不错，跑步出汗也没问题。',
];

function cnReviews(targetBytes: number): { html: string; count: number } {
  const rnd = seeded('cn-1001:reviews');
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const i = parts.length;
    const stars = 3 + Math.floor(rnd() * 3);
    const text = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => CN_SENTENCES[Math.floor(rnd() * CN_SENTENCES.length)]).join('');
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const colour = ['曜石黑', '云母白', '雾霾蓝'][Math.floor(rnd() * 3)];
    const part = `<div class="comment-item" data-id="${88_000_000 + i * 37}"><div class="user-column"><img class="avatar" src="//img.shop-cn.example/avatar/${i % 20}.png" width="25" height="25" alt=""><span class="user-name">${CN_NAMES[Math.floor(rnd() * CN_NAMES.length)]}</span><span class="user-level">PLUS会员</span></div><div class="comment-column"><div class="comment-star star${stars}" title="${stars}星"></div><p class="comment-con">${text}</p><div class="comment-message"><span class="order-info">${colour} 标准版</span><span class="date">2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(8 + Math.floor(rnd() * 14)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}</span><a class="btn-useful" href="javascript:;">有用(${Math.floor(rnd() * 50)})</a><a class="btn-reply" href="javascript:;">回复(${Math.floor(rnd() * 9)})</a></div></div></div>\n`;
    parts.push(part);
    size += byteLength(part);
  }
  return { html: parts.join(''), count: parts.length };
}

let cnReviewCache: { html: string; count: number } | undefined;

export function chinesePage(state: Availability, host: string): string {
  cnReviewCache ??= cnReviews(48 * 1024);
  const reviews = cnReviewCache;
  const open = state === 'open';
  const stock = open
    ? '<div class="summary-stock"><span class="store-prompt">北京朝阳区 · 今天下单，预计明天送达</span></div>'
    : '<div class="summary-stock"><span class="store-prompt"><strong class="stock-state">售罄</strong> · 该商品在当前地区暂不配送</span></div>';
  const actions = open
    ? '<div class="choose-btns"><a href="//cart.shop-cn.example/gate.action?pid=1001&pcount=1" id="InitCartUrl" class="btn-special1 btn-lg">加入购物车</a> <a href="//trade.shop-cn.example/buy?pid=1001" id="btn-onkeybuy" class="btn-special2 btn-lg">立即购买</a></div>'
    : '<div class="choose-btns"><a href="javascript:;" id="btn-notice" class="btn-special3 btn-lg" data-type="2">到货通知</a></div>';
  const params = [
    ['品牌', '北风声学'],
    ['型号', 'NW-ANC200'],
    ['佩戴方式', '入耳式'],
    ['蓝牙版本', '5.3'],
    ['单次续航', '约8小时（关闭降噪）'],
    ['充电接口', 'Type-C'],
    ['防水等级', 'IPX4'],
    ['重量', '单耳约5克'],
  ]
    .map(([k, v]) => `<li title="${v}">${k}：${v}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>【北风优选】降噪无线耳机 Pro 2 主动降噪 蓝牙5.3 长续航 - 北风优选</title>
<meta name="keywords" content="降噪耳机,无线耳机,蓝牙耳机,北风声学">
<meta name="description" content="北风优选提供降噪无线耳机 Pro 2正品行货，并包括品牌介绍、规格参数、用户评价等信息。">
<link rel="canonical" href="//${host}/item/1001.html">
<link rel="stylesheet" type="text/css" href="//static.${host}/item/css/item.min.css?v=20250612">
<script>var pageConfig = { compatible: true, product: { skuid: 1001, name: '\\u964d\\u566a\\u65e0\\u7ebf\\u8033\\u673a Pro 2', cat: [652, 828, 842], brand: 18374, colorSize: [{ '颜色': '曜石黑', skuId: 1001 }, { '颜色': '云母白', skuId: 1002 }, { '颜色': '雾霾蓝', skuId: 1003 }], stockState: ${open ? 33 : 34} } };</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ event: 'view_item', item_id: '1001' });</script>
</head>
<body class="cat-652 item-1001">
<div id="shortcut"><div class="w"><ul class="fl"><li class="dropdown">送至：北京</li></ul><ul class="fr"><li><a href="//passport.${host}/new/login.aspx">你好，请登录</a>&nbsp;&nbsp;<a href="//reg.${host}/">免费注册</a></li><li class="spacer"></li><li><a href="//order.${host}/center/list.action">我的订单</a></li><li class="spacer"></li><li><a href="//vip.${host}/">会员中心</a></li><li class="spacer"></li><li><a href="//help.${host}/">客户服务</a></li></ul></div></div>
<div id="header"><div class="w"><div id="logo"><a href="//${host}/">北风优选</a></div><div id="search"><form action="//search.${host}/Search" method="get"><input type="text" name="keyword" class="text" placeholder="降噪耳机" autocomplete="off"><button type="submit" class="button">搜索</button></form></div><div id="nav"><a href="//${host}/c/0">新品</a><a href="//${host}/c/1">手机数码</a><a href="//${host}/c/2">家用电器</a><a href="//${host}/c/3">电脑办公</a><a href="//${host}/c/4">运动户外</a><a href="//${host}/c/5">居家生活</a></div></div></div>
<div class="crumb-wrap"><div class="w"><div class="crumb"><a href="//${host}/c/1">手机数码</a> &gt; <a href="//${host}/c/1/28">影音娱乐</a> &gt; <a href="//${host}/c/1/28/842">无线耳机</a> &gt; <span>降噪无线耳机 Pro 2</span></div></div></div>
<div class="w"><div class="product-intro clearfix">
<div class="preview-wrap"><div class="preview"><div class="main-img"><img id="spec-img" width="450" height="450" alt="降噪无线耳机 Pro 2" src="//img.${host}/n1/s450x450_jfs/t1/1001/main.jpg"></div><div class="spec-list"><ul class="lh">${[1, 2, 3, 4, 5].map((n) => `<li><img alt="降噪无线耳机 Pro 2 图${n}" src="//img.${host}/n5/s54x54_jfs/t1/1001/${n}.jpg" width="54" height="54"></li>`).join('')}</ul></div></div></div>
<div class="itemInfo-wrap">
<div class="sku-name">降噪无线耳机 Pro 2 主动降噪 蓝牙5.3 长续航 曜石黑</div>
<div class="news"><div class="item">【年中大促】领券立减100元，以旧换新再享补贴</div></div>
<div class="summary summary-first"><div class="summary-price-wrap"><div class="summary-price"><div class="dt">价　　格</div><div class="dd"><span class="p-price"><span>￥</span><span class="price">1299.00</span></span> <a class="notice" href="javascript:;">降价通知</a></div></div><div class="summary-info"><div class="comment-count"><p>累计评价</p><a class="count" href="#comment">${reviews.count}+</a></div></div></div></div>
<div class="summary p-choose-wrap"><div id="choose-attr-1" class="li p-choose"><div class="dt">选择颜色</div><div class="dd"><div class="item selected"><a href="#none">曜石黑</a></div><div class="item"><a href="//${host}/item/1002.html">云母白</a></div><div class="item"><a href="//${host}/item/1003.html">雾霾蓝</a></div></div></div>
<div class="summary-service"><div class="dt">配　　送</div><div class="dd">${stock}<div class="service">由 北风优选 发货，并提供售后服务。</div></div></div>
<div class="choose-amount"><div class="wrap-input"><input class="text buy-num" id="buy-num" value="1" data-max="200"><a class="btn-reduce" href="#none">-</a><a class="btn-add" href="#none">+</a></div></div>
${actions}
</div>
</div></div></div>
<div class="w"><div class="detail"><div class="tab-main large"><ul><li class="current">商品介绍</li><li>规格与包装</li><li>售后保障</li><li>商品评价(${reviews.count}+)</li></ul></div>
<div class="p-parameter"><ul class="parameter2 p-parameter-list">${params}</ul></div>
<div class="detail-content"><p>全新一代自适应主动降噪，根据环境噪音实时调节降噪深度；双馈降噪麦克风配合定制驱动单元，带来沉浸、纯净的聆听体验。</p><p>支持多设备连接与快速配对，开盖即连；通透模式让你在需要时听清周围的声音。</p></div>
<div id="comment" class="comment"><h2 class="mt">商品评价</h2><div class="comment-percent"><strong class="percent-tit">好评度</strong><div class="percent-con">97<span>%</span></div></div><div class="comment-list">
${reviews.html}</div></div>
</div></div>
<div id="footer-2017"><div class="w"><div class="slogan"><span>品类齐全，轻松购物</span><span>多仓直发，极速配送</span><span>正品行货，精致服务</span><span>天天低价，畅选无忧</span></div><div class="copyright">北风优选 版权所有 © 2025 · 京ICP备00000000号</div></div></div>
<script src="//static.${host}/item/js/item.min.js?v=20250612" async></script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Sign-up page: the pause banner sits inside #status-banner; when sign-ups reopen, the container
// stays (empty) so a `text` rule scoped to it still finds its selector.

export function signupPage(state: Availability): string {
  const banner =
    state === 'paused'
      ? '<div class="notice notice--warning" role="alert"><svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16"><path d="M8 1l7 13H1L8 1z" fill="currentColor"/></svg> <strong>Sign-ups are temporarily paused</strong> while we add GPU capacity. Join the waitlist and we will email you the moment they reopen.</div>'
      : '';
  const form =
    state === 'paused'
      ? '<form id="waitlist-form" method="post" action="/waitlist"><label>Work email <input type="email" name="email" required></label><button type="submit">Join the waitlist</button></form>'
      : '<form id="signup-form" method="post" action="/signup"><label>Work email <input type="email" name="email" required autocomplete="email"></label><label>Password <input type="password" name="password" minlength="12" required autocomplete="new-password"></label><label><input type="checkbox" name="terms" required> I agree to the Terms of Service</label><button type="submit">Create account</button></form>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign up – Lambda Peak GPU Cloud</title>
<link rel="stylesheet" href="/assets/app-4b1e9c.css">
<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js" async></script>
<script defer src="/assets/app-4b1e9c.js"></script>
</head>
<body class="page-signup">
<header class="topbar"><a href="/" class="brand">Lambda Peak</a><nav><a href="/pricing">Pricing</a> <a href="/docs">Docs</a> <a href="/status">Status</a> <a href="/login">Log in</a></nav></header>
<div id="status-banner" class="status-banner" aria-live="polite">${banner}</div>
<main class="signup">
<h1>Create your account</h1>
<p class="lead">On-demand H100 and A100 instances, billed by the second. No contracts.</p>
${form}
<ul class="perks"><li>Per-second billing</li><li>Persistent storage from $0.20 per GB-month</li><li>Team accounts and SSO on request</li></ul>
</main>
<footer><p>&copy; 2025 Lambda Peak, Inc. · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/status">Status</a></p></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// JSON availability API.

export function apiBody(state: Availability): string {
  const open = state === 'open';
  return JSON.stringify({
    data: {
      sku: 'gpu-h100-80gb',
      name: 'H100 80GB SXM',
      region: 'us-east-1',
      available: open,
      stock: open ? 3 : 0,
      pricePerHour: 2.49,
      regions: [
        { id: 'us-east-1', available: open, stock: open ? 3 : 0 },
        { id: 'eu-west-1', available: false, stock: 0 },
      ],
    },
    meta: { api: 'v1', docs: 'https://api.example/docs' },
  });
}

export function apiError(status: number, message: string): string {
  return JSON.stringify({ error: { status, code: (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\s+/g, '_'), message } });
}

// ---------------------------------------------------------------------------------------------
// Bot walls. Each is what the vendor's edge answers instead of the page.

export type Wall = 'cloudflare' | 'cloudflare-blocked' | 'datadome' | 'perimeterx' | 'akamai' | 'verify-human';
export const WALLS: readonly Wall[] = ['cloudflare', 'cloudflare-blocked', 'datadome', 'perimeterx', 'akamai', 'verify-human'];

const ray = (host: string, path: string) => {
  const rnd = seeded(`${host}${path}:ray`);
  return Array.from({ length: 16 }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
};

export function wallPage(wall: Wall, host: string, path: string): Body {
  const id = ray(host, path);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  switch (wall) {
    case 'cloudflare':
      return {
        status: 403,
        contentType: HTML,
        headers: { 'cf-mitigated': 'challenge', server: 'cloudflare', 'cf-ray': `${id}-FRA`, 'x-frame-options': 'SAMEORIGIN' },
        body: `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"><style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15;-webkit-text-size-adjust:100%;color:#313131;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}body{display:flex;flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;max-width:60rem;padding-left:1.5rem}</style><meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">${host}</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript><div id="challenge-error-title"><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: "${host}",cType: 'managed',cRay: '${id}',cH: '${id}.x3Yk-1718030000-1.2.1.1',cUPMDTk: "${path}?__cf_chl_tk=${id}",cFPWv: 'b',cITimeS: '1718030000',cTplV: 5,cTplB: 'cf',fa: "${path}?__cf_chl_f_tk=${id}",cRq: {ru: '${b64(`https://${host}${path}`)}',ra: 'TW96aWxsYS81LjA=',rm: 'R0VU'}};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=${id}';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script><div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>${id}</code></div></div><div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div></body></html>`,
      };
    case 'cloudflare-blocked':
      return {
        status: 403,
        contentType: HTML,
        headers: { server: 'cloudflare', 'cf-ray': `${id}-FRA` },
        body: `<!DOCTYPE html><html class="no-js" lang="en-US"><head><title>Attention Required! | Cloudflare</title><meta charset="UTF-8"><meta name="robots" content="noindex, nofollow"><link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css"></head><body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview"><h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> ${host}</h2></div><div class="cf-section cf-wrapper"><div class="cf-columns two"><div class="cf-column"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2><p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution.</p></div><div class="cf-column"><h2 data-translate="blocked_resolve_headline">What can I do to resolve this?</h2><p data-translate="blocked_resolve_detail">You can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the Cloudflare Ray ID found at the bottom of this page.</p></div></div></div><div class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: <strong>${id}</strong></span> <span class="cf-footer-item">Performance &amp; security by Cloudflare</span></p></div></div></div></body></html>`,
      };
    case 'datadome':
      return {
        status: 403,
        contentType: HTML,
        headers: {
          'x-datadome': 'protected',
          'x-dd-b': '1',
          'set-cookie': `datadome=${id}${id}; Max-Age=31536000; Domain=.${host}; Path=/; Secure; SameSite=Lax`,
        },
        body: `<html lang="en"><head><title>${host}</title><style>#cmsg{animation: A 1.5s;}@keyframes A{0%{opacity:0;}99%{opacity:0;}100%{opacity:1;}}</style></head><body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p><script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMA${id}==','hsh':'2F05D671381DB06BEE4CC52C7A6FD3','t':'fe','s':43337,'e':'${id}${id}','host':'geo.captcha-delivery.com'}</script><script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script></body></html>`,
      };
    case 'perimeterx':
      return {
        status: 403,
        contentType: HTML,
        body: `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Access to this page has been denied</title><style>html,body{margin:0;padding:0;font-family:'Open Sans',sans-serif;color:#000}.container{max-width:600px;margin:auto}</style></head>
<body>
<section class="container"><div class="page-title-wrapper"><h1 class="page-title">Access to this page has been denied</h1></div>
<div class="content-wrapper"><div class="content"><div id="px-captcha-wrapper"><div class="px-loader-wrapper"><div class="px-loader"></div></div><div id="px-captcha-modal"></div><div id="px-captcha"></div></div><p>Press &amp; Hold to confirm you are<br>a human (and not a bot).</p></div></div>
<div class="page-footer-wrapper"><div class="page-footer"><p>Reference ID ${id.slice(0, 8)}-27a8-11ef-9d4b-${id.slice(4, 16)}</p></div></div></section>
<script>window._pxAppId = 'PXu6b0qd2S'; window._pxJsClientSrc = '/u6b0qd2S/init.js'; window._pxFirstPartyEnabled = true; window._pxUuid = '${id.slice(0, 8)}-27a8-11ef-9d4b-${id.slice(4, 16)}'; window._pxHostUrl = '/u6b0qd2S/xhr';</script>
<script src="/u6b0qd2S/captcha/captcha.js?a=c&u=${id}&v=&m=0"></script>
</body>
</html>
`,
      };
    case 'akamai': {
      const ent = (s: string) => s.replace(/[:/.\-#]/g, (c) => `&#${c.charCodeAt(0)};`);
      const ref = `18.2f3a1402.1718030000.${id.slice(0, 8)}`;
      return {
        status: 403,
        contentType: 'text/html',
        headers: { server: 'AkamaiGHost', 'mime-version': '1.0' },
        body: `<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>
 
You don't have permission to access "${ent(`http://${host}${path}`)}" on this server.<P>
Reference&#32;&#35;${ent(ref)}
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;${ent(ref)}</P>
</BODY>
</HTML>
`,
      };
    }
    case 'verify-human':
      return {
        status: 200,
        contentType: HTML,
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One more step</title></head><body><main style="max-width:32rem;margin:6rem auto;font-family:sans-serif"><h1>One more step</h1><p>Please verify you are human to continue to ${esc(host)}.</p><form method="post" action="/__verify"><input type="hidden" name="next" value="${esc(path)}"><label><input type="checkbox" name="human" required> I am not a robot</label> <button type="submit">Continue</button></form><p class="small">Request ID ${id}</p></main></body></html>`,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Plain error pages, what nginx or the shop's own theme sends.

export function statusPage(status: number, host: string, json: boolean): Body {
  const reason = STATUS_CODES[status] ?? 'Unknown';
  if (json) {
    const messages: Record<number, string> = {
      401: 'Missing or invalid X-Api-Key header',
      403: 'This key may not read this resource',
      404: 'No such product',
      410: 'This product was retired',
      429: 'Rate limit exceeded, slow down',
      503: 'Service temporarily unavailable',
    };
    return { status, contentType: JSON_TYPE, body: apiError(status, messages[status] ?? reason) };
  }
  const nginx = (title: string) =>
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const themed = (title: string, text: string) =>
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title} – ${esc(host)}</title></head>\n<body class="template-404">\n<header class="site-header"><a href="/" class="logo">${esc(host)}</a> <nav><a href="/collections/all">Shop</a> <a href="/pages/faq">FAQ</a> <a href="/cart">Cart (0)</a></nav></header>\n<main id="MainContent"><div class="page-width center"><h1>${title}</h1><p>${text}</p><a href="/collections/all" class="button">Continue shopping</a></div></main>\n<footer class="site-footer"><p>&copy; 2025 ${esc(host)}</p></footer>\n</body>\n</html>\n`;
  switch (status) {
    case 401:
      return {
        status,
        contentType: HTML,
        headers: { 'www-authenticate': 'Bearer realm="shop"' },
        body: themed('Please sign in', 'You need an account to see this page.'),
      };
    case 404:
      return { status, contentType: HTML, body: themed('Page not found', 'The page you were looking for does not exist.') };
    case 410:
      return {
        status,
        contentType: HTML,
        body: themed('This product is gone', 'We have retired this product. Have a look at what replaced it.'),
      };
    case 429:
      return {
        status,
        contentType: HTML,
        body: '<!doctype html><html><head><title>Too Many Requests</title></head><body><h1>Too Many Requests</h1><p>You have sent too many requests in a given amount of time. Please wait and try again.</p></body></html>',
      };
    case 503:
      return {
        status,
        contentType: HTML,
        body: themed('Down for maintenance', 'We are upgrading the shop and will be back shortly. Thanks for your patience.'),
      };
    default:
      return { status, contentType: HTML, body: nginx(`${status} ${reason}`) };
  }
}

// ---------------------------------------------------------------------------------------------
// Sign-in page (the redirect target), a script-rendered shell and its script, the shop's front page.

export function signInPage(host: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Account – ${esc(host)}</title><link rel="stylesheet" href="/assets/theme.css"></head>
<body>
<header class="site-header"><a href="/" class="logo">${esc(host)}</a> <nav><a href="/collections/all">Shop</a> <a href="/pages/faq">FAQ</a> <a href="/cart">Cart (0)</a></nav></header>
<main id="MainContent"><div class="customer login"><h1>Login</h1>
<form method="post" action="/account/login" id="customer_login"><label for="CustomerEmail">Email</label><input type="email" name="customer[email]" id="CustomerEmail" autocomplete="email"><label for="CustomerPassword">Password</label><input type="password" name="customer[password]" id="CustomerPassword"><a href="/account/login#recover">Forgot your password?</a><button type="submit">Sign in</button><a href="/account/register">Create account</a></form>
<p>Sign in to see members-only prices and your orders.</p></div></main>
<footer class="site-footer"><p>Free shipping on orders over $50. 30-day returns.</p></footer>
</body>
</html>
`;
}

export const SHELL_SCRIPT = '/static/js/main.8f3a2c1d.js';

export function shellPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="/favicon.ico" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="theme-color" content="#000000" />
    <title>Northwind Supply</title>
    <script defer="defer" src="${SHELL_SCRIPT}"></script>
    <link href="/static/css/main.2b9e4f7a.css" rel="stylesheet">
  </head>
  <body>
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

/** What the shell's script would render in a real tab; the extension never runs it. */
export function shellScript(state: Availability): string {
  const button = state === 'open' ? 'Add to cart' : 'Sold out';
  return `(function(){var r=document.getElementById('root');if(!r)return;r.innerHTML='<main><h1>Trail Runner GTX</h1><p class="price">$149.00</p><button${state === 'open' ? '' : ' disabled'}>${button}</button></main>';})();\n`;
}

export function homePage(host: string, links: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${esc(host)}</title></head>
<body><header><a href="/">${esc(host)}</a></header>
<main><h1>Welcome to ${esc(host)}</h1><p>A simulated shop for Reopen Watch tests.</p><ul>${links.map((l) => `<li><a href="${esc(l)}">${esc(l)}</a></li>`).join('')}</ul></main>
</body>
</html>
`;
}
