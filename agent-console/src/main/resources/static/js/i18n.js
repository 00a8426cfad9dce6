// The console's two languages, English and Simplified Chinese. The language is the one the user chose with the
// switch (kept in localStorage), else the first of the browser's languages we have. Elements carry their text as
// data-i18n="key" (data-i18n-title, data-i18n-placeholder, data-i18n-aria for attributes); scripts use Cti.t(key).
// Times are formatted with Intl in the browser's own time zone.
(function () {
  'use strict';
  const STORE = 'cti.lang';
  const en = {
    'app.title': 'CTI console', 'nav.customers': 'Customers', 'nav.home': 'Home', 'logout': 'Log out',
    'lang.switch': '中文', 'lang.label': 'Language',
    'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.error': 'Wrong user name or password.',
    'login.locked': 'This account is locked after too many failed logins; try again later or ask an administrator.',
    'login.disabled': 'This account is disabled; ask an administrator.',
    'login.expired': 'Your session has ended; please log in again.', 'login.logged-out': 'You are logged out.',
    'push.connecting': 'connecting…', 'push.connected': 'live', 'push.reconnecting': 'reconnecting in {s} s',
    'push.label': 'Push',
    'agent.title': 'Agent desktop', 'agent.state': 'State', 'agent.inState': 'for {t}',
    'state.LOGGED_OUT': 'Logged out', 'state.READY': 'Ready', 'state.RESERVED': 'Reserved', 'state.RINGING': 'Ringing',
    'state.ON_CALL': 'On call', 'state.WRAP_UP': 'Wrap-up', 'state.NOT_READY': 'Not ready', 'state.unknown': 'Unknown',
    'action.ready': 'Ready', 'action.notReady': 'Not ready', 'action.reason': 'Reason', 'action.logOut': 'Leave the queues',
    'action.hangUp': 'Hang up', 'action.hold': 'Hold', 'action.resume': 'Resume', 'action.transfer': 'Transfer',
    'action.transferTo': 'Transfer to', 'action.queue': 'Queue', 'action.agent': 'Agent', 'action.dial': 'Call',
    'keys.hint': 'Keys: Alt+R Ready · Alt+N Not ready · Alt+H Hang up · Alt+O Hold/Resume · Alt+W Wrap-up',
    'call.title': 'Call', 'call.none': 'No call now.', 'call.queue': 'Queue', 'call.wait': 'Waited',
    'call.ivr': 'IVR choices', 'call.contactsToday': 'Contacts today', 'call.why': 'Why me', 'call.caller': 'Caller',
    'call.ringing': 'Ringing — pick up your phone', 'call.held': 'On hold',
    'card.title': 'Customer', 'card.unknown': 'New potential customer', 'card.grade': 'Grade',
    'card.type': 'Type', 'card.ltv': 'Lifetime value', 'card.loyalty': 'Loyalty', 'card.since': 'Customer since',
    'card.phones': 'Phones', 'card.city': 'City', 'card.next': 'Next planned contact', 'card.last': 'Last interactions',
    'card.openRequests': 'Open requests', 'card.noHistory': 'No interactions yet.', 'card.edit': 'Edit',
    'alert.VIP': 'VIP', 'alert.OVERDUE_PAYMENT': 'Overdue payment', 'alert.OPEN_COMPLAINT': 'Open complaint',
    'alert.CHURN_RISK': 'Churn risk', 'alert.WIN_BACK': 'Win back', 'alert.BIRTHDAY': 'Birthday',
    'alert.ANNIVERSARY': 'Anniversary', 'alert.NEXT_CONTACT': 'Planned contact',
    'form.name': 'Name', 'form.kind': 'Kind', 'form.phone': 'Phone', 'form.email': 'Email', 'form.city': 'City',
    'form.save': 'Save customer', 'form.saved': 'Saved.', 'form.INDIVIDUAL': 'Individual',
    'form.ORGANIZATION': 'Organization', 'form.type': 'Type', 'type.CURRENT': 'Current', 'type.POTENTIAL': 'Potential',
    'type.LOST': 'Lost', 'type.DISTRIBUTOR': 'Distributor',
    'wrap.title': 'Wrap-up', 'wrap.disposition': 'Disposition', 'wrap.notes': 'Notes', 'wrap.callback': 'Callback at',
    'wrap.satisfaction': 'Satisfaction (0-5)', 'wrap.submit': 'Submit wrap-up', 'wrap.endsIn': 'ends in {t}',
    'wrap.over': 'time is up', 'disp.resolved': 'Resolved', 'disp.sale': 'Sale', 'disp.callback': 'Callback',
    'disp.complaint': 'Complaint', 'disp.info': 'Information', 'disp.no-sale': 'No sale', 'disp.escalated': 'Escalated',
    'search.title': 'Find a customer', 'search.query': 'Name or phone', 'search.go': 'Search', 'search.none': 'No match.',
    'search.new': 'New customer', 'search.open': 'Open',
    'msg.sent': 'Sent: {a}', 'msg.error': 'Refused: {m}',
    'sup.title': 'Wallboard', 'sup.queues': 'Queues', 'sup.agents': 'Agents', 'sup.queue': 'Queue',
    'sup.waiting': 'Waiting', 'sup.longest': 'Longest wait', 'sup.sl': 'Service level', 'sup.asa': 'ASA',
    'sup.abandon': 'Abandon rate', 'sup.answered': 'Answered / abandoned', 'sup.answeredCalls': 'answered',
    'sup.abandonedCalls': 'abandoned', 'sup.agent': 'Agent', 'sup.state': 'State',
    'sup.time': 'Time in state', 'sup.call': 'Call', 'sup.spy': 'Join', 'spy.LISTEN': 'Listen',
    'spy.WHISPER': 'Whisper', 'spy.BARGE': 'Barge', 'sup.volume': 'Calls answered and abandoned today',
    'sup.slChart': 'Service level today', 'sup.updated': 'Updated {t}', 'sup.callsIn': 'calls in',
    'sup.totalWaiting': 'Waiting now', 'sup.agentsReady': 'Ready agents', 'sup.agentsOnCall': 'On call',
    'sup.offeredCalls': 'offered',
    'sup.volumeDay': 'Calls today per 15 minutes: offered (thin), answered (solid), abandoned (dashed)',
    'sup.slDay': 'Service level today, per 15 minutes',
  };
  const zh = {
    'app.title': 'CTI 坐席平台', 'nav.customers': '客户', 'nav.home': '首页', 'logout': '退出登录',
    'lang.switch': 'English', 'lang.label': '语言',
    'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.error': '用户名或密码错误。', 'login.locked': '登录失败次数过多，账户已锁定；请稍后再试或联系管理员。',
    'login.disabled': '账户已停用；请联系管理员。', 'login.expired': '会话已结束，请重新登录。',
    'login.logged-out': '您已退出。',
    'push.connecting': '连接中…', 'push.connected': '实时', 'push.reconnecting': '{s} 秒后重连',
    'push.label': '推送',
    'agent.title': '坐席工作台', 'agent.state': '状态', 'agent.inState': '已持续 {t}',
    'state.LOGGED_OUT': '已签出', 'state.READY': '就绪', 'state.RESERVED': '已预留', 'state.RINGING': '振铃中',
    'state.ON_CALL': '通话中', 'state.WRAP_UP': '话后处理', 'state.NOT_READY': '未就绪', 'state.unknown': '未知',
    'action.ready': '就绪', 'action.notReady': '未就绪', 'action.reason': '原因', 'action.logOut': '退出队列',
    'action.hangUp': '挂断', 'action.hold': '保持', 'action.resume': '恢复', 'action.transfer': '转接',
    'action.transferTo': '转接到', 'action.queue': '队列', 'action.agent': '坐席', 'action.dial': '呼叫',
    'keys.hint': '快捷键：Alt+R 就绪 · Alt+N 未就绪 · Alt+H 挂断 · Alt+O 保持/恢复 · Alt+W 话后处理',
    'call.title': '来电', 'call.none': '当前没有通话。', 'call.queue': '队列', 'call.wait': '等待',
    'call.ivr': 'IVR 选择', 'call.contactsToday': '今日联系次数', 'call.why': '分配原因', 'call.caller': '主叫',
    'call.ringing': '振铃中 — 请接听电话', 'call.held': '保持中',
    'card.title': '客户', 'card.unknown': '新的潜在客户', 'card.grade': '等级',
    'card.type': '类型', 'card.ltv': '生命周期价值', 'card.loyalty': '忠诚度', 'card.since': '客户起始',
    'card.phones': '电话', 'card.city': '城市', 'card.next': '下次计划联系', 'card.last': '最近互动',
    'card.openRequests': '未结请求', 'card.noHistory': '暂无互动。', 'card.edit': '编辑',
    'alert.VIP': 'VIP', 'alert.OVERDUE_PAYMENT': '逾期付款', 'alert.OPEN_COMPLAINT': '未结投诉',
    'alert.CHURN_RISK': '流失风险', 'alert.WIN_BACK': '赢回客户', 'alert.BIRTHDAY': '生日',
    'alert.ANNIVERSARY': '纪念日', 'alert.NEXT_CONTACT': '计划联系',
    'form.name': '姓名', 'form.kind': '类别', 'form.phone': '电话', 'form.email': '邮箱', 'form.city': '城市',
    'form.save': '保存客户', 'form.saved': '已保存。', 'form.INDIVIDUAL': '个人',
    'form.ORGANIZATION': '机构', 'form.type': '类型', 'type.CURRENT': '现有', 'type.POTENTIAL': '潜在',
    'type.LOST': '流失', 'type.DISTRIBUTOR': '经销商',
    'wrap.title': '话后处理', 'wrap.disposition': '处理结果', 'wrap.notes': '备注', 'wrap.callback': '回拨时间',
    'wrap.satisfaction': '满意度 (0-5)', 'wrap.submit': '提交话后处理', 'wrap.endsIn': '剩余 {t}',
    'wrap.over': '时间已到', 'disp.resolved': '已解决', 'disp.sale': '成交', 'disp.callback': '需回拨',
    'disp.complaint': '投诉', 'disp.info': '咨询', 'disp.no-sale': '未成交', 'disp.escalated': '已升级',
    'search.title': '查找客户', 'search.query': '姓名或电话', 'search.go': '搜索', 'search.none': '没有匹配。',
    'search.new': '新建客户', 'search.open': '打开',
    'msg.sent': '已发送：{a}', 'msg.error': '被拒绝：{m}',
    'sup.title': '监控大屏', 'sup.queues': '队列', 'sup.agents': '坐席', 'sup.queue': '队列',
    'sup.waiting': '排队', 'sup.longest': '最长等待', 'sup.sl': '服务水平', 'sup.asa': '平均应答',
    'sup.abandon': '放弃率', 'sup.answered': '接听 / 放弃', 'sup.answeredCalls': '接听',
    'sup.abandonedCalls': '放弃', 'sup.agent': '坐席', 'sup.state': '状态',
    'sup.time': '状态时长', 'sup.call': '通话', 'sup.spy': '介入', 'spy.LISTEN': '监听',
    'spy.WHISPER': '耳语', 'spy.BARGE': '强插', 'sup.volume': '今日接听与放弃',
    'sup.slChart': '今日服务水平', 'sup.updated': '更新于 {t}', 'sup.callsIn': '来电',
    'sup.totalWaiting': '当前排队', 'sup.agentsReady': '就绪坐席', 'sup.agentsOnCall': '通话中',
    'sup.offeredCalls': '呼入', 'sup.volumeDay': '今日来电（每 15 分钟）：呼入（细线）、接听（实线）、放弃（虚线）',
    'sup.slDay': '今日服务水平（每 15 分钟）',
  };
  const dictionaries = { en, 'zh-CN': zh };

  function chosen() {
    const stored = localStorage.getItem(STORE);
    if (stored && dictionaries[stored]) {
      return stored;
    }
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (const tag of wanted) {
      if (/^zh\b/i.test(tag)) {
        return 'zh-CN';
      }
      if (/^en\b/i.test(tag)) {
        return 'en';
      }
    }
    return 'en';
  }

  let lang = chosen();

  function t(key, values) {
    const text = (dictionaries[lang][key] !== undefined ? dictionaries[lang][key] : en[key]);
    const base = text === undefined ? key : text;
    return values ? base.replace(/\{(\w+)\}/g, (m, name) => values[name] !== undefined ? values[name] : m) : base;
  }

  /** Puts the dictionary's text into every element under root that names a key. */
  function apply(root) {
    const scope = root || document;
    document.documentElement.lang = lang;
    scope.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    scope.querySelectorAll('[data-i18n-aria]').forEach(e => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
  }

  const listeners = [];

  /** Switches the language, keeps the choice, and re-renders the page. */
  function use(next) {
    lang = dictionaries[next] ? next : 'en';
    localStorage.setItem(STORE, lang);
    apply();
    listeners.forEach(f => f(lang));
  }

  function time(iso) {
    return iso ? new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .format(new Date(iso)) : '';
  }

  function dateTime(iso) {
    return iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
  }

  function date(value) {
    return value ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(value)) : '';
  }

  /** A duration in seconds as m:ss or h:mm:ss. */
  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
  }

  function number(value, options) {
    return new Intl.NumberFormat(lang, options).format(value);
  }

  /** Adds the language switch button into element id "lang". */
  function switcher() {
    const button = document.getElementById('lang');
    if (button) {
      button.addEventListener('click', () => use(lang === 'en' ? 'zh-CN' : 'en'));
    }
  }

  document.addEventListener('DOMContentLoaded', () => { apply(); switcher(); });
  if (document.readyState !== 'loading') {
    apply();
    switcher();
  }

  window.I18n = { t, apply, use, time, dateTime, date, duration, number, lang: () => lang,
    onChange: f => listeners.push(f) };
})();
