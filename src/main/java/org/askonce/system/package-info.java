/**
 * Security, web configuration, error pages, the database watch and rate limits.
 */
@ApplicationModule(allowedDependencies = {"accounts"})
package org.askonce.system;

import org.springframework.modulith.ApplicationModule;
