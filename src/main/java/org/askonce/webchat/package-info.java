/**
 * The web chat channel: its page and API, and citizens' identities.
 */
@ApplicationModule(allowedDependencies = {"appointments", "dialogue", "guide", "knowledge", "system"})
package org.askonce.webchat;

import org.springframework.modulith.ApplicationModule;
