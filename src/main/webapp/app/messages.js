// What the app says to people. The API keeps the contract's texts ("Authentication failed",
// "Field 'name' must not be blank"); the pages translate them here, in one place, into words
// for the person at the screen. A text not listed is shown as the API wrote it.

const FIELD_NAMES = {
  name: 'a name',
  title: 'a title',
  username: 'a username',
  password: 'a password',
  new_password: 'a new password',
  current_password: 'your current password',
};

const EXACT = {
  'Authentication failed': 'Wrong username or password.',
  'Invalid or expired refresh token': 'Your session has ended. Please sign in again.',
  'The current password is not correct.': 'Your current password is not correct.',
  'Username already exists': 'That username is taken: choose another one.',
  'Username is too similar to an existing username': 'That username looks too much like an existing one: choose another one.',
  'Database not found': 'That database does not exist (any more).',
  'Entry not found': 'That entry does not exist (any more).',
  'User not found': 'That user does not exist (any more).',
  'Only the owner of this database or an admin may access it.': 'This database belongs to someone else.',
  'This action requires the admin role.': 'Only an admin may do this.',
  'The last admin cannot be deleted or lose the admin role': 'This is the last admin: make another user an admin first.',
  'Invalid second factor': 'That code is not right. Check that your phone shows the time correctly, or use the next code.',
  'The code is not correct.': 'That code is not right. Try the code your app shows now.',
  'Two-factor authentication is already on': 'Two-factor authentication is already on.',
};

/** "in 15 minutes", "in 40 seconds" from a Retry-After in seconds. */
export function inTime(seconds) {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return 'in a moment';
  }
  if (seconds < 60) {
    return `in ${plural(Math.ceil(seconds), 'second')}`;
  }
  return `in ${plural(Math.ceil(seconds / 60), 'minute')}`;
}

/** "1 database", "2 databases". */
export function plural(count, noun, nouns = `${noun}s`) {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** The sentence for a failed call: its HTTP status (0: no answer), the API's text, Retry-After. */
export function humane(status, apiText, retryAfterSeconds) {
  if (status === 0) {
    return 'Cannot reach MediaHub. Check your connection, then try again.';
  }
  if (status === 429) {
    return `Too many attempts: try again ${inTime(retryAfterSeconds)}.`;
  }
  if (status === 503) {
    return `MediaHub cannot answer right now (it may be restarting). Try again ${inTime(retryAfterSeconds)}.`;
  }
  if (EXACT[apiText]) {
    return EXACT[apiText];
  }
  const missing = /^Field '(\w+)' (?:is required|must not be blank)$/.exec(apiText || '');
  if (missing) {
    return `Enter ${FIELD_NAMES[missing[1]] || missing[1].replace('_', ' ')}.`;
  }
  if (/^Field 'code' must be a 6-digit code/.test(apiText || '')) {
    return 'Enter the 6-digit code from your authenticator app.';
  }
  const short = /^Field '(\w+)' must be at least (\d+) characters$/.exec(apiText || '');
  if (short) {
    return `The password must be at least ${short[2]} characters long.`;
  }
  return apiText || `Something went wrong (HTTP ${status}).`;
}
