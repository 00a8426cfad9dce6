// The administration page: its sections as tabs (arrow keys move between them, the choice is kept in the address).
// Queues, agents, skills, reason codes and users live in admin-queues.js, admin-agents.js, admin-reasons.js and
// admin-users.js. The server checks the ADMIN role on every call.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const SECTIONS = ['queues', 'agents', 'skills', 'reasons', 'users'];

  function show(section, focus) {
    SECTIONS.forEach(name => {
      const tab = $('tab-' + name);
      const selected = name === section;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(name + '-section').hidden = !selected;
      if (selected && focus) {
        tab.focus();
      }
    });
    history.replaceState(null, '', '#' + section);
  }

  function tabs() {
    SECTIONS.forEach((name, i) => {
      const tab = $('tab-' + name);
      tab.addEventListener('click', () => show(name));
      tab.addEventListener('keydown', event => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) {
          event.preventDefault();
          show(SECTIONS[(i + step + SECTIONS.length) % SECTIONS.length], true);
        }
      });
    });
    const wanted = location.hash.substring(1);
    show(SECTIONS.includes(wanted) ? wanted : 'queues');
  }

  /** Agents or queues were (re)loaded: the skills in use and the agents a user may be linked to follow them. */
  function changed() {
    if (window.AdminReasons) {
      AdminReasons.renderSkills();
    }
    if (window.AdminUsers) {
      AdminUsers.agentsChanged(AdminAgents.all());
    }
  }

  window.Admin = { changed };

  Cti.session().then(session => {
    Cti.header(session);
    tabs();
    AdminQueues.start(session);
    AdminAgents.start(session);
    AdminReasons.start(session);
    AdminUsers.start(session);
  });
})();
