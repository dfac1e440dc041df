/** {@code /api/token}, {@code /api/token/refresh}, {@code /api/logout}, {@code /api/logout-all}, {@code /api/sessions}. */
package com.mediahub.auth.session.boundary;
