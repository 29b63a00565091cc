/**
 * Conversations and turns, the policy that answers, clarifies or hands over, and the wording of every reply.
 */
@ApplicationModule(allowedDependencies = {"knowledge", "nlp", "privacy", "retrieval"})
package org.askonce.dialogue;

import org.springframework.modulith.ApplicationModule;
