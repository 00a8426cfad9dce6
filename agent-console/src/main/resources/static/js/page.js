// A page with nothing of its own yet: only the header (who is logged in, logout).
Cti.session().then(Cti.header);
