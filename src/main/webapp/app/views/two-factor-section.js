import { call } from '../api.js';
import { acting, errorLine, field, h, submitting } from '../dom.js';
import { plural } from '../messages.js';

/**
 * "Two-factor authentication" on the account page (issue 18): turn TOTP on (scan the QR code or
 * type the secret, prove it with a code, keep the recovery codes), turn it off, or get new
 * recovery codes. Everything is built from DOM nodes: the page needs no inline script or style,
 * so the CSP's script-src stays 'self'.
 */
export function twoFactorSection(context) {
  const me = context.me();
  const section = h('section', { class: 'card', id: 'two-factor', 'aria-labelledby': 'two-factor-title' });
  const status = me.two_factor || { totp: false, recovery_codes_left: 0 };
  section.append(...(status.totp ? onView(context, status) : offView(context, section)));
  return section;
}

function heading() {
  return h('h2', { id: 'two-factor-title' }, 'Two-factor authentication');
}

/** TOTP is off: explain, and offer to turn it on (the password first). */
function offView(context, section) {
  const error = errorLine('totp-start-error');
  const form = h('form', { id: 'totp-start', novalidate: true },
    field('totp-password', 'Your password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Turn on two-factor authentication'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const password = form.elements['totp-password'].value;
    if (!password) {
      throw new Error('Enter your password.');
    }
    const enrolment = await call('POST', 'api/users/me/totp', { password });
    section.replaceChildren(...enrolView(context, section, enrolment));
    section.querySelector('#totp-code').focus();
  }));
  return [heading(),
    h('p', { id: 'two-factor-state' }, 'Off. With it on, signing in needs your password and a code from an authenticator app on your phone.'),
    form];
}

/** The pending enrolment: the QR code, the secret as text, and the code that proves the app has it. */
function enrolView(context, section, enrolment) {
  const error = errorLine('totp-confirm-error');
  const form = h('form', { id: 'totp-confirm', novalidate: true },
    field('totp-code', 'The 6-digit code your app shows', { autocomplete: 'one-time-code', inputmode: 'numeric', required: true }),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Turn on'),
      h('button', { type: 'button', class: 'secondary', onclick: () => context.refresh() }, 'Cancel')));
  form.addEventListener('submit', submitting(form, error, async () => {
    const code = form.elements['totp-code'].value.trim();
    if (!code) {
      throw new Error('Enter the 6-digit code from your app.');
    }
    const result = await call('POST', 'api/users/me/totp/confirm', { code });
    section.replaceChildren(...codesView(context, result.recovery_codes, 'Two-factor authentication is on.'));
    section.querySelector('#recovery-codes-done').focus();
  }));
  return [heading(),
    h('p', {}, '1. Scan this QR code with an authenticator app (such as Google Authenticator, Aegis or 1Password).'),
    h('div', { class: 'qr', id: 'totp-qr' }, svgOf(enrolment.qr_svg)),
    h('p', {}, 'Or type this key into the app:'),
    h('p', {}, h('code', { class: 'secret', id: 'totp-secret', 'aria-label': 'Secret key' }, grouped(enrolment.secret))),
    h('p', {}, '2. Enter the code the app shows, to prove it is set up.'),
    form];
}

/** The recovery codes, shown this once, with Copy and Download. */
function codesView(context, codes, headline) {
  const text = `MediaHub recovery codes for ${context.me().username}\nEach code works once.\n\n${codes.join('\n')}\n`;
  const note = h('p', { role: 'status', id: 'recovery-codes-note' });
  return [heading(),
    h('p', { id: 'two-factor-state' }, headline),
    h('p', {}, h('strong', {}, 'Save these recovery codes now: they are shown only this once. '),
      'Each one signs you in once if you lose your phone.'),
    h('ol', { class: 'recovery-codes', id: 'recovery-codes' }, codes.map((c) => h('li', {}, c))),
    note,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'secondary', id: 'copy-recovery-codes',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(text);
            note.textContent = 'Copied.';
          } catch (refused) {
            note.textContent = 'Your browser did not allow copying: select the codes and copy them, or download them.';
          }
        },
      }, 'Copy'),
      h('button', {
        type: 'button', class: 'secondary', id: 'download-recovery-codes',
        onclick: () => {
          const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })), download: 'mediahub-recovery-codes.txt' });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 1000);
          note.textContent = 'Downloaded as mediahub-recovery-codes.txt.';
        },
      }, 'Download'),
      h('button', { type: 'button', id: 'recovery-codes-done', onclick: () => context.signedIn() }, 'I have saved them'))];
}

/** TOTP is on: how many recovery codes are left, new ones, or turning it off. */
function onView(context, status) {
  const section = () => document.getElementById('two-factor');
  const renewError = errorLine('recovery-codes-error');
  const renew = h('form', { id: 'recovery-codes-renew', novalidate: true },
    h('h3', {}, 'New recovery codes'),
    h('p', { class: 'muted' }, 'The new set replaces the old one.'),
    field('renew-code', 'A code from your app, or a recovery code', { autocomplete: 'one-time-code', required: true }),
    renewError,
    h('button', { type: 'submit', class: 'secondary' }, 'Get new recovery codes'));
  renew.addEventListener('submit', submitting(renew, renewError, async () => {
    const code = renew.elements['renew-code'].value.trim();
    if (!code) {
      throw new Error('Enter a code.');
    }
    const result = await call('POST', 'api/users/me/recovery-codes', { code });
    section().replaceChildren(...codesView(context, result.recovery_codes, 'Your new recovery codes replace the old ones.'));
    section().querySelector('#recovery-codes-done').focus();
  }));
  const offError = errorLine('totp-off-error');
  const off = h('form', { id: 'totp-off', novalidate: true },
    h('h3', {}, 'Turn off'),
    field('off-password', 'Your password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('off-code', 'A code from your app, or a recovery code', { autocomplete: 'one-time-code', required: true }),
    offError,
    h('button', { type: 'submit', class: 'danger' }, 'Turn off two-factor authentication'));
  off.addEventListener('submit', submitting(off, offError, async () => {
    const password = off.elements['off-password'].value;
    const code = off.elements['off-code'].value.trim();
    if (!password || !code) {
      throw new Error('Enter your password and a code.');
    }
    try {
      await call('DELETE', 'api/users/me/totp', { password, code });
    } finally {
      off.elements['off-password'].value = ''; // not left in the page, right or wrong
    }
    await context.signedIn();
    context.say('Two-factor authentication is off.');
  }));
  return [heading(),
    h('p', { id: 'two-factor-state' }, `On. ${plural(status.recovery_codes_left, 'recovery code')} left.`),
    renew, off];
}

/** Our own server's SVG (a path of squares), parsed as SVG, never as HTML. */
function svgOf(markup) {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  return document.importNode(parsed, true);
}

/** "JBSW Y3DP EHPK 3PXP": easier to read and type. */
function grouped(secret) {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
