/**
 * The lexical and vector indexes, ranking and confidence: the answer model.
 */
@ApplicationModule(allowedDependencies = {"knowledge", "nlp"})
package org.askonce.retrieval;

import org.springframework.modulith.ApplicationModule;
