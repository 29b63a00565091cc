/**
 * The lexical and vector indexes, ranking and confidence: the answer model.
 */
@ApplicationModule(allowedDependencies = {"knowledge", "knowledge :: transfer", "nlp"})
package org.askonce.retrieval;

import org.springframework.modulith.ApplicationModule;
