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
    // the administration, customer lookup and campaign pages
    'adm.title': 'Administration', 'adm.sections': 'Sections', 'adm.queues': 'Queues', 'adm.agents': 'Agents',
    'adm.skills': 'Skills', 'adm.reasons': 'Reason codes', 'adm.users': 'Users',
    'adm.showRetired': 'Show retired queues', 'adm.showInactive': 'Show deactivated agents', 'adm.save': 'Save',
    'adm.cancel': 'Cancel', 'adm.edit': 'Edit', 'adm.retire': 'Retire', 'adm.retired': 'Retired',
    'adm.deactivate': 'Deactivate', 'adm.inactive': 'Deactivated', 'adm.remove': 'Remove',
    'adm.addSkill': 'Add a skill', 'adm.skill': 'Skill', 'adm.minimum': 'Minimum proficiency (1-10)',
    'adm.proficiency': 'Proficiency (1-10)', 'adm.yes': 'yes', 'adm.no': 'no',
    'adm.fixErrors': '{n} field(s) to correct; nothing was saved.', 'adm.q.name': 'Queue',
    'adm.q.displayName': 'Name shown', 'adm.q.skills': 'Skills required (minimum proficiency)',
    'adm.q.sl': 'Service level', 'adm.q.strategy': 'Strategy', 'adm.q.new': 'New queue', 'adm.q.edit': 'Queue {n}',
    'adm.q.slPercent': 'Service level: % of calls', 'adm.q.slWithin': '… answered within (s)',
    'adm.q.maxWait': 'Maximum wait (s)', 'adm.q.shortAbandon': 'Short abandon under (s)',
    'adm.q.ringTimeout': 'Ring timeout (s)', 'adm.q.wrapUp': 'Wrap-up time (s)',
    'adm.q.stickyWait': 'Wait for the last agent (s)', 'adm.q.callback': 'Offer a callback',
    'adm.q.overflow': 'Overflow',
    'adm.q.overflowHint': 'After a call has waited, either fewer skills will do (widen) or it moves to another queue.',
    'adm.q.addStep': 'Add a step', 'adm.q.stepKind': 'What happens', 'adm.q.widen': 'Widen the skills to',
    'adm.q.move': 'Move to queue', 'adm.q.moveTo': 'Queue to move to', 'adm.q.after': 'After (s)',
    'adm.q.saved': 'Queue {n} saved.', 'adm.q.created': 'Queue {n} created.',
    'adm.q.retireConfirm': 'Retire queue {n}? Its calls and history keep its name; it takes no new calls.',
    'adm.q.retiredNow': 'Queue {n} retired.', 'strategy.LONGEST_IDLE': 'Longest idle',
    'strategy.FEWEST_CALLS': 'Fewest calls', 'strategy.ROUND_ROBIN': 'Round robin', 'strategy.RANDOM': 'Random',
    'strategy.SKILL_WEIGHTED': 'Best skilled', 'adm.a.id': 'Agent', 'adm.a.displayName': 'Name shown',
    'adm.a.skills': 'Skills (proficiency 1-10)', 'adm.a.teams': 'Teams',
    'adm.a.teamsHint': 'comma-separated, e.g. north, night', 'adm.a.endpoint': 'Phone endpoint',
    'adm.a.new': 'New agent', 'adm.a.edit': 'Agent {n}', 'adm.a.saved': 'Agent {n} saved.',
    'adm.a.created': 'Agent {n} created.',
    'adm.a.deactivateConfirm': 'Deactivate agent {n}? They can no longer log in to the queues.',
    'adm.a.deactivated': 'Agent {n} deactivated.',
    'adm.s.hint': 'Skills are whatever agents and queues name: give a skill to an agent or require it in a queue to add it.',
    'adm.s.skill': 'Skill', 'adm.s.agents': 'Agents (proficiency)', 'adm.s.queues': 'Queues needing it',
    'adm.r.code': 'Code', 'adm.r.label': 'Label', 'adm.r.productive': 'Productive time', 'adm.r.status': 'Status',
    'adm.r.new': 'New reason code', 'adm.r.add': 'Add', 'adm.r.system': 'Set by the platform',
    'adm.r.offered': 'Offered to agents', 'adm.r.added': 'Reason code {n} added.',
    'adm.r.retiredNow': 'Reason code {n} retired.', 'adm.u.username': 'User name', 'adm.u.name': 'Name',
    'adm.u.roles': 'Roles', 'adm.u.agent': 'Agent', 'adm.u.enabled': 'Enabled', 'adm.u.locked': 'Locked until',
    'adm.u.new': 'New user', 'adm.u.password': 'Password', 'adm.u.role': 'Role', 'adm.u.agentId': 'Agent id (agents)',
    'adm.u.create': 'Create', 'adm.u.created': 'User {n} created.', 'role.AGENT': 'Agent',
    'role.SUPERVISOR': 'Supervisor', 'role.CAMPAIGN_MANAGER': 'Campaign manager', 'role.ADMIN': 'Administrator',
    'adm.u.edit': 'User {n}', 'adm.u.saved': 'User {n} saved.', 'adm.u.enabledLabel': 'May log in',
    'adm.u.changeHint': "A change of roles, agent or 'may log in' ends the user's sessions at once.",
    'adm.u.unlock': 'Unlock', 'adm.u.unlocked': '{n} unlocked.', 'adm.u.lockedCell': '{t} ({n} failed logins)',
    'adm.u.lockedNow': '{n} is locked until {t} after {f} failed logins.', 'adm.u.newPassword': 'New password',
    'adm.u.confirmPassword': 'New password again', 'adm.u.setPassword': 'Set password',
    'adm.u.setPasswordOf': 'Set the password of {n}', 'adm.u.passwordSet': 'Password of {n} set.',
    'adm.u.passwordHint': "Setting a password ends the user's sessions; they log in with the new one.",
    'err.too-short': 'Too short.', 'err.control-characters': 'No control characters.',
    'err.immutable': 'Cannot be changed.', 'err.not-here': 'Not set here.',
    'err.agent-taken': 'Another user already takes calls as this agent.', 'err.wrong-password': 'Wrong password.',
    'err.mismatch': 'The two passwords differ.', 'err.duplicate-user': 'This user name is taken.',
    'err.last-admin': 'The last enabled administrator must stay one.', 'err.no-such-user': 'No such user.',
    'err.required': 'Required.', 'err.out-of-range': 'Out of range.', 'err.invalid-name': 'Not a valid name.',
    'err.duplicate': 'Listed twice.', 'err.invalid-skill': 'Not a valid skill name.',
    'err.invalid-endpoint': 'Not a valid endpoint.', 'err.not-printable-ascii': 'Printable ASCII only.',
    'err.too-long': 'Too long.', 'err.control-character': 'No control characters.',
    'err.unknown-value': 'Not one of the choices.', 'err.not-below-max-wait': 'Must be below the maximum wait.',
    'err.beyond-max-wait': 'Beyond the maximum wait.',
    'err.not-increasing': 'Each step must come later than the one before.',
    'err.one-action': 'Either widen or move, exactly one.', 'err.after-move': 'No step after a move.',
    'err.not-wider': 'Widening may only drop skills or lower minimums.',
    'err.self': 'A queue cannot overflow into itself.', 'err.no-such-queue': 'No such active queue.',
    'err.too-many': 'Too many.', 'err.invalid-id': 'Not a valid id.', 'err.invalid-team': 'Not a valid team name.',
    'err.invalid-code': 'Not a valid code.', 'err.invalid-format': 'Wrong format.', 'err.invalid': 'Not valid.',
    'err.no-such-agent': 'No such agent.', 'err.not-an-agent': 'Only agents have an agent id.',
    'err.unknown-role': 'Unknown role.', 'cust.title': 'Customer lookup',
    'cust.lead': 'Customer lookup as a screen-pop carries it.', 'cust.phone': 'Phone number',
    'cust.phoneHint': 'Phone number in any format, e.g. +86 138 0013 8000 or (415) 555-0132',
    'cust.find': 'Find card', 'cust.name': 'Name', 'cust.nameHint': 'Name, e.g. 王 or Harbor', 'cust.search': 'Search',
    'cust.nothing': 'Nothing looked up yet.', 'cust.operators': 'For operators',
    'cust.health': 'PostgreSQL and Redis components', 'cust.metrics': 'metrics', 'camp.title': 'Campaigns',
    'camp.soon': 'The campaign pages (call lists, campaigns, progress) arrive with the outbound dialer.',
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
    'refused.msg': '{r} not done: {why}', 'req.HoldCall': 'Hold', 'req.ResumeCall': 'Resume',
    'req.TransferCall': 'Transfer', 'req.DialCustomer': 'Call', 'refused.not-your-call': 'this call is not yours',
    'refused.already-on-hold': 'the call is already on hold', 'refused.not-on-hold': 'the call is not on hold',
    'refused.on-hold': 'the call is on hold: resume it first', 'refused.unknown-queue': 'there is no such active queue',
    'refused.agent-not-ready': 'that agent is not Ready', 'refused.unknown-agent': 'you are not logged in to the queues',
    'refused.agent-busy': 'finish your current call first',
    'refused.do-not-call': 'the number is on the Do-Not-Call list',
    'refused.outside-calling-window': "it is outside the customer's local calling hours",
    'refused.other': 'the router refused it ({m})',
    'transfer.pick': 'Queues and agents to transfer to', 'transfer.none': 'nothing to pick from yet',
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
    // the administration, customer lookup and campaign pages
    'adm.title': '系统管理', 'adm.sections': '分区', 'adm.queues': '队列', 'adm.agents': '坐席', 'adm.skills': '技能',
    'adm.reasons': '原因代码', 'adm.users': '用户', 'adm.showRetired': '显示已停用队列', 'adm.showInactive': '显示已停用坐席',
    'adm.save': '保存', 'adm.cancel': '取消', 'adm.edit': '编辑', 'adm.retire': '停用', 'adm.retired': '已停用',
    'adm.deactivate': '停用', 'adm.inactive': '已停用', 'adm.remove': '移除', 'adm.addSkill': '添加技能', 'adm.skill': '技能',
    'adm.minimum': '最低熟练度 (1-10)', 'adm.proficiency': '熟练度 (1-10)', 'adm.yes': '是', 'adm.no': '否',
    'adm.fixErrors': '有 {n} 处需要更正；未保存任何内容。', 'adm.q.name': '队列', 'adm.q.displayName': '显示名称',
    'adm.q.skills': '所需技能（最低熟练度）', 'adm.q.sl': '服务水平', 'adm.q.strategy': '分配策略', 'adm.q.new': '新建队列',
    'adm.q.edit': '队列 {n}', 'adm.q.slPercent': '服务水平：来电百分比', 'adm.q.slWithin': '… 在多少秒内接听',
    'adm.q.maxWait': '最长等待（秒）', 'adm.q.shortAbandon': '短时放弃阈值（秒）', 'adm.q.ringTimeout': '振铃超时（秒）',
    'adm.q.wrapUp': '话后处理时间（秒）', 'adm.q.stickyWait': '等待上次坐席（秒）', 'adm.q.callback': '提供回拨', 'adm.q.overflow': '溢出',
    'adm.q.overflowHint': '来电等待一段时间后，可放宽所需技能，或转到另一个队列。', 'adm.q.addStep': '添加步骤', 'adm.q.stepKind': '处理方式',
    'adm.q.widen': '放宽技能为', 'adm.q.move': '转到队列', 'adm.q.moveTo': '目标队列', 'adm.q.after': '等待（秒）后',
    'adm.q.saved': '队列 {n} 已保存。', 'adm.q.created': '队列 {n} 已创建。',
    'adm.q.retireConfirm': '停用队列 {n}？其通话和历史记录保留队列名；队列不再接收新来电。', 'adm.q.retiredNow': '队列 {n} 已停用。',
    'strategy.LONGEST_IDLE': '空闲最久', 'strategy.FEWEST_CALLS': '接听最少', 'strategy.ROUND_ROBIN': '轮询',
    'strategy.RANDOM': '随机', 'strategy.SKILL_WEIGHTED': '技能最佳', 'adm.a.id': '坐席', 'adm.a.displayName': '显示名称',
    'adm.a.skills': '技能（熟练度 1-10）', 'adm.a.teams': '班组', 'adm.a.teamsHint': '用逗号分隔，例如 north, night',
    'adm.a.endpoint': '话机端点', 'adm.a.new': '新建坐席', 'adm.a.edit': '坐席 {n}', 'adm.a.saved': '坐席 {n} 已保存。',
    'adm.a.created': '坐席 {n} 已创建。', 'adm.a.deactivateConfirm': '停用坐席 {n}？其将无法再签入队列。',
    'adm.a.deactivated': '坐席 {n} 已停用。', 'adm.s.hint': '技能即坐席和队列中使用的名称：给坐席添加技能或在队列中要求技能即可新增。', 'adm.s.skill': '技能',
    'adm.s.agents': '坐席（熟练度）', 'adm.s.queues': '需要该技能的队列', 'adm.r.code': '代码', 'adm.r.label': '名称',
    'adm.r.productive': '计为有效工作', 'adm.r.status': '状态', 'adm.r.new': '新建原因代码', 'adm.r.add': '添加',
    'adm.r.system': '由系统设置', 'adm.r.offered': '坐席可选', 'adm.r.added': '原因代码 {n} 已添加。',
    'adm.r.retiredNow': '原因代码 {n} 已停用。', 'adm.u.username': '用户名', 'adm.u.name': '姓名', 'adm.u.roles': '角色',
    'adm.u.agent': '坐席', 'adm.u.enabled': '启用', 'adm.u.locked': '锁定至', 'adm.u.new': '新建用户', 'adm.u.password': '密码',
    'adm.u.role': '角色', 'adm.u.agentId': '坐席工号（坐席用户）', 'adm.u.create': '创建', 'adm.u.created': '用户 {n} 已创建。',
    'role.AGENT': '坐席', 'role.SUPERVISOR': '班长', 'role.CAMPAIGN_MANAGER': '外呼活动经理', 'role.ADMIN': '管理员',
    'adm.u.edit': '用户 {n}', 'adm.u.saved': '用户 {n} 已保存。', 'adm.u.enabledLabel': '允许登录',
    'adm.u.changeHint': '更改角色、坐席或“允许登录”会立即结束该用户的会话。',
    'adm.u.unlock': '解锁', 'adm.u.unlocked': '{n} 已解锁。', 'adm.u.lockedCell': '{t}（登录失败 {n} 次）',
    'adm.u.lockedNow': '{n} 已被锁定至 {t}（连续登录失败 {f} 次）。', 'adm.u.newPassword': '新密码',
    'adm.u.confirmPassword': '再次输入新密码', 'adm.u.setPassword': '设置密码',
    'adm.u.setPasswordOf': '设置 {n} 的密码', 'adm.u.passwordSet': '{n} 的密码已设置。',
    'adm.u.passwordHint': '设置密码会结束该用户的所有会话；其需用新密码登录。',
    'err.too-short': '太短。', 'err.control-characters': '不能包含控制字符。',
    'err.immutable': '不可更改。', 'err.not-here': '不在此处设置。',
    'err.agent-taken': '已有其他用户使用此坐席工号接听。', 'err.wrong-password': '密码错误。',
    'err.mismatch': '两次输入的密码不一致。', 'err.duplicate-user': '用户名已被使用。',
    'err.last-admin': '最后一个启用的管理员必须保留。', 'err.no-such-user': '没有此用户。',
    'err.required': '必填。', 'err.out-of-range': '超出范围。', 'err.invalid-name': '名称无效。', 'err.duplicate': '重复列出。',
    'err.invalid-skill': '技能名称无效。', 'err.invalid-endpoint': '端点无效。', 'err.not-printable-ascii': '只能使用可打印的 ASCII 字符。',
    'err.too-long': '太长。', 'err.control-character': '不能包含控制字符。', 'err.unknown-value': '不是可选值之一。',
    'err.not-below-max-wait': '必须小于最长等待。', 'err.beyond-max-wait': '超过最长等待。', 'err.not-increasing': '每一步必须晚于前一步。',
    'err.one-action': '放宽或转移，只能选一种。', 'err.after-move': '转移之后不能再有步骤。', 'err.not-wider': '放宽只能去掉技能或降低最低熟练度。',
    'err.self': '队列不能溢出到自身。', 'err.no-such-queue': '没有此活动队列。', 'err.too-many': '数量过多。', 'err.invalid-id': '工号无效。',
    'err.invalid-team': '班组名称无效。', 'err.invalid-code': '代码无效。', 'err.invalid-format': '格式错误。', 'err.invalid': '无效。',
    'err.no-such-agent': '没有此坐席。', 'err.not-an-agent': '只有坐席用户才有坐席工号。', 'err.unknown-role': '未知角色。',
    'cust.title': '客户查询', 'cust.lead': '按弹屏所带的方式查询客户。', 'cust.phone': '电话号码',
    'cust.phoneHint': '任意格式的电话号码，例如 +86 138 0013 8000 或 (415) 555-0132', 'cust.find': '查找客户卡片', 'cust.name': '姓名',
    'cust.nameHint': '姓名，例如 王 或 Harbor', 'cust.search': '搜索', 'cust.nothing': '尚未查询。', 'cust.operators': '运维入口',
    'cust.health': 'PostgreSQL 和 Redis 组件', 'cust.metrics': '监控指标', 'camp.title': '外呼活动',
    'camp.soon': '外呼活动页面（名单、活动、进度）将随外呼拨号器一同提供。',
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
    'refused.msg': '{r}未执行：{why}', 'req.HoldCall': '保持', 'req.ResumeCall': '恢复',
    'req.TransferCall': '转接', 'req.DialCustomer': '呼叫', 'refused.not-your-call': '这不是您的通话',
    'refused.already-on-hold': '通话已在保持中', 'refused.not-on-hold': '通话不在保持中',
    'refused.on-hold': '通话正在保持，请先恢复', 'refused.unknown-queue': '没有这个可用的队列',
    'refused.agent-not-ready': '该坐席未就绪', 'refused.unknown-agent': '您尚未登录队列',
    'refused.agent-busy': '请先结束当前通话',
    'refused.do-not-call': '该号码在免打扰名单中',
    'refused.outside-calling-window': '现在不在客户当地的可呼叫时段内',
    'refused.other': '路由器拒绝了请求（{m}）',
    'transfer.pick': '可转接的队列和坐席', 'transfer.none': '暂无可选项',
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
