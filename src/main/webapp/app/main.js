// The shell: decides between the login form and the signed-in pages, and routes by URL hash.
// A page is one module in views/ that exports an async function returning { title, node } (and
// optionally focus: the id of the element that gets the keyboard focus); adding a page is adding
// its module and one line in routes.
import { ApiError, call, hasSession, onSignedOut, signOut, SignedOut } from './api.js';
import { h } from './dom.js';
import { loginView } from './views/login.js';
import { databasesView } from './views/databases.js';
import { databaseView } from './views/database.js';
import { entryView } from './views/entry.js';
import { adminView } from './views/admin.js';
import { adminUserView } from './views/admin-user.js';
import { accountView } from './views/account.js';
import { registerView } from './views/register.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const adminLink = document.getElementById('admin-link');
const status = document.getElementById('status');
let me = null;
let toastPage = null;
let rendering = 0; // counts route() calls: a slow page that finishes after a newer one is dropped

const routes = [
  { pattern: /^#\/databases$/, nav: '#/databases', render: () => databasesView(context) },
  { pattern: /^#\/databases\/(\d+)$/, nav: '#/databases', render: (id) => databaseView(context, Number(id)) },
  { pattern: /^#\/entries\/(\d+)$/, nav: '#/databases', render: (id) => entryView(context, Number(id)) },
  { pattern: /^#\/(?:account|sessions)$/, nav: '#/account', render: () => accountView(context) },
  { pattern: /^#\/admin$/, nav: '#/admin', render: () => adminView(context) },
  { pattern: /^#\/admin\/users\/(\d+)$/, nav: '#/admin', render: (id) => adminUserView(context, Number(id)) },
];

const context = {
  /** A short message at the bottom of the page; it stays with the page it was said on. */
  say(message) {
    status.textContent = message;
    toastPage = location.hash;
    setTimeout(() => { if (status.textContent === message) status.textContent = ''; }, 4000);
  },
  /** The signed-in user: { id, username, roles }. */
  me() {
    return me;
  },
  isAdmin() {
    return me !== null && me.roles.includes('admin');
  },
  /** Renders the current page again (after a change), keeping the focus where `focus` says. */
  async refresh(focus) {
    await route(focus);
  },
  async signedIn() {
    me = await call('GET', 'api/users/me');
    who.textContent = me.username;
    adminLink.hidden = !context.isAdmin();
    nav.hidden = false;
    if (!location.hash || location.hash === '#/login') {
      location.hash = '#/databases';
    } else {
      await route();
    }
  },
};

function show(node, title, focus) {
  view.replaceChildren(node);
  document.title = `${title} · MediaHub`;
  const target = focus ? document.getElementById(focus) : null;
  // Keyboard and screen-reader users start at the new page's content, or where they were working.
  (target || view).focus();
}

/** The signed-out pages: the sign-in form, or the registration form at #/register. */
function showLogin(message) {
  me = null;
  nav.hidden = true;
  who.textContent = '';
  status.textContent = '';
  if (location.hash === '#/register') {
    show(registerView(context), 'Create an account');
  } else {
    show(loginView(context, message), 'Sign in');
  }
}

function markCurrent(navHash) {
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === navHash) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

/** The page shown when a page cannot be loaded: what happened, and a way on. */
function problemPage(error) {
  const unreachable = error instanceof ApiError && (error.status === 0 || error.status === 503);
  return h('section', { class: 'card problem', id: 'problem', 'aria-labelledby': 'problem-title' },
    h('h1', { id: 'problem-title' }, unreachable ? 'MediaHub cannot be reached' : 'This page cannot be shown'),
    h('p', { id: 'problem-message' }, error.message),
    h('p', {},
      h('button', { type: 'button', id: 'retry', onclick: () => route() }, 'Try again'), ' ',
      h('a', { href: '#/databases' }, 'Your databases')));
}

async function route(focus) {
  if (me === null) {
    if (!view.querySelector('form.login') || ['#/register', '#/login'].includes(location.hash)) {
      showLogin();
    }
    return;
  }
  if (toastPage !== location.hash) {
    status.textContent = '';
  }
  const hash = location.hash || '#/databases';
  const match = routes.map((r) => ({ r, m: hash.match(r.pattern) })).find((x) => x.m);
  const target = match || { r: routes[0], m: [] }; // an unknown address: the databases
  const mine = ++rendering;
  try {
    const page = await target.r.render(...target.m.slice(1));
    if (mine !== rendering) {
      return;
    }
    markCurrent(target.r.nav);
    show(page.node, page.title, focus || page.focus);
  } catch (error) {
    if (!(error instanceof SignedOut) && mine === rendering) {
      markCurrent(null);
      show(problemPage(error), 'Problem', 'retry');
    }
  }
}

onSignedOut((message) => {
  if (me !== null || !view.querySelector('form.login')) {
    showLogin(message);
  }
});
window.addEventListener('hashchange', () => route());
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
