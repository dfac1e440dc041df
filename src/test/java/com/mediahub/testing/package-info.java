/** Stand-ins for unit tests: a clock the test moves, an audit that remembers, users without a database. */
package com.mediahub.testing;
