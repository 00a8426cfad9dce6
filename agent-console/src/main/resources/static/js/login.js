// The login page: takes the session's CSRF token into the form, says why the user is here, and sends someone already
// logged in to their home page.
(function () {
  'use strict';
  const messages = {
    error: 'Wrong user name or password. / 用户名或密码错误。',
    locked: 'This account is locked after too many failed logins; try again later or ask an administrator. / 账户已锁定。',
    disabled: 'This account is disabled; ask an administrator. / 账户已停用。',
    expired: 'Your session has ended; please log in again. / 会话已结束，请重新登录。',
    'logged-out': 'You are logged out. / 您已退出。'
  };
  const query = new URLSearchParams(location.search);
  const shown = Object.keys(messages).find(key => query.has(key));
  document.getElementById('message').textContent = shown ? messages[shown] : '';
  Cti.session().then(current => {
    if (current.authenticated) {
      location.href = current.home;
      return;
    }
    document.getElementById('csrf').name = current.csrf.parameterName;
    document.getElementById('csrf').value = current.csrf.token;
  });
})();
