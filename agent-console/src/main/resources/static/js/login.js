// The login page: takes the session's CSRF token into the form, says why the user is here, and sends someone already
// logged in to their home page.
(function () {
  'use strict';
  const reasons = ['error', 'locked', 'disabled', 'expired', 'logged-out'];
  const query = new URLSearchParams(location.search);
  const shown = reasons.find(key => query.has(key));
  const say = () => { document.getElementById('message').textContent = shown ? I18n.t('login.' + shown) : ''; };
  say();
  I18n.onChange(say);
  Cti.session().then(current => {
    if (current.authenticated) {
      location.href = current.home;
      return;
    }
    document.getElementById('csrf').name = current.csrf.parameterName;
    document.getElementById('csrf').value = current.csrf.token;
  });
})();
