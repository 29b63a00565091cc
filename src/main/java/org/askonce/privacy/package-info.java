/**
 * Masking personal data and how long it is kept.
 */
@ApplicationModule(allowedDependencies = {})
package org.askonce.privacy;

import org.springframework.modulith.ApplicationModule;
