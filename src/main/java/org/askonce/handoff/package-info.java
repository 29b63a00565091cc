/**
 * The human queue, the agent console, and delivery of agents' replies.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "dialogue", "knowledge", "knowledge :: editing", "nlp", "privacy", "retrieval"})
package org.askonce.handoff;

import org.springframework.modulith.ApplicationModule;
