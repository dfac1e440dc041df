import { call, signOut, signOutEverywhere } from '../api.js';
import { acting, errorLine, h, when } from '../dom.js';
import { plural } from '../messages.js';

/**
 * The user's sessions (one per login, stable across refreshes), with sign-out buttons: a section
 * of the account page.
 */
export async function sessionsSection(context) {
  const sessions = await call('GET', 'api/sessions');
  const error = errorLine('sessions-error');

  const act = (action) => acting(error, action);
  const signOutButton = (s) => h('button', {
    type: 'button',
    class: 'secondary',
    'aria-label': s.current ? 'Sign out this browser' : `Sign out session ${s.id}`,
    onclick: act(async () => {
      if (s.current) {
        await signOut();
      } else {
        await call('DELETE', `api/sessions/${s.id}`);
        await context.refresh();
        context.say('Session signed out.');
      }
    }),
  }, 'Sign out');

  const everywhere = async () => {
    // It ends this browser's session too: ask first.
    if (window.confirm(`Sign out everywhere? This ends ${plural(sessions.length, 'session')}, this browser's included.`)) {
      await signOutEverywhere();
    }
  };
  return h('section', { class: 'card', id: 'sessions-section', 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title' }, 'Your sessions'),
    h('p', { class: 'muted' }, 'Each sign-in is one session; it stays the same while the page renews its tokens.'),
    sessionsTable(sessions, signOutButton),
    error,
    h('button', { type: 'button', class: 'danger', id: 'sign-out-everywhere', onclick: act(everywhere) },
      'Sign out everywhere'));
}

/**
 * A table of sessions, one row each; actionFor(session), if given, makes the last cell's button.
 * The account page and an admin's view of a user share it.
 */
export function sessionsTable(sessions, actionFor) {
  const headings = ['Device', 'Signed in', 'Last used', 'Expires'];
  return h('table', { id: 'sessions' },
    h('thead', {}, h('tr', {}, [...headings, ...(actionFor ? [''] : [])].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, sessions.map((s) => h('tr', { 'data-session': s.id },
      h('td', { class: 'agent', title: s.user_agent || '', 'data-label': 'Device' }, device(s.user_agent), ' ',
        s.current ? h('span', { class: 'badge' }, 'this browser') : null),
      h('td', { 'data-label': 'Signed in' }, when(s.created_at)),
      h('td', { 'data-label': 'Last used' }, when(s.last_used_at)),
      h('td', { 'data-label': 'Expires' }, when(s.expires_at)),
      actionFor ? h('td', {}, actionFor(s)) : null))));
}

/** "Chrome on Linux" from a user agent; the whole string is in the cell's tooltip. */
function device(userAgent) {
  if (!userAgent) {
    return 'Unknown device';
  }
  const browsers = [['Edge', /Edg\//], ['Firefox', /Firefox\//], ['Chrome', /Chrome\//], ['Safari', /Safari\//],
    ['curl', /^curl\//], ['Java client', /^Java/]];
  const systems = [['Windows', /Windows/], ['Android', /Android/], ['iOS', /iPhone|iPad/], ['macOS', /Mac OS X/],
    ['Linux', /Linux/]];
  const browser = (browsers.find(([, pattern]) => pattern.test(userAgent)) || ['Other client'])[0];
  const system = (systems.find(([, pattern]) => pattern.test(userAgent)) || [null])[0];
  return system ? `${browser} on ${system}` : browser;
}
