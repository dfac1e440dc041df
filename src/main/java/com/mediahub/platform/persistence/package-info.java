/**
 * Database plumbing shared by repositories: reading timestamps the way each database returns
 * them, and statements whose SQL form is chosen by a probe at startup.
 */
package com.mediahub.platform.persistence;
