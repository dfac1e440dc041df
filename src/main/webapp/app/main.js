// The shell: decides between the login form and the signed-in pages, and routes by URL hash.
import { call, hasSession, onSignedOut, signOut, SignedOut } from './api.js';
import { loginView } from './views/login.js';
import { databasesView } from './views/databases.js';
import { sessionsView } from './views/sessions.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const status = document.getElementById('status');
let me = null;

const routes = [
  { pattern: /^#\/sessions$/, render: () => sessionsView(context) },
  { pattern: /^#\/databases\/(\d+)$/, render: (id) => databasesView(context, Number(id)) },
  { pattern: /^#\/databases$/, render: () => databasesView(context, null) },
];

const context = {
  say(message) {
    status.textContent = message;
    setTimeout(() => { if (status.textContent === message) status.textContent = ''; }, 4000);
  },
  async signedIn() {
    me = await call('GET', 'api/users/me');
    who.textContent = `Signed in as ${me.username}`;
    nav.hidden = false;
    if (!location.hash || location.hash === '#/login') {
      location.hash = '#/databases';
    } else {
      await route();
    }
  },
};

function show(node, title) {
  view.replaceChildren(node);
  document.title = `${title} · MediaHub`;
  view.focus(); // keyboard and screen-reader users start at the new page's content
}

function showLogin(message) {
  me = null;
  nav.hidden = true;
  who.textContent = '';
  show(loginView(context, message), 'Sign in');
}

async function route() {
  if (me === null) {
    return;
  }
  const hash = location.hash || '#/databases';
  for (const link of nav.querySelectorAll('a')) {
    if (hash.startsWith(link.getAttribute('href'))) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const match = routes.map((r) => ({ r, m: hash.match(r.pattern) })).find((x) => x.m);
  const target = match || { r: routes[2], m: [] };
  try {
    const page = await target.r.render(...target.m.slice(1));
    show(page.node, page.title);
  } catch (error) {
    if (!(error instanceof SignedOut)) {
      context.say(error.message);
    }
  }
}

onSignedOut((message) => {
  if (me !== null || !view.querySelector('form.login')) {
    showLogin(message);
  }
});
window.addEventListener('hashchange', route);
document.getElementById('sign-out').addEventListener('click', () => signOut().catch((e) => context.say(e.message)));

(async function start() {
  if (!hasSession()) {
    showLogin();
    return;
  }
  try {
    await context.signedIn();
  } catch (error) {
    if (!(error instanceof SignedOut)) {
      showLogin(error.message);
    }
  }
})();
